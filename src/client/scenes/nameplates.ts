/**
 * The hall's nameplate cards, drawn with Canvas 2D into one sheet that becomes a single texture.
 *
 * Drawn with Phaser's Graphics and baked one by one, the cards were the dearest part of laying the
 * hall out: a path, a render target and a render pass per card, and a text object per line, each
 * with its own canvas and upload (about 50 ms of the hall's first layout on a 2-core laptop with
 * software WebGL). On a 2D canvas the same card is a few fills and `fillText` calls, and the whole
 * sheet is uploaded once. Text is measured here too, so that the card's size and the words drawn
 * on it come from one measurement.
 */
import type { Seat } from './types';

/** The CSS font of bold or regular text at `size` px in `family`. */
export const fontOf = (size: number, bold: boolean, family: string): string =>
  `${bold ? 'bold ' : ''}${size}px ${family}`;

/** Phaser's test string for a font's height: the same lines as the hall's text objects. */
const TEST = '|MÉqgy';

export interface LineMetrics {
  ascent: number;
  /** Height of one line (ascent + descent of the test string). */
  height: number;
}

const metricsCache = new Map<string, LineMetrics>();

/**
 * Whether `font`'s web font has loaded: until then a canvas measures the fallback font, whose
 * figures must not be kept. Where there is no document (tests), there is nothing to wait for.
 */
const fontReady = (font: string): boolean =>
  typeof document === 'undefined' || document.fonts.check(font);

/** Ascent and line height of `font` (kept once its web font has loaded: it then stays as it is). */
export const lineMetrics = (g: CanvasRenderingContext2D, font: string): LineMetrics => {
  const kept = metricsCache.get(font);
  if (kept) return kept;
  g.font = font;
  const t = g.measureText(TEST);
  const m = {
    ascent: t.actualBoundingBoxAscent,
    height: t.actualBoundingBoxAscent + t.actualBoundingBoxDescent,
  };
  if (fontReady(font)) metricsCache.set(font, m);
  return m;
};

let scratch: CanvasRenderingContext2D | null = null;

/** A 2D context for measuring text (nothing is drawn on it), one for the page. */
export const scratchContext = (): CanvasRenderingContext2D => {
  scratch ??= document.createElement('canvas').getContext('2d');
  if (!scratch) throw new Error('this browser has no 2D canvas');
  return scratch;
};

/**
 * A Phaser text style's `metrics` for `font`, from the cache above: given them, a text object does
 * not measure its font itself by drawing on a canvas of its own (a few ms each).
 */
export const styleMetrics = (
  g: CanvasRenderingContext2D,
  font: string,
): { ascent: number; descent: number; fontSize: number } => {
  const lm = lineMetrics(g, font);
  return { ascent: lm.ascent, descent: lm.height - lm.ascent, fontSize: lm.height };
};

/** Width of `s` in the context's current font, rounded up as text objects round it. */
export const widthOf = (g: CanvasRenderingContext2D, s: string): number =>
  Math.ceil(g.measureText(s).width);

/** `s` shortened with an ellipsis until it fits `maxW` in the context's current font. */
export const fitLine = (g: CanvasRenderingContext2D, s: string, maxW: number): string => {
  if (widthOf(g, s) <= maxW || s.length < 2) return s;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (widthOf(g, `${s.slice(0, mid)}…`) <= maxW) lo = mid;
    else hi = mid - 1;
  }
  return `${s.slice(0, lo).trimEnd()}…`;
};

/**
 * `s` in lines of at most `maxW` in the context's current font: breaks between words, and inside a
 * word longer than a line. Beyond `maxLines`, the last line ends with an ellipsis.
 */
export const wrapLines = (
  g: CanvasRenderingContext2D,
  s: string,
  maxW: number,
  maxLines: number,
): string[] => {
  const lines: string[] = [];
  let line = '';
  const push = (word: string) => {
    const next = line ? `${line} ${word}` : word;
    if (widthOf(g, next) <= maxW) {
      line = next;
      return;
    }
    if (line) lines.push(line);
    line = '';
    // A word too long for a line of its own is cut where it must be.
    let rest = word;
    while (widthOf(g, rest) > maxW && rest.length > 1) {
      let n = rest.length - 1;
      while (n > 1 && widthOf(g, rest.slice(0, n)) > maxW) n--;
      lines.push(rest.slice(0, n));
      rest = rest.slice(n);
    }
    line = rest;
  };
  for (const word of s.split(/\s+/).filter(Boolean)) push(word);
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fitLine(g, `${kept[maxLines - 1]!} ${lines[maxLines]!}`, maxW);
  return kept;
};

/** Colours of a card, as CSS colours. */
export interface PlateColours {
  plate: string;
  frozenPlate: string;
  plateEdge: string;
  plateText: string;
  plateDim: string;
  accent: string;
  onAccent: string;
  flagEdge: string;
  shadowAlpha: number;
}

/** One size for every card: the card, its flag, the width its name wraps at, flag beside or above. */
export interface CardSize {
  w: number;
  h: number;
  fw: number;
  fh: number;
  wrap: number;
  horizontal: boolean;
}

export interface PlateLayout extends CardSize {
  ui: number;
  pad: number;
  nameSize: number;
  statusSize: number;
  highContrast: boolean;
  family: string;
}

/**
 * Draws one card centred on (cx, cy). `flag` is the flag's image, or null for a plain plate with
 * the country's code. Marks never rely on colour alone: a dashed edge and an empty chair for an
 * absent seat, a snowflake for a frozen one, a ring and a person badge for the player's own.
 */
export const drawPlate = (
  g: CanvasRenderingContext2D,
  seat: Seat,
  cx: number,
  cy: number,
  L: PlateLayout,
  c: PlateColours,
  flag: CanvasImageSource | null,
): void => {
  const { w, h, ui, pad } = L;
  const hc = L.highContrast;
  const rad = Math.round(7 * ui);
  const x0 = cx - w / 2;
  const y0 = cy - h / 2;
  g.save();
  if (c.shadowAlpha > 0) {
    g.fillStyle = 'rgba(0,0,0,0.45)';
    g.beginPath();
    g.roundRect(x0 + 2, y0 + 4, w, h, rad);
    g.fill();
  }
  const dimmed = seat.absent || seat.frozen;
  g.globalAlpha = seat.absent && !hc ? 0.6 : 1;
  g.fillStyle = seat.frozen ? c.frozenPlate : c.plate;
  g.beginPath();
  g.roundRect(x0, y0, w, h, rad);
  g.fill();
  g.globalAlpha = 1;
  if (dimmed) {
    // Dashed edge, a little outside the card, for a seat that is not taking part.
    const dash = 6 * ui;
    const o = 3;
    g.strokeStyle = hc ? '#ffffff' : '#5d6672';
    g.lineWidth = hc ? 2 : 1.5;
    g.setLineDash([dash, dash]);
    g.beginPath();
    g.moveTo(x0 + rad, y0 - o);
    g.lineTo(x0 + w - rad, y0 - o);
    g.moveTo(x0 + rad, y0 + h + o);
    g.lineTo(x0 + w - rad, y0 + h + o);
    g.moveTo(x0 - o, y0 + rad);
    g.lineTo(x0 - o, y0 + h - rad);
    g.moveTo(x0 + w + o, y0 + rad);
    g.lineTo(x0 + w + o, y0 + h - rad);
    g.stroke();
    g.setLineDash([]);
  } else {
    g.strokeStyle = c.plateEdge;
    g.lineWidth = hc ? 2 : 1;
    g.beginPath();
    g.roundRect(x0, y0, w, h, rad);
    g.stroke();
  }

  const nameFont = fontOf(L.nameSize, true, L.family);
  const statusFont = fontOf(L.statusSize, false, L.family);
  const nameM = lineMetrics(g, nameFont);
  const statusM = lineMetrics(g, statusFont);
  g.font = nameFont;
  const names = wrapLines(g, seat.name, L.wrap, 2);
  g.textBaseline = 'alphabetic';
  const flagAt = (fx: number, fy: number) =>
    drawFlag(g, seat.id, fx, fy, L.fw, L.fh, flag, dimmed ? 0.45 : 1, hc, c, L.family);
  /** The name's lines from `top`, then the status line with its baseline at `statusBase`. */
  const words = (x: number, top: number, statusBase: number, maxW: number) => {
    g.fillStyle = c.plateText;
    g.font = nameFont;
    names.forEach((s, i) => g.fillText(s, x, Math.round(top + i * nameM.height + nameM.ascent)));
    g.font = statusFont;
    g.fillStyle = c.plateDim;
    g.fillText(fitLine(g, seat.status, maxW), x, Math.round(statusBase));
  };
  if (L.horizontal) {
    const fx = x0 + pad * 0.6 + L.fw / 2;
    flagAt(fx, cy);
    const tx = fx + L.fw / 2 + 6 * ui;
    const nameH = names.length * nameM.height;
    const top = cy - (nameH + statusM.height) / 2;
    g.textAlign = 'left';
    words(tx, top, top + nameH + statusM.ascent, cx + w / 2 - tx - 4);
  } else {
    const fy = y0 + pad * 0.6 + L.fh / 2;
    flagAt(cx, fy);
    g.textAlign = 'center';
    const statusBase = y0 + h - pad * 0.5 - statusM.height + statusM.ascent;
    words(cx, fy + L.fh / 2 + 4 * ui, statusBase, w - 6);
  }

  if (seat.frozen) snowflake(g, cx + w / 2 - 9 * ui, y0 + 9 * ui, 6 * ui, hc);
  if (seat.absent) {
    // An empty-chair glyph: an open square.
    g.strokeStyle = hc ? '#ffffff' : '#5d6672';
    g.lineWidth = Math.max(1.5, 1.8 * ui);
    g.strokeRect(cx + w / 2 - 15 * ui, y0 + 4 * ui, 10 * ui, 10 * ui);
  }
  if (seat.isPlayer) {
    g.strokeStyle = c.accent;
    g.lineWidth = Math.max(3, 3.5 * ui);
    g.beginPath();
    g.roundRect(x0 - 4, y0 - 4, w + 8, h + 8, rad + 3);
    g.stroke();
    youBadge(g, x0 + 2, y0 + 2, Math.round(10 * ui), c);
  }
  g.restore();
};

const drawFlag = (
  g: CanvasRenderingContext2D,
  id: string,
  cx: number,
  cy: number,
  w: number,
  h: number,
  flag: CanvasImageSource | null,
  alpha: number,
  hc: boolean,
  c: PlateColours,
  family: string,
): void => {
  const x = cx - w / 2;
  const y = cy - h / 2;
  g.save();
  if (flag) {
    g.globalAlpha = alpha;
    g.imageSmoothingQuality = 'high';
    g.drawImage(flag, x, y, w, h);
    g.globalAlpha = hc ? 1 : 0.55;
  } else {
    g.fillStyle = hc ? '#000000' : '#5b6776';
    g.fillRect(x, y, w, h);
    g.fillStyle = '#ffffff';
    g.font = fontOf(Math.max(9, Math.round(h * 0.42)), true, family);
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.fillText(id.toUpperCase(), cx, cy);
    g.textBaseline = 'alphabetic';
  }
  g.strokeStyle = c.flagEdge;
  g.lineWidth = 1;
  g.strokeRect(x, y, w, h);
  g.restore();
};

const snowflake = (
  g: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  hc: boolean,
): void => {
  g.strokeStyle = hc ? '#ffffff' : '#2b6f9a';
  g.lineWidth = Math.max(1.5, r * 0.28);
  g.beginPath();
  for (let i = 0; i < 3; i++) {
    const a = (i * Math.PI) / 3 + Math.PI / 2;
    g.moveTo(x - r * Math.cos(a), y - r * Math.sin(a));
    g.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
  }
  g.stroke();
};

/** A "this is you" marker: a person glyph in a round badge. */
const youBadge = (
  g: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  c: PlateColours,
): void => {
  g.fillStyle = c.accent;
  g.beginPath();
  g.arc(x, y, r, 0, Math.PI * 2);
  g.fill();
  g.strokeStyle = c.onAccent;
  g.lineWidth = Math.max(1.5, r * 0.14);
  g.stroke();
  g.fillStyle = c.onAccent;
  g.beginPath();
  g.arc(x, y - r * 0.28, r * 0.26, 0, Math.PI * 2);
  g.fill();
  g.beginPath();
  g.arc(x, y + r * 0.62, r * 0.5, Math.PI, 0, false);
  g.closePath();
  g.fill();
};

/** Where each card sits on the sheet: a grid of equal cells, as near square as it can be. */
export const sheetCells = (
  n: number,
  cellW: number,
  cellH: number,
): { cols: number; rows: number; at: (i: number) => { x: number; y: number } } => {
  const cols = Math.max(1, Math.ceil(Math.sqrt(n)));
  const rows = Math.max(1, Math.ceil(n / cols));
  return {
    cols,
    rows,
    at: (i) => ({ x: (i % cols) * cellW, y: Math.floor(i / cols) * cellH }),
  };
};
