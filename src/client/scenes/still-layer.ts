/**
 * The hall's still layer (the room, the table, the panels) drawn with Canvas 2D, straight into
 * the backdrop canvas beneath the engine's.
 *
 * The hall builds that layer from Phaser display objects (Graphics, texts, flag images), as it
 * always has. Phaser would draw them with WebGL into a texture, and the hall would then read the
 * texture back into the backdrop after the frame that showed it: on the first layout, about 30 ms
 * of the hall's first frame on a 2-core laptop with software WebGL, and a read-back that stalls
 * the GPU at every layout after it. Here the same objects are replayed on the backdrop's 2D
 * context instead, as Phaser's WebGL renderer draws them: each sub-path of a fill is filled on its
 * own, arcs become the same points, and transforms apply when a shape is filled or stroked.
 *
 * A layer holding anything this cannot draw (a gradient across a path, a gradient line, an object
 * of another kind) is refused as a whole (`replayable` is false), and the hall falls back to
 * WebGL for it. Pure: no Phaser here, so that the replay is tested in Node.
 */

/** Phaser's Graphics command codes (phaser/src/gameobjects/graphics/Commands.js). */
export const CMD = {
  ARC: 0,
  BEGIN_PATH: 1,
  CLOSE_PATH: 2,
  FILL_RECT: 3,
  LINE_TO: 4,
  MOVE_TO: 5,
  LINE_STYLE: 6,
  FILL_STYLE: 7,
  FILL_PATH: 8,
  STROKE_PATH: 9,
  FILL_TRIANGLE: 10,
  STROKE_TRIANGLE: 11,
  SAVE: 14,
  RESTORE: 15,
  TRANSLATE: 16,
  SCALE: 17,
  ROTATE: 18,
  GRADIENT_FILL_STYLE: 21,
  GRADIENT_LINE_STYLE: 22,
} as const;

/** How many numbers follow each command in the buffer. */
const ARGS: Readonly<Record<number, number>> = {
  [CMD.ARC]: 7,
  [CMD.BEGIN_PATH]: 0,
  [CMD.CLOSE_PATH]: 0,
  [CMD.FILL_RECT]: 4,
  [CMD.LINE_TO]: 2,
  [CMD.MOVE_TO]: 2,
  [CMD.LINE_STYLE]: 3,
  [CMD.FILL_STYLE]: 2,
  [CMD.FILL_PATH]: 0,
  [CMD.STROKE_PATH]: 0,
  [CMD.FILL_TRIANGLE]: 6,
  [CMD.STROKE_TRIANGLE]: 6,
  [CMD.SAVE]: 0,
  [CMD.RESTORE]: 0,
  [CMD.TRANSLATE]: 2,
  [CMD.SCALE]: 2,
  [CMD.ROTATE]: 1,
  [CMD.GRADIENT_FILL_STYLE]: 8,
};

/** The part of a 2D context the replay uses (a recording fake stands in for it in tests). */
export type Paint = Pick<
  CanvasRenderingContext2D,
  | 'setTransform'
  | 'clearRect'
  | 'beginPath'
  | 'moveTo'
  | 'lineTo'
  | 'closePath'
  | 'fill'
  | 'stroke'
  | 'fillRect'
  | 'drawImage'
  | 'createLinearGradient'
  | 'fillStyle'
  | 'strokeStyle'
  | 'lineWidth'
  | 'globalAlpha'
>;

/** A 2D affine matrix [a, b, c, d, e, f], as `setTransform` takes it. */
type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** One object of the layer, in the order drawn. */
export type StillItem =
  | {
      kind: 'shape';
      /** The Graphics object's command buffer. */
      commands: readonly number[];
      /** Its transform (position, rotation, scale) and alpha. */
      matrix: Matrix;
      alpha: number;
    }
  | {
      kind: 'image';
      /** A text's canvas, or a flag's. */
      source: CanvasImageSource;
      /** The part of the source drawn (the frame), then where, in the layer's pixels. */
      from: [x: number, y: number, w: number, h: number];
      to: [x: number, y: number, w: number, h: number];
      alpha: number;
    };

/** Whether every command in `commands` is one the replay draws as WebGL would. */
export const replayable = (commands: readonly number[]): boolean => {
  let gradient = false;
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i]!;
    const n = ARGS[c];
    if (n === undefined) return false;
    if (c === CMD.GRADIENT_FILL_STYLE) {
      // Only a gradient from top to bottom (each edge one colour), and only under a rectangle.
      const [tl, tr, bl, br] = [commands[i + 1], commands[i + 2], commands[i + 3], commands[i + 4]];
      const [ctl, ctr, cbl, cbr] = [
        commands[i + 5],
        commands[i + 6],
        commands[i + 7],
        commands[i + 8],
      ];
      if (tl !== tr || bl !== br || ctl !== ctr || cbl !== cbr) return false;
      gradient = true;
    } else if (c === CMD.FILL_STYLE) gradient = false;
    else if (gradient && (c === CMD.FILL_PATH || c === CMD.FILL_TRIANGLE)) return false;
    i += n;
  }
  return true;
};

const rgba = (colour: number, alpha: number): string =>
  `rgba(${(colour >>> 16) & 0xff},${(colour >>> 8) & 0xff},${colour & 0xff},${alpha})`;

/**
 * Replays one Graphics object's `commands` on `g`, under `base` (the object's transform) with the
 * object's `alpha`. Call only where `replayable(commands)`.
 */
export const replayShape = (
  g: Paint,
  commands: readonly number[],
  base: Matrix,
  alpha: number,
): void => {
  let current = IDENTITY;
  const stack: Matrix[] = [];
  /** The sub-paths, as Phaser keeps them: each a list of x, y pairs. */
  let paths: number[][] = [];
  let last: number[] | null = null;
  let open = true;
  let gradient: { top: string; bottom: string } | null = null;
  let lineWidth = 1;
  const at = () => g.setTransform(...multiply(base, current));
  /**
   * A stroke's points moved onto the pixel grid where the transform only moves things (so that
   * the grid is known): WebGL, drawing without smoothing, puts a line of one pixel on a single row
   * or column, which a 2D canvas would smear over two at half strength (a grey rule instead of a
   * white one in high contrast). Odd widths go to pixels' centres, even widths to their edges.
   */
  const snapped = (p: readonly number[]): readonly number[] => {
    const m = multiply(base, current);
    if (m[0] !== 1 || m[1] !== 0 || m[2] !== 0 || m[3] !== 1) return p;
    const odd = Math.round(lineWidth) % 2 === 1;
    return p.map((v, k) => {
      const t = k % 2 === 0 ? m[4] : m[5];
      return (odd ? Math.floor(v + t) + 0.5 : Math.round(v + t)) - t;
    });
  };
  const trace = (p: readonly number[]) => {
    g.beginPath();
    g.moveTo(p[0]!, p[1]!);
    for (let k = 2; k < p.length; k += 2) g.lineTo(p[k]!, p[k + 1]!);
  };
  for (let i = 0; i < commands.length; i++) {
    const c = commands[i]!;
    const a = (k: number) => commands[i + k]!;
    switch (c) {
      case CMD.BEGIN_PATH:
        paths = [];
        last = null;
        open = true;
        break;
      case CMD.CLOSE_PATH:
        open = false;
        if (last && last.length) last.push(last[0]!, last[1]!);
        break;
      case CMD.MOVE_TO:
        last = [a(1), a(2)];
        paths.push(last);
        break;
      case CMD.LINE_TO:
        if (last) last.push(a(1), a(2));
        else {
          last = [a(1), a(2)];
          paths.push(last);
        }
        break;
      case CMD.ARC: {
        // The same points as Phaser's WebGL renderer: a hundred steps over the sweep.
        const [x, y, r, start] = [a(1), a(2), a(3), a(4)];
        let sweep = a(5) - start;
        const anticlockwise = a(6);
        const overshoot = a(7);
        const full = Math.PI * 2;
        if (anticlockwise) {
          if (sweep < -full) sweep = -full;
          else if (sweep > 0) sweep = -full + (sweep % full);
        } else if (sweep > full) sweep = full;
        else if (sweep < 0) sweep = full + (sweep % full);
        let t = 0;
        if (last === null) {
          last = [x + Math.cos(start) * r, y + Math.sin(start) * r];
          paths.push(last);
          t += 0.01;
        }
        while (t < 1 + overshoot) {
          const ang = sweep * t + start;
          last.push(x + Math.cos(ang) * r, y + Math.sin(ang) * r);
          t += 0.01;
        }
        last.push(x + Math.cos(sweep + start) * r, y + Math.sin(sweep + start) * r);
        break;
      }
      case CMD.LINE_STYLE:
        lineWidth = a(1);
        g.lineWidth = lineWidth;
        g.strokeStyle = rgba(a(2), a(3) * alpha);
        break;
      case CMD.FILL_STYLE:
        gradient = null;
        g.fillStyle = rgba(a(1), a(2) * alpha);
        break;
      case CMD.GRADIENT_FILL_STYLE:
        gradient = { top: rgba(a(5), a(1) * alpha), bottom: rgba(a(7), a(3) * alpha) };
        break;
      case CMD.FILL_PATH:
        at();
        // Each sub-path filled on its own, as WebGL triangulates them one by one.
        for (const p of paths) {
          if (p.length < 6) continue;
          trace(p);
          g.fill();
        }
        break;
      case CMD.STROKE_PATH:
        at();
        for (const p of paths) {
          if (p.length < 4) continue;
          trace(snapped(p));
          if (!open) g.closePath();
          g.stroke();
        }
        break;
      case CMD.FILL_RECT: {
        at();
        const [x, y, w, h] = [a(1), a(2), a(3), a(4)];
        if (gradient) {
          const fill = g.createLinearGradient(0, y, 0, y + h);
          fill.addColorStop(0, gradient.top);
          fill.addColorStop(1, gradient.bottom);
          const kept = g.fillStyle;
          g.fillStyle = fill;
          g.fillRect(x, y, w, h);
          g.fillStyle = kept;
        } else g.fillRect(x, y, w, h);
        break;
      }
      case CMD.FILL_TRIANGLE:
        at();
        trace([a(1), a(2), a(3), a(4), a(5), a(6)]);
        g.closePath();
        g.fill();
        break;
      case CMD.STROKE_TRIANGLE:
        at();
        trace(snapped([a(1), a(2), a(3), a(4), a(5), a(6)]));
        g.closePath();
        g.stroke();
        break;
      case CMD.SAVE:
        stack.push(current);
        break;
      case CMD.RESTORE:
        current = stack.pop() ?? IDENTITY;
        break;
      case CMD.TRANSLATE:
        current = multiply(current, [1, 0, 0, 1, a(1), a(2)]);
        break;
      case CMD.SCALE:
        current = multiply(current, [a(1), 0, 0, a(2), 0, 0]);
        break;
      case CMD.ROTATE: {
        const [s, k] = [Math.sin(a(1)), Math.cos(a(1))];
        current = multiply(current, [k, s, -s, k, 0, 0]);
        break;
      }
    }
    i += ARGS[c] ?? 0;
  }
};

/** Whether the whole layer can be drawn here (else WebGL draws it). */
export const layerReplayable = (items: readonly StillItem[] | null): items is StillItem[] =>
  items !== null && items.every((it) => it.kind === 'image' || replayable(it.commands));

/** Clears `g`'s canvas of `w` × `h` pixels and draws the layer's `items` on it, in order. */
export const paintLayer = (g: Paint, w: number, h: number, items: readonly StillItem[]): void => {
  g.setTransform(...IDENTITY);
  g.globalAlpha = 1;
  g.clearRect(0, 0, w, h);
  for (const it of items) {
    if (it.kind === 'shape') {
      g.globalAlpha = 1;
      replayShape(g, it.commands, it.matrix, it.alpha);
    } else {
      g.setTransform(...IDENTITY);
      g.globalAlpha = it.alpha;
      g.drawImage(it.source, ...it.from, ...it.to);
    }
  }
  g.setTransform(...IDENTITY);
  g.globalAlpha = 1;
};
