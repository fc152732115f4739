/**
 * The conference hall: the Council table seen from above, the speaker and the speech, the
 * alliance gauges, the vote board and the chair's gavel. It renders a `HallModel` and decides
 * nothing (STYLE.md rule 7): every string arrives translated in the model, and every meaning is
 * carried by a shape or a word as well as by colour.
 *
 * `render(model)` compares the model with the previous one. A change of size, theme, seats, title,
 * phase or ballot shape rebuilds the display objects in their final state; everything else is
 * updated in place, and what changed is animated (instantly when `theme.reducedMotion`).
 */
import Phaser from 'phaser';
import { flagKey } from '../flags';
import { afterNextPaint } from '../ui/dom';
import {
  drawPlate,
  fitLine,
  fontOf,
  lineMetrics,
  scratchContext,
  sheetCells,
  styleMetrics,
  widthOf,
  wrapLines,
  type LineMetrics,
  type CardSize,
  type PlateColours,
  type PlateLayout,
} from './nameplates';
import { layerReplayable, paintLayer, type StillItem } from './still-layer';
import type { Gauge, HallModel, Renders, Seat, Theme, VoteMark } from './types';

type Choice = NonNullable<VoteMark['choice']>;
type Container = Phaser.GameObjects.Container;
type Graphics = Phaser.GameObjects.Graphics;
type Text = Phaser.GameObjects.Text;

export const HALL_SCENE_KEY = 'hall';
const FONT = 'Noto Sans, sans-serif';
/** The texture holding every nameplate card, a frame per seat. */
const CARDS = 'hall-cards';

// ---------------------------------------------------------------------------------------------
// Colours

interface Colours {
  bgTop: number;
  bgBottom: number;
  bar: number;
  floor: number;
  floorEdge: number;
  panel: number;
  panelAlpha: number;
  panelEdge: number;
  text: string;
  dim: string;
  textN: number;
  dimN: number;
  accent: number;
  accentCss: string;
  onAccent: number;
  light: number;
  table: number;
  tableGrain: number;
  tableEdge: number;
  tableHighlight: number;
  shadowAlpha: number;
  rug: number;
  rugLine: number;
  chair: number;
  chairEdge: number;
  plate: number;
  plateEdge: number;
  plateText: string;
  plateDim: string;
  frozenPlate: number;
  choice: Record<Choice, number>;
  symbol: number;
  pending: number;
  track: number;
  low: number;
  mid: number;
  high: number;
  warn: number;
  gavelHead: number;
  gavelHandle: number;
  block: number;
  flagEdge: number;
}

const css = (n: number): string => `#${n.toString(16).padStart(6, '0')}`;

function coloursFor(theme: Theme): Colours {
  const cb = theme.palette === 'colourblind';
  if (theme.highContrast) {
    return {
      bgTop: 0x000000,
      bgBottom: 0x000000,
      bar: 0x000000,
      floor: 0x000000,
      floorEdge: 0xffffff,
      panel: 0x000000,
      panelAlpha: 1,
      panelEdge: 0xffffff,
      text: '#ffffff',
      dim: '#ffffff',
      textN: 0xffffff,
      dimN: 0xffffff,
      accent: 0xffff00,
      accentCss: '#ffff00',
      onAccent: 0x000000,
      light: 0xffff00,
      table: 0x000000,
      tableGrain: 0x000000,
      tableEdge: 0xffffff,
      tableHighlight: 0xffffff,
      shadowAlpha: 0,
      rug: 0x000000,
      rugLine: 0x808080,
      chair: 0x000000,
      chairEdge: 0xffffff,
      plate: 0x000000,
      plateEdge: 0xffffff,
      plateText: '#ffffff',
      plateDim: '#ffffff',
      frozenPlate: 0x000000,
      choice: cb
        ? { yes: 0x19c98f, no: 0xff8a2a, abstain: 0xd0d0d0, standAside: 0x56b4e9 }
        : { yes: 0x5fd97f, no: 0xff7a6b, abstain: 0xd0d0d0, standAside: 0x7fb8ff },
      symbol: 0x000000,
      pending: 0xffffff,
      track: 0x000000,
      low: cb ? 0xff8a2a : 0xff7a6b,
      mid: 0xffff00,
      high: cb ? 0x19c98f : 0x5fd97f,
      warn: 0xffff00,
      gavelHead: 0x000000,
      gavelHandle: 0x000000,
      block: 0x000000,
      flagEdge: 0xffffff,
    };
  }
  return {
    bgTop: 0x101a27,
    bgBottom: 0x0a111a,
    bar: 0x0c141f,
    floor: 0x1a2a3e,
    floorEdge: 0x2c4360,
    panel: 0x132031,
    panelAlpha: 0.94,
    panelEdge: 0x2e4664,
    text: '#f3efe4',
    dim: '#aeb9c7',
    textN: 0xf3efe4,
    dimN: 0x8796a8,
    accent: cb ? 0xf0e442 : 0xf2c14e,
    accentCss: cb ? '#f0e442' : '#f2c14e',
    onAccent: 0x1a1a1a,
    light: 0xfff1c2,
    table: 0x6e4526,
    tableGrain: 0x83573a,
    tableEdge: 0x3a2210,
    tableHighlight: 0xa8774c,
    shadowAlpha: 0.4,
    rug: 0x223a56,
    rugLine: 0x3c5b80,
    chair: 0x3a4758,
    chairEdge: 0x5d6f85,
    plate: 0xf1eadb,
    plateEdge: 0xbfb29a,
    plateText: '#1b1f26',
    plateDim: '#4d5560',
    frozenPlate: 0xd7e6ef,
    choice: cb
      ? { yes: 0x009e73, no: 0xd55e00, abstain: 0x8c8c8c, standAside: 0x0072b2 }
      : { yes: 0x2e9e57, no: 0xd04545, abstain: 0x7d8793, standAside: 0x3d7fd0 },
    symbol: 0xffffff,
    pending: 0x8796a8,
    track: 0x0b1420,
    low: cb ? 0xd55e00 : 0xd04545,
    mid: cb ? 0xe69f00 : 0xe0a030,
    high: cb ? 0x009e73 : 0x2e9e57,
    warn: cb ? 0xd55e00 : 0xe05a4a,
    gavelHead: 0x3b200c,
    gavelHandle: 0xd2a676,
    block: 0x2e1a0a,
    flagEdge: 0x1b1f26,
  };
}

// ---------------------------------------------------------------------------------------------
// Layout

interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

interface Fonts {
  title: number;
  phase: number;
  clock: number;
  name: number;
  status: number;
  speech: number;
  speaker: number;
  timer: number;
  gLabel: number;
  gValue: number;
  bTitle: number;
  bRow: number;
  result: number;
}

interface Metrics {
  w: number;
  h: number;
  portrait: boolean;
  ts: number;
  /** Size of non-text elements: grows with the screen and a little with the text scale. */
  ui: number;
  m: number;
  pad: number;
  f: Fonts;
}

interface SideFit {
  gaugesH: number;
  boardH: number;
  compact: boolean;
  rowH: number;
  /** The board did not fit at its natural row height. */
  squeezed: boolean;
}

interface SeatView {
  seat: Seat;
  card: Phaser.GameObjects.Image;
  x: number;
  y: number;
  micX: number;
  micY: number;
}

interface GaugeView {
  id: Gauge['id'];
  bar: Graphics;
  arrow: Graphics;
  value: Text;
  x: number;
  y: number;
  w: number;
  bh: number;
  shown: number;
  shownInt: number;
}

interface RowView {
  seat: string;
  badge: Graphics;
  label: Text;
  flash: Graphics;
  choice: Choice | null;
  word: string;
  r: number;
}

const clamp = (v: number, lo: number, hi: number): number => (v < lo ? lo : v > hi ? hi : v);

/** A size in whole pixels, rounded up to even (at least 2): the still layer's texture and canvas. */
const even = (n: number): number => Math.max(2, Math.ceil(n / 2) * 2);

/** Sets a canvas's pixel size and its CSS size to `w` × `h` (only when they change: resizing clears it). */
const sizeCanvas = (c: HTMLCanvasElement, w: number, h: number): void => {
  if (c.width === w && c.height === h) return;
  c.width = w;
  c.height = h;
  c.style.width = `${w}px`;
  c.style.height = `${h}px`;
};

function mmss(seconds: number, up: boolean): string {
  const s = Math.max(0, up ? Math.ceil(seconds) : Math.floor(seconds));
  const m = Math.floor(s / 60);
  const r = s % 60;
  return `${m < 10 ? '0' : ''}${m}:${r < 10 ? '0' : ''}${r}`;
}

/** The corners of a w×h rectangle centred at (cx, cy), turned by `ang` radians. */
function tilted(cx: number, cy: number, w: number, h: number, ang: number): Phaser.Math.Vector2[] {
  const co = Math.cos(ang);
  const si = Math.sin(ang);
  const pts: Phaser.Math.Vector2[] = [];
  for (const [u, v] of [
    [-w / 2, -h / 2],
    [w / 2, -h / 2],
    [w / 2, h / 2],
    [-w / 2, h / 2],
  ] as const) {
    pts.push(new Phaser.Math.Vector2(cx + u * co - v * si, cy + u * si + v * co));
  }
  return pts;
}

function ellipsePoint(cx: number, cy: number, rx: number, ry: number, deg: number) {
  const a = (deg * Math.PI) / 180;
  return new Phaser.Math.Vector2(cx + rx * Math.cos(a), cy + ry * Math.sin(a));
}

function arcPoints(cx: number, cy: number, rx: number, ry: number, a0: number, a1: number) {
  const steps = Math.max(8, Math.ceil(Math.abs(a1 - a0) / 4));
  const pts: Phaser.Math.Vector2[] = [];
  for (let i = 0; i <= steps; i++)
    pts.push(ellipsePoint(cx, cy, rx, ry, a0 + ((a1 - a0) * i) / steps));
  return pts;
}

/** A horseshoe: an elliptical band from a0 to a1 degrees (clockwise on screen), round ends. */
function horseshoe(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  t: number,
  a0: number,
  a1: number,
) {
  const outer = arcPoints(cx, cy, rx, ry, a0, a1);
  const inner = arcPoints(cx, cy, rx - t, ry - t, a1, a0);
  const cap = (from: Phaser.Math.Vector2, to: Phaser.Math.Vector2, deg: number, sign: number) => {
    const a = (deg * Math.PI) / 180;
    let dx = -rx * Math.sin(a) * sign;
    let dy = ry * Math.cos(a) * sign;
    const dl = Math.hypot(dx, dy) || 1;
    dx /= dl;
    dy /= dl;
    const mx = (from.x + to.x) / 2;
    const my = (from.y + to.y) / 2;
    const r = Math.hypot(from.x - mx, from.y - my);
    const nx = (from.x - mx) / (r || 1);
    const ny = (from.y - my) / (r || 1);
    const pts: Phaser.Math.Vector2[] = [];
    for (let i = 1; i < 12; i++) {
      const th = (Math.PI * i) / 12;
      pts.push(
        new Phaser.Math.Vector2(
          mx + r * (Math.cos(th) * nx + Math.sin(th) * dx),
          my + r * (Math.cos(th) * ny + Math.sin(th) * dy),
        ),
      );
    }
    return pts;
  };
  const o1 = outer[outer.length - 1] as Phaser.Math.Vector2;
  const i1 = inner[0] as Phaser.Math.Vector2;
  const i0 = inner[inner.length - 1] as Phaser.Math.Vector2;
  const o0 = outer[0] as Phaser.Math.Vector2;
  return [...outer, ...cap(o1, i1, a1, 1), ...inner, ...cap(i0, o0, a0, -1)];
}

/** Gap around the chair (degrees either side of the top) and the opening at the bottom. */
const CHAIR_GAP = 36;
const OPENING = 34;

function seatAngles(n: number): number[] {
  const nR = Math.ceil(n / 2);
  const nL = n - nR;
  const out: number[] = [];
  const side = (count: number, from: number, to: number) => {
    for (let j = 0; j < count; j++)
      out.push(count === 1 ? (from + to) / 2 : from + ((to - from) * j) / (count - 1));
  };
  side(nR, 270 + CHAIR_GAP, 450 - OPENING);
  side(nL, 90 + OPENING, 270 - CHAIR_GAP);
  return out;
}

// ---------------------------------------------------------------------------------------------

export class HallScene extends Phaser.Scene implements Renders<HallModel> {
  private model: HallModel | null = null;
  private ready = false;
  private layoutKey = '';
  /** How many times the hall has been laid out anew (read by tests and the benchmark). */
  layouts = 0;
  /** How the last layout's still layer was drawn (read by tests). */
  stillLayer: 'canvas' | 'webgl' | 'none' = 'none';
  /** The last layout's stage width and nameplate card width, in pixels (read by tests). */
  cardSpan = { stage: 0, card: 0 };
  private c: Colours = coloursFor({
    palette: 'default',
    highContrast: false,
    reducedMotion: false,
    textScale: 1,
  });
  private M: Metrics | null = null;

  private root!: Container;
  /**
   * Static drawing, built anew at each layout and then drawn once: into the backdrop with Canvas 2D
   * (paintBackdrop), or baked into one texture where that cannot be (Graphics cost every frame).
   */
  private bake!: Container;
  private speechCam: Phaser.Cameras.Scene2D.Camera | null = null;
  /**
   * The hall's still layer (the room, the table, the panels, drawn after each layout) as a 2D
   * canvas beneath the engine's transparent canvas, instead of a full-size texture that WebGL
   * samples again every frame: where WebGL runs in software that alone cost about 6 ms a frame,
   * a third of the budget. Null where the engine's canvas is opaque (the dev harness) or not WebGL;
   * there the still layer stays an image in the scene.
   */
  private backdrop: HTMLCanvasElement | null = null;
  private backdropPixels: Uint8Array | null = null;
  /** Counts layouts, so that a copy into the backdrop still pending for an older one is dropped. */
  private backdropJob = 0;
  private speechText: Text | null = null;

  private clockText: Text | null = null;
  private seats = new Map<string, SeatView>();
  private spot: Container | null = null;
  private micOn: Graphics | null = null;
  private pulse: Phaser.Tweens.Tween | null = null;
  private gavel: Container | null = null;
  private gavelRest = 0;
  private gavelFlash: Graphics | null = null;
  private impact: Graphics | null = null;

  private speakerBox: Container | null = null;
  private speechArea: Rect = { x: 0, y: 0, w: 1, h: 1 };
  private speechLineH = 20;
  private muted: Graphics | null = null;
  private ring: Graphics | null = null;
  private ringR = 16;
  private ringState = { v: 0 };
  private timerText: Text | null = null;
  private timerW = 60;

  private gauges: GaugeView[] = [];
  private rows = new Map<string, RowView>();
  private result: Container | null = null;
  private boardLabelW = 60;
  /** Keys of the textures this scene baked (removed on shutdown or when a seat leaves). */
  private baked = new Set<string>();

  /** Speech scrolling: 0 hold at top, 1 scrolling, 2 hold at the end. */
  private scrollPhase = 0;
  private scrollT = 0;
  private scrollY = 0;
  private scrollMax = 0;
  private lastTime = 0;

  /** Timers set by this scene that have not fired yet (they need the loop running). */
  private timers = 0;
  /** Frames drawn in a row with nothing moving (render on demand, below). */
  private stillFrames = 0;
  private sleptAt = 0;
  private wakeTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super({ key: HALL_SCENE_KEY });
  }

  private after(ms: number, f: () => void): void {
    this.timers++;
    this.time.delayedCall(ms, () => {
      this.timers--;
      f();
    });
  }

  /**
   * Render on demand. A frame costs the same whether or not anything moved, and on an old laptop
   * (or in software WebGL) redrawing a still hall sixty times a second takes the time the page
   * needs to answer input. So once nothing has moved for a few frames (no tween playing, no timer
   * pending, the speech not scrolling) the game loop sleeps, until a new model arrives, the stage
   * is resized, the map is opened, or a held speech is due to scroll on.
   */
  private restIfStill(): void {
    const moving =
      this.timers > 0 ||
      (this.scrollMax > 0 && this.scrollPhase === 1) ||
      this.tweens.getTweens().some((t) => t.isPlaying()) ||
      this.scene.manager.isActive('map');
    if (moving) {
      this.stillFrames = 0;
      return;
    }
    if (++this.stillFrames < 3) return;
    this.stillFrames = 0;
    if (!this.fillsStage()) {
      // Asleep, the scale manager would never look again: a canvas left at another size (CI once
      // saw one of 0×0 in a stage of 709×532, blank for good) is put right before the hall rests.
      this.scale.getParentBounds();
      this.scale.refresh();
      return;
    }
    if (this.scrollMax > 0 && this.model) {
      const hold = this.scrollPhase === 0 ? (this.model.theme.reducedMotion ? 7000 : 2500) : 4000;
      this.wakeTimer = setTimeout(() => this.wake(), Math.max(0, hold - this.scrollT) + 20);
    }
    this.sleptAt = performance.now();
    this.game.loop.sleep();
  }

  /** Whether the engine's canvas covers its stage (to within a pixel: the stage's size may be fractional). */
  private fillsStage(): boolean {
    const parent = this.scale.parent as HTMLElement | null;
    const canvas = this.game.canvas as HTMLCanvasElement | null;
    if (!parent || !canvas) return true;
    const p = parent.getBoundingClientRect();
    const c = canvas.getBoundingClientRect();
    return Math.abs(p.width - c.width) < 1.5 && Math.abs(p.height - c.height) < 1.5;
  }

  /** Wakes the loop (a no-op when it runs); a held speech counts the time slept as held. */
  wake(): void {
    clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    // Before the scene has joined a game there is no loop to wake.
    const loop = (this.game as Phaser.Game | undefined)?.loop;
    if (!loop || loop.running) return;
    const now = performance.now();
    if (this.scrollPhase !== 1) this.scrollT += now - this.sleptAt;
    this.lastTime = now;
    this.stillFrames = 0;
    loop.wake();
  }

  create(): void {
    this.root = this.add.container(0, 0);
    this.bake = new Phaser.GameObjects.Container(this, 0, 0);
    this.speechCam = this.cameras.add(0, 0, 1, 1);
    this.speechCam.ignore(this.root);
    this.makeBackdrop();
    this.ready = true;
    this.layoutKey = '';
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    document.fonts.addEventListener('loadingdone', this.onFontsLoaded);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, this.onShutdown, this);
    // The game destroyed (the desk drawn anew, the title) destroys the scene without shutting it
    // down: a web font loading later must not lay out a scene that is gone.
    this.events.once(Phaser.Scenes.Events.DESTROY, () => {
      document.fonts.removeEventListener('loadingdone', this.onFontsLoaded);
      clearTimeout(this.wakeTimer);
      this.ready = false;
    });
    if (this.model) this.applyModel(null, this.model);
  }

  /** Draw this model; animates only what differs from the previous one. */
  render(model: HallModel): void {
    this.wake();
    const prev = this.model;
    this.model = model;
    if (this.ready) this.applyModel(prev, model);
  }

  override update(time: number): void {
    this.scroll(time);
    this.restIfStill();
  }

  private scroll(time: number): void {
    // Wall-clock time, not the loop's smoothed delta: reading speed must not depend on frame rate.
    const delta = Math.min(250, Math.max(0, time - this.lastTime));
    this.lastTime = time;
    const cam = this.speechCam;
    if (!cam || this.scrollMax <= 0 || !this.model) return;
    const reduced = this.model.theme.reducedMotion;
    this.scrollT += delta;
    if (this.scrollPhase === 0) {
      if (this.scrollT > (reduced ? 7000 : 2500)) {
        this.scrollT = 0;
        if (reduced) {
          const page = Math.max(
            this.speechLineH,
            Math.floor(this.speechArea.h / this.speechLineH) * this.speechLineH,
          );
          this.scrollY = Math.min(this.scrollMax, this.scrollY + page);
          if (this.scrollY >= this.scrollMax) this.scrollPhase = 2;
        } else this.scrollPhase = 1;
      }
    } else if (this.scrollPhase === 1) {
      this.scrollY += (this.speechLineH * 0.55 * delta) / 1000;
      if (this.scrollY >= this.scrollMax) {
        this.scrollY = this.scrollMax;
        this.scrollPhase = 2;
        this.scrollT = 0;
      }
    } else if (this.scrollT > 4000) {
      this.scrollY = 0;
      this.scrollPhase = 0;
      this.scrollT = 0;
    }
    cam.scrollY = Math.round(this.scrollY);
  }

  /**
   * Phaser's scale manager also reports a "resize" when only the page has scrolled (it compares the
   * canvas's place in the viewport with its place in the page), every half second while the page
   * stays scrolled. The hall is laid out anew only when its size (part of the layout key) changed.
   */
  private onResize(): void {
    if (!this.model || !this.ready || this.keyOf(this.model) === this.layoutKey) return;
    this.wake();
    this.applyModel(null, this.model);
  }

  /**
   * A web font (a weight or a script of Noto Sans) finished loading: text laid out before it was
   * measured and drawn in the fallback font, so the hall is laid out again.
   */
  private readonly onFontsLoaded = (): void => {
    if (!this.model || !this.ready) return;
    this.layoutKey = '';
    this.wake();
    this.applyModel(null, this.model);
  };

  private onShutdown(): void {
    this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize, this);
    document.fonts.removeEventListener('loadingdone', this.onFontsLoaded);
    this.tweens.killAll();
    this.time.removeAllEvents();
    this.timers = 0;
    clearTimeout(this.wakeTimer);
    this.game.loop.wake();
    this.ready = false;
    this.bake.destroy();
    for (const key of this.baked) if (this.textures.exists(key)) this.textures.remove(key);
    this.baked.clear();
    this.seats.clear();
    this.rows.clear();
    this.gauges = [];
    this.pulse = null;
    this.speechCam = null;
    this.speechText = null;
    this.events.off(Phaser.Scenes.Events.SLEEP, this.hideBackdrop, this);
    this.events.off(Phaser.Scenes.Events.WAKE, this.showBackdrop, this);
    this.backdrop?.remove();
    this.backdrop = null;
    this.backdropPixels = null;
  }

  private makeBackdrop(): void {
    const canvas = this.game.canvas;
    if (!this.game.config.transparent || this.game.renderer.type !== Phaser.WEBGL) return;
    if (!canvas.parentElement) return;
    const b = document.createElement('canvas');
    b.className = 'hall-backdrop';
    b.setAttribute('aria-hidden', 'true');
    canvas.after(b);
    this.backdrop = b;
    // The map replaces the hall: its backdrop goes and comes back with it.
    this.events.on(Phaser.Scenes.Events.SLEEP, this.hideBackdrop, this);
    this.events.on(Phaser.Scenes.Events.WAKE, this.showBackdrop, this);
  }

  private hideBackdrop(): void {
    this.backdrop?.setAttribute('hidden', '');
  }

  private showBackdrop(): void {
    this.backdrop?.removeAttribute('hidden');
  }

  /**
   * Once the frame showing a new layout has been drawn, copies the still layer into the backdrop
   * and stops drawing it with WebGL (the camera then leaves the canvas clear for the backdrop).
   * Read at once, the copy would wait for the GPU to finish drawing the whole new layout, which
   * would hold back the hall's first frame; read after that frame, it is a quick copy.
   */
  private moveToBackdrop(still: Phaser.GameObjects.Image): void {
    if (!this.backdrop) return;
    const job = ++this.backdropJob;
    void afterNextPaint().then(() => {
      if (job !== this.backdropJob || !this.ready || !still.active) return;
      if (!this.toBackdrop(still.texture.key)) return;
      still.setVisible(false);
      this.cameras.main.setBackgroundColor('rgba(0,0,0,0)');
      this.wake();
    });
  }

  /**
   * Draws the still layer (`this.bake`) straight into the backdrop with Canvas 2D
   * (src/client/scenes/still-layer.ts), in the frame that shows the new layout: no texture to
   * bake with WebGL and no copy to read back. False where there is no backdrop or the layer holds
   * something the replay cannot draw; WebGL bakes it then, as before.
   */
  private paintBackdrop(w: number, h: number): boolean {
    const b = this.backdrop;
    const items = b ? this.stillItems() : null;
    if (!b || !layerReplayable(items)) return false;
    const [tw, th] = [even(w), even(h)];
    sizeCanvas(b, tw, th);
    const g = b.getContext('2d');
    if (!g) return false;
    paintLayer(g, tw, th, items);
    // A copy still pending from an older layout would paint over this one.
    this.backdropJob++;
    this.cameras.main.setBackgroundColor('rgba(0,0,0,0)');
    return true;
  }

  /** The still layer's objects for the replay, in order; null if one is of a kind it cannot draw. */
  private stillItems(): StillItem[] | null {
    const items: StillItem[] = [];
    for (const o of this.bake.list) {
      if (o instanceof Phaser.GameObjects.Graphics) {
        if (!o.visible) continue;
        const m = o.getLocalTransformMatrix();
        items.push({
          kind: 'shape',
          commands: o.commandBuffer as number[],
          matrix: [m.a, m.b, m.c, m.d, m.tx, m.ty],
          alpha: o.alpha,
        });
      } else if (o instanceof Phaser.GameObjects.Text || o instanceof Phaser.GameObjects.Image) {
        if (!o.visible) continue;
        if (o.rotation !== 0 || o.flipX || o.flipY || o.isTinted) return null;
        const f = o.frame;
        const [dw, dh] = [o.displayWidth, o.displayHeight];
        items.push({
          kind: 'image',
          source: f.source.image as CanvasImageSource,
          from: [f.cutX, f.cutY, f.cutWidth, f.cutHeight],
          to: [o.x - o.originX * dw, o.y - o.originY * dh, dw, dh],
          alpha: o.alpha,
        });
      } else return null;
    }
    return items;
  }

  /** Copies the baked texture `key` into the backdrop; false if there is none or it failed. */
  private toBackdrop(key: string): boolean {
    const b = this.backdrop;
    if (!b) return false;
    const dt = this.textures.get(key) as Phaser.Textures.DynamicTexture;
    const r = this.game.renderer as Phaser.Renderer.WebGL.WebGLRenderer;
    const w = dt.width;
    const h = dt.height;
    if (!dt.drawingContext || w < 1 || h < 1) return false;
    try {
      const row = w * 4;
      if (this.backdropPixels?.length !== row * h) this.backdropPixels = new Uint8Array(row * h);
      const px = this.backdropPixels;
      // As Phaser's own snapshot does: bind through its state tracker, then read.
      r.glWrapper.updateBindingsFramebuffer({
        bindings: { framebuffer: dt.drawingContext.framebuffer },
      });
      r.gl.readPixels(0, 0, w, h, r.gl.RGBA, r.gl.UNSIGNED_BYTE, px);
      sizeCanvas(b, w, h);
      const g = b.getContext('2d');
      if (!g) return false;
      const img = g.createImageData(w, h);
      // WebGL's rows run bottom up.
      for (let y = 0; y < h; y++)
        img.data.set(px.subarray((h - 1 - y) * row, (h - y) * row), y * row);
      g.putImageData(img, 0, 0);
      return true;
    } catch (e) {
      console.warn('the hall backdrop could not be drawn; WebGL draws it', e);
      this.backdrop = null;
      b.remove();
      return false;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Diffing

  private keyOf(m: HallModel): string {
    const t = m.theme;
    const seats = m.seats.map(
      (s) => `${s.id}|${s.name}|${s.status}|${+s.frozen}${+s.absent}${+s.isPlayer}`,
    );
    const b = m.ballot;
    const ballot = b
      ? `${b.title}|${b.marks.map((k) => k.seat).join(',')}|${b.result ?? '\u0000'}`
      : '-';
    return [
      this.scale.width,
      this.scale.height,
      t.palette,
      +t.highContrast,
      +t.reducedMotion,
      t.textScale,
      m.title,
      m.phaseLabel,
      m.gauges.map((g) => `${g.id}|${g.label}`).join(','),
      seats.join(','),
      ballot,
    ].join('\u0001');
  }

  private applyModel(prev: HallModel | null, m: HallModel): void {
    // A detached host (the debrief, the title) leaves no room: lay out on the next resize.
    if (this.scale.width < 64 || this.scale.height < 64) {
      this.layoutKey = '';
      return;
    }
    const key = this.keyOf(m);
    const fresh = key !== this.layoutKey;
    if (fresh) {
      this.layoutKey = key;
      this.layouts++;
      this.build(m);
    }
    const anim = prev !== null && !m.theme.reducedMotion;
    if (this.clockText) this.clockText.setText(mmss(m.clock, false));
    this.syncSpeaker(prev, m, fresh, anim);
    this.syncGauges(prev, m, fresh, anim);
    this.syncBallot(prev, m, anim);
    if (prev && m.gavel > prev.gavel)
      this.strike(Math.min(3, m.gavel - prev.gavel), m.theme.reducedMotion);
  }

  // -------------------------------------------------------------------------------------------
  // Building (final state, no animation)

  private metrics(m: HallModel, shrink = 1): Metrics {
    const w = Math.max(1, this.scale.width);
    const h = Math.max(1, this.scale.height);
    const ts = clamp(m.theme.textScale || 1, 1, 2);
    const portrait = w < 760 || h > w * 1.05;
    const k =
      shrink *
      (portrait ? clamp(w / 420, 0.85, 1.2) : clamp(Math.min(w / 1280, h / 720), 0.8, 1.5));
    const f = (base: number) => Math.round(Math.max(base * k, 10.5) * ts);
    return {
      w,
      h,
      portrait,
      ts,
      ui: k * (1 + (ts - 1) * 0.35),
      m: Math.round(10 * k),
      pad: Math.round(10 * k * (1 + (ts - 1) * 0.3)),
      f: {
        title: f(20),
        phase: f(13),
        clock: f(18),
        name: f(13),
        status: f(11),
        speech: f(15),
        speaker: f(14),
        timer: f(15),
        gLabel: f(13),
        gValue: f(14),
        bTitle: f(14),
        bRow: f(13),
        result: f(14),
      },
    };
  }

  private text(
    parent: Container,
    x: number,
    y: number,
    s: string,
    size: number,
    color: string,
    opts: {
      bold?: boolean;
      wrap?: number;
      align?: string;
      maxLines?: number;
      spacing?: number;
    } = {},
  ): Text {
    const style = this.font(size, opts.bold, { color, align: opts.align ?? 'left' });
    if (opts.wrap) style.wordWrap = { width: opts.wrap, useAdvancedWrap: true };
    if (opts.maxLines) style.maxLines = opts.maxLines;
    const t = new Phaser.GameObjects.Text(this, x, y, s, style);
    if (opts.spacing) t.setLineSpacing(opts.spacing);
    parent.add(t);
    return t;
  }

  private gfx(parent: Container): Graphics {
    const g = new Phaser.GameObjects.Graphics(this);
    parent.add(g);
    return g;
  }

  private box(parent: Container, x = 0, y = 0): Container {
    const b = new Phaser.GameObjects.Container(this, x, y);
    parent.add(b);
    return b;
  }

  /** Draw `what` into a texture under `key` (created or resized), offset by (ox, oy). */
  private bakeTo(key: string, w: number, h: number, what: Container, ox: number, oy: number): void {
    const [tw, th] = [even(w), even(h)];
    const dt = this.textures.exists(key)
      ? (this.textures.get(key) as Phaser.Textures.DynamicTexture)
      : this.textures.addDynamicTexture(key, tw, th);
    if (!dt) return;
    this.baked.add(key);
    dt.setSize(tw, th);
    dt.clear();
    dt.draw(what, ox, oy);
    dt.render();
  }

  /**
   * A text style in the hall's font, with the font's metrics measured once (cached for the page)
   * instead of by every text object on a canvas of its own, which cost a few ms per layout.
   */
  private font(
    size: number,
    bold = false,
    more: Phaser.Types.GameObjects.Text.TextStyle = {},
  ): Phaser.Types.GameObjects.Text.TextStyle {
    return {
      fontFamily: FONT,
      fontSize: `${size}px`,
      fontStyle: bold ? 'bold' : 'normal',
      metrics: styleMetrics(scratchContext(), fontOf(size, bold, FONT)),
      ...more,
    };
  }

  private metricsOf(size: number, bold: boolean): LineMetrics {
    return lineMetrics(scratchContext(), fontOf(size, bold, FONT));
  }

  /** Height of one line of text at this size (measured with the real font). */
  private lineH(size: number, bold = false): number {
    return this.metricsOf(size, bold).height;
  }

  /**
   * Sets a one-line text to `s`, shortened with an ellipsis until it fits `maxW`: measured on the
   * scratch canvas in the text's font, so the text object is drawn once, not at every try.
   */
  private fit(t: Text, s: string, maxW: number): void {
    const g = scratchContext();
    g.font = `${t.style.fontStyle} ${t.style.fontSize} ${t.style.fontFamily}`;
    t.setText(fitLine(g, s, maxW));
  }

  private flag(parent: Container, id: string, cx: number, cy: number, w: number, h: number): void {
    const c = this.c;
    if (this.textures.exists(flagKey(id))) {
      const img = new Phaser.GameObjects.Image(this, cx, cy, flagKey(id)).setDisplaySize(w, h);
      parent.add(img);
      this.gfx(parent)
        .lineStyle(1, c.flagEdge, this.model?.theme.highContrast ? 1 : 0.55)
        .strokeRect(cx - w / 2, cy - h / 2, w, h);
      return;
    }
    this.gfx(parent)
      .fillStyle(this.model?.theme.highContrast ? 0x000000 : 0x5b6776, 1)
      .fillRect(cx - w / 2, cy - h / 2, w, h)
      .lineStyle(1, c.flagEdge, 1)
      .strokeRect(cx - w / 2, cy - h / 2, w, h);
    this.text(parent, cx, cy, id.toUpperCase(), Math.max(9, Math.round(h * 0.42)), '#ffffff', {
      bold: true,
    }).setOrigin(0.5);
  }

  /** A "this is you" marker: a person glyph in a round badge (meaning never by colour alone). */
  private youBadge(parent: Container, x: number, y: number, r: number): void {
    const c = this.c;
    const g = this.gfx(parent);
    g.fillStyle(c.accent, 1).fillCircle(x, y, r);
    g.lineStyle(Math.max(1.5, r * 0.14), c.onAccent, 1).strokeCircle(x, y, r);
    g.fillStyle(c.onAccent, 1).fillCircle(x, y - r * 0.28, r * 0.26);
    g.beginPath();
    g.arc(x, y + r * 0.62, r * 0.5, Math.PI, 0, false);
    g.closePath();
    g.fillPath();
  }

  private panel(parent: Container, r: Rect, accentTop = false): Graphics {
    const c = this.c;
    const g = this.gfx(parent);
    const rad = Math.min(12, r.h / 4);
    if (c.shadowAlpha > 0)
      g.fillStyle(0x000000, 0.35).fillRoundedRect(r.x + 2, r.y + 4, r.w, r.h, rad);
    g.fillStyle(c.panel, c.panelAlpha).fillRoundedRect(r.x, r.y, r.w, r.h, rad);
    g.lineStyle(this.model?.theme.highContrast ? 2 : 1, c.panelEdge, 1).strokeRoundedRect(
      r.x,
      r.y,
      r.w,
      r.h,
      rad,
    );
    if (accentTop) g.fillStyle(c.accent, 1).fillRect(r.x + rad, r.y, Math.max(0, r.w - 2 * rad), 3);
    return g;
  }

  /**
   * Lays the hall out in its final state. On a short stage the speech first gives up lines; if the
   * cards at the table still would not fit without overlapping, everything is drawn a little
   * smaller (down to 60%, text never under 10.5 px), and the last try is drawn as it comes.
   */
  private build(m: HallModel): void {
    const shrinks = [1, 0.9, 0.8, 0.7, 0.6];
    for (let i = 0; i < shrinks.length; i++)
      if (this.buildAt(m, shrinks[i]!, i === shrinks.length - 1)) return;
  }

  private buildAt(m: HallModel, shrink: number, last: boolean): boolean {
    this.tweens.killAll();
    this.time.removeAllEvents();
    this.timers = 0;
    this.root.removeAll(true);
    this.bake.removeAll(true);
    this.speechText?.destroy();
    this.speechText = null;
    this.seats.clear();
    this.rows.clear();
    this.gauges = [];
    this.pulse = null;
    this.result = null;
    this.spot = null;
    this.micOn = null;
    this.gavel = null;
    this.impact = null;
    this.gavelFlash = null;

    const c = (this.c = coloursFor(m.theme));
    const M = (this.M = this.metrics(m, shrink));
    const { w, h, pad, f, ui } = M;
    const mg = M.m;
    this.cameras.main.setSize(w, h);
    this.cameras.main.setBackgroundColor(c.bgBottom);

    // Background.
    const bg = this.gfx(this.bake);
    bg.fillGradientStyle(c.bgTop, c.bgTop, c.bgBottom, c.bgBottom, 1);
    bg.fillRect(0, 0, w, h);

    // Top bar.
    const top = this.box(this.root);
    const topH = this.buildTopBar(top, m, M);
    const topG = this.gfx(top);
    top.sendToBack(topG);
    topG.fillStyle(c.bar, 0.9).fillRect(0, 0, w, topH);
    topG.fillStyle(c.accent, 1).fillRect(0, topH - 2, w, 2);

    // Regions.
    let speechLines = M.portrait && M.ts > 1.4 ? 2 : 3;
    const speechLineH = Math.round(this.lineH(f.speech) * 1.12);
    this.ringR = Math.round(17 * ui);
    const headerH = Math.max(this.lineH(f.speaker, true), this.ringR * 2 + 4);
    const y0 = topH + mg;
    const card = this.measureCards(m, M);
    this.cardSpan = { stage: M.w, card: card.w };
    {
      // A short hall (a laptop screen with the browser's bars): the speech gives up lines before
      // the cards at the table would have to overlap. The speech scrolls, so no word is lost.
      const perSide = Math.ceil(m.seats.length / 2);
      const colW = w - 2 * mg;
      const tableNeed = M.portrait
        ? perSide * (card.h + 8 * ui) + 16 * ui + (colW - 2 * card.w < 70 * ui ? 40 * ui : 0)
        : perSide * (card.h + 6 * ui) + 9 * ui * 3.6 + 16 * ui;
      const speechOf = (lines: number) => Math.round(pad * 3 + headerH + lines * speechLineH);
      while (speechLines > 1 && h - y0 - speechOf(speechLines) - 2 * mg < tableNeed) speechLines--;
      if (!last && h - y0 - speechOf(speechLines) - 2 * mg < tableNeed) return false;
    }
    const speechH = Math.round(pad * 3 + headerH + speechLines * speechLineH);

    let table: Rect | null = null;
    let speech: Rect;
    let gaugesR: Rect | null = null;
    let boardR: Rect | null = null;
    let fit: SideFit;
    if (!M.portrait) {
      const sideW = Math.round(clamp(w * 0.3 * (1 + (M.ts - 1) * 0.25), 270, w * 0.42));
      const leftW = w - sideW - 3 * mg;
      table = { x: mg, y: y0, w: leftW, h: h - y0 - speechH - 2 * mg };
      speech = { x: mg, y: table.y + table.h + mg, w: leftW, h: speechH };
      const side: Rect = { x: leftW + 2 * mg, y: y0, w: sideW, h: h - y0 - mg };
      fit = this.fitSide(m, M, side.w, side.h, false);
      this.spread(fit, side.h, mg, m);
      if (fit.gaugesH > 0) gaugesR = { x: side.x, y: side.y, w: side.w, h: fit.gaugesH };
      if (fit.boardH > 0) {
        const by = side.y + (fit.gaugesH > 0 ? fit.gaugesH + mg : 0);
        boardR = { x: side.x, y: by, w: side.w, h: fit.boardH };
      }
    } else {
      const colW = w - 2 * mg;
      const avail = h - y0 - mg;
      const rowsN = Math.ceil(m.seats.length / 2);
      const chairRoom = colW - 2 * card.w < 70 * ui ? 40 * ui : 0;
      const tableNeed = Math.round(rowsN * (card.h + 8 * ui) + 16 * ui + chairRoom);
      fit = this.fitSide(m, M, colW, avail - speechH - tableNeed - 2 * mg, true);
      let showTable = true;
      if (m.ballot && fit.squeezed) {
        // Ballot focus: on a small screen the board takes the table's place while the vote is open.
        showTable = false;
        fit = this.fitSide(m, M, colW, avail - speechH - mg, true);
      }
      const lower = fit.gaugesH + fit.boardH + (fit.gaugesH > 0 && fit.boardH > 0 ? mg : 0);
      let y = y0;
      if (showTable) {
        // The speech panel always stays on screen; the table gives way first.
        const tableH = Math.min(
          avail - speechH - mg,
          Math.max(tableNeed, avail - speechH - lower - (lower > 0 ? 2 : 1) * mg),
        );
        table = { x: mg, y, w: colW, h: tableH };
        y += tableH + mg;
        speech = { x: mg, y, w: colW, h: speechH };
        y += speechH + mg;
        if (fit.boardH > 0) {
          boardR = { x: mg, y, w: colW, h: fit.boardH };
          y += fit.boardH + mg;
        }
      } else {
        boardR = { x: mg, y, w: colW, h: fit.boardH };
        y += fit.boardH + mg;
        speech = { x: mg, y, w: colW, h: speechH };
        y += speechH + mg;
      }
      if (fit.gaugesH > 0) gaugesR = { x: mg, y, w: colW, h: fit.gaugesH };
    }

    if (table) this.buildTable(m, M, table, card);
    this.buildSpeech(m, M, speech, headerH, speechLineH);
    if (gaugesR) this.buildGauges(m, M, gaugesR, fit.compact);
    if (boardR && m.ballot) this.buildBoard(m, M, boardR, fit.rowH, !table);
    this.stillLayer = this.paintBackdrop(w, h) ? 'canvas' : 'webgl';
    if (this.stillLayer === 'webgl') {
      this.bakeTo('hall-static', w, h, this.bake, 0, 0);
      const still = new Phaser.GameObjects.Image(this, 0, 0, 'hall-static').setOrigin(0, 0);
      this.root.addAt(still, 0);
      this.moveToBackdrop(still);
    }
    this.bake.removeAll(true);
    this.root.bringToTop(top);
    return true;
  }

  /** Share spare room in the side column: a little air for the gauges and the vote rows. */
  private spread(fit: SideFit, height: number, gap: number, m: HallModel): void {
    let spare = height - fit.gaugesH - fit.boardH - (fit.gaugesH > 0 && fit.boardH > 0 ? gap : 0);
    if (spare > 0 && fit.gaugesH > 0) {
      const more = Math.round(
        Math.min(spare * (m.ballot ? 0.4 : 0.8), fit.gaugesH * (m.ballot ? 0.3 : 0.8)),
      );
      fit.gaugesH += more;
      spare -= more;
    }
    const n = m.ballot ? this.boardSeats(m).length : 0;
    if (spare > 0 && n > 0) {
      const more = Math.floor(Math.min(spare / n, fit.rowH * 0.3));
      fit.rowH += more;
      fit.boardH += more * n;
    }
  }

  private buildTopBar(top: Container, m: HallModel, M: Metrics): number {
    const { w, pad, f, ui } = M;
    const c = this.c;
    const clockIconR = Math.round(f.clock * 0.42);
    const clock = this.text(top, 0, 0, mmss(m.clock, false), f.clock, c.text, { bold: true });
    this.clockText = clock;
    clock.setFixedSize(clock.width + 2, 0);
    const clockW = clock.width + clockIconR * 2 + 8 * ui;
    const title = this.text(top, pad, pad * 0.8, m.title, f.title, c.text, { bold: true });
    const phaseMax = M.portrait ? w - 2 * pad - 16 : Math.min(w * 0.4, 520 * ui);
    const phase = this.text(top, 0, 0, m.phaseLabel, f.phase, c.text, { bold: true });
    this.fit(phase, m.phaseLabel, phaseMax - 16 * ui);
    let pillW = phase.width + 18 * ui;
    const pillH = phase.height + 6 * ui;
    let h: number;
    let pillX: number;
    let pillY: number;
    if (M.portrait) {
      // Title across the width; the phase and the clock share the second row.
      title.setWordWrapWidth(w - 2 * pad, true);
      this.clampLines(title, m.title, M.ts > 1.4 ? 1 : 2);
      this.fit(phase, m.phaseLabel, w - 2 * pad - clockW - 30 * ui);
      pillW = phase.width + 18 * ui;
      const row2 = Math.max(pillH, clock.height);
      const y2 = pad * 0.8 + title.height + 6 * ui;
      clock.setPosition(w - pad - clock.width, y2 + (row2 - clock.height) / 2);
      pillX = pad;
      pillY = y2 + (row2 - pillH) / 2;
      h = Math.round(y2 + row2 + pad * 0.8);
    } else {
      const titleMax = w - 2 * pad - clockW - pillW - 24 * ui;
      this.fit(title, m.title, titleMax);
      const rowH = Math.max(title.height, pillH, clock.height);
      title.setY(pad * 0.8 + (rowH - title.height) / 2);
      clock.setPosition(w - pad - clock.width, pad * 0.8 + (rowH - clock.height) / 2);
      pillX = pad + title.width + 16 * ui;
      pillY = pad * 0.8 + (rowH - pillH) / 2;
      h = Math.round(rowH + pad * 1.6);
    }
    const g = this.gfx(top);
    g.fillStyle(c.accent, 0.16).fillRoundedRect(pillX, pillY, pillW, pillH, pillH / 2);
    g.lineStyle(1.5, c.accent, 1).strokeRoundedRect(pillX, pillY, pillW, pillH, pillH / 2);
    phase.setPosition(pillX + 9 * ui, pillY + 3 * ui);
    top.bringToTop(phase);
    // A small clock face.
    const cx = clock.x - clockIconR - 6 * ui;
    const cy = clock.y + clock.height / 2;
    g.lineStyle(Math.max(1.5, 2 * ui), c.textN, 1).strokeCircle(cx, cy, clockIconR);
    g.lineBetween(cx, cy, cx, cy - clockIconR * 0.62);
    g.lineBetween(cx, cy, cx + clockIconR * 0.5, cy);
    return h;
  }

  /** Wrap to at most `maxLines`, ending with an ellipsis when cut (layout time only). */
  private clampLines(t: Text, s: string, maxLines: number): void {
    t.setText(s);
    if (t.getWrappedText(s).length <= maxLines) return;
    const words = s.split(/\s+/);
    let n = words.length;
    let cut = s;
    while (n > 1) {
      n--;
      cut = `${words.slice(0, n).join(' ')}…`;
      if (t.getWrappedText(cut).length <= maxLines) break;
    }
    t.setText(cut);
  }

  /** Natural heights of the gauges and the board, degraded until they fit in `avail`. */
  private fitSide(
    m: HallModel,
    M: Metrics,
    width: number,
    avail: number,
    mayDrop: boolean,
  ): SideFit {
    const { pad, f, ui } = M;
    const lab = this.lineH(f.gLabel);
    const bh = Math.round(8 * ui);
    const full = Math.round(pad * 2 + 5 * (lab + 4 * ui + bh) + 4 * 8 * ui);
    const small = Math.round(pad * 2 + 5 * Math.max(lab, bh) + 4 * 7 * ui);
    let boardH = 0;
    let rowH = Math.round(Math.max(this.lineH(f.bRow) + 10 * ui, 30 * ui));
    let fixed = 0;
    let n = 0;
    if (m.ballot) {
      const probe = new Phaser.GameObjects.Text(
        this,
        0,
        0,
        m.ballot.title,
        this.font(f.bTitle, true, {
          wordWrap: { width: width - 2 * pad - (M.portrait ? 60 * ui : 0), useAdvancedWrap: true },
          maxLines: 2,
        }),
      );
      const titleH = probe.height;
      probe.destroy();
      let resH = 0;
      if (m.ballot.result) {
        const rp = new Phaser.GameObjects.Text(
          this,
          0,
          0,
          m.ballot.result,
          this.font(f.result, true, {
            wordWrap: { width: width - 2 * pad - 28 * ui, useAdvancedWrap: true },
            maxLines: 3,
          }),
        );
        resH = rp.height + 14 * ui;
        rp.destroy();
      }
      fixed = pad * 2 + titleH + 6 * ui + resH;
      n = this.boardSeats(m).length;
      boardH = Math.round(fixed + n * rowH);
    }
    const gap = M.m;
    const both = (g: number) => g + (boardH > 0 ? gap + boardH : 0);
    if (both(full) <= avail)
      return { gaugesH: full, boardH, compact: false, rowH, squeezed: false };
    if (both(small) <= avail)
      return { gaugesH: small, boardH, compact: true, rowH, squeezed: false };
    if (!m.ballot)
      return { gaugesH: mayDrop ? 0 : small, boardH: 0, compact: true, rowH, squeezed: false };
    // Not enough room for both: the ballot takes the place of the gauges while it is open.
    const squeezed = boardH > avail;
    if (squeezed && n > 0) {
      rowH = Math.max(Math.round(this.lineH(f.bRow) + 2), Math.floor((avail - fixed) / n));
      boardH = Math.round(fixed + n * rowH);
    }
    return { gaugesH: 0, boardH, compact: true, rowH, squeezed };
  }

  private boardSeats(m: HallModel): { id: string; name: string; isPlayer: boolean }[] {
    const out = m.seats.map((s) => ({ id: s.id, name: s.name, isPlayer: s.isPlayer }));
    for (const k of m.ballot?.marks ?? []) {
      if (!out.some((s) => s.id === k.seat))
        out.push({ id: k.seat, name: k.seat.toUpperCase(), isPlayer: false });
    }
    return out;
  }

  // ---- the table --------------------------------------------------------------------------

  /**
   * One size for every nameplate card. Wide screens stack flag, name and status; narrow portrait
   * screens put the flag beside the words so that two columns fit.
   */
  private measureCards(m: HallModel, M: Metrics): CardSize {
    const { f, ui, pad } = M;
    const horizontal = M.portrait && M.ts < 1.5;
    const fw = Math.round((horizontal ? 30 : 40) * ui);
    const fh = Math.round(fw * 0.75);
    const inset = 8 * ui;
    // Two columns of cards leave the table between them: on a stage wider than a phone's, a long
    // name ("Республика Таджикистан") wraps onto a second line rather than widen the cards over
    // the table.
    const maxW = Math.round(
      M.portrait
        ? Math.min((M.w - 2 * M.m - 2 * inset - 24 * ui) / 2, Math.max(M.w * 0.3, 160 * ui))
        : Math.min(M.w * 0.14, 150 * ui * (0.7 + 0.3 * M.ts)),
    );
    const g = scratchContext();
    const nameFont = fontOf(f.name, true, FONT);
    const statusFont = fontOf(f.status, false, FONT);
    let textW = 0;
    g.font = nameFont;
    for (const s of m.seats) textW = Math.max(textW, widthOf(g, s.name));
    g.font = statusFont;
    for (const s of m.seats) textW = Math.max(textW, widthOf(g, s.status));
    const lead = horizontal ? fw + 6 * ui : 0;
    // Beside the flag, the name's first line runs level with the marks in the card's top right
    // corner (the empty chair, the frozen seat): it keeps clear of them.
    const marks = horizontal ? 14 * ui : 0;
    const cw = Math.round(clamp(textW + pad * 1.4 + lead + marks, fw + pad * 2, maxW));
    const wrap = Math.max(20, cw - pad - lead - marks);
    g.font = nameFont;
    let lines = 1;
    for (const s of m.seats) lines = Math.max(lines, wrapLines(g, s.name, wrap, 2).length);
    const nameH = lines * this.lineH(f.name, true);
    const statusH = this.lineH(f.status);
    const ch = horizontal
      ? Math.round(Math.max(fh, nameH + statusH) + pad * 0.9)
      : Math.round(pad * 0.6 + fh + 4 * ui + nameH + statusH + pad * 0.5);
    return { w: cw, h: ch, fw, fh, wrap, horizontal };
  }

  private buildTable(m: HallModel, M: Metrics, r: Rect, card: CardSize): void {
    const c = this.c;
    const { ui } = M;
    const hc = m.theme.highContrast;
    // Carpet.
    const floor = this.gfx(this.bake);
    floor.fillStyle(c.floor, 1).fillRoundedRect(r.x, r.y, r.w, r.h, 14);
    floor.lineStyle(hc ? 2 : 1, c.floorEdge, 1).strokeRoundedRect(r.x, r.y, r.w, r.h, 14);
    if (!hc)
      floor
        .lineStyle(1, c.floorEdge, 0.5)
        .strokeRoundedRect(r.x + 6, r.y + 6, r.w - 12, r.h - 12, 10);

    const n = m.seats.length;
    const chairR = Math.round(9 * ui);
    const gap = chairR * 2 + 6 * ui;
    const presideH = chairR * 3.6;
    const inset = 8 * ui;
    const cx = r.x + r.w / 2;
    const hw = card.w / 2;
    const hh = card.h / 2;
    const opening = M.portrait ? 18 : OPENING;
    const a0 = 90 + opening - 8;
    const a1 = 450 - opening + 8;
    // Where each seat is: the card centre, and the angle of its place at the table.
    const cards: Phaser.Math.Vector2[] = [];
    const degs: number[] = [];
    let rx: number;
    let ry: number;
    let cy: number;
    let chairs = true;
    const normal = (deg: number): [number, number] => {
      const a = (deg * Math.PI) / 180;
      const dx = Math.cos(a) / rx;
      const dy = Math.sin(a) / ry;
      const dl = Math.hypot(dx, dy) || 1;
      return [dx / dl, dy / dl];
    };
    const onEdge = (deg: number, out: number) => {
      const [dx, dy] = normal(deg);
      const p = ellipsePoint(cx, cy, rx, ry, deg);
      return new Phaser.Math.Vector2(p.x + dx * out, p.y + dy * out);
    };
    if (!M.portrait) {
      // Around an oval horseshoe: each card sits just outside the table, along the edge's normal.
      const angles = seatAngles(n);
      const place = (deg: number) => {
        const [dx, dy] = normal(deg);
        const ext = Math.min(
          Math.abs(dx) > 1e-3 ? hw / Math.abs(dx) : 1e9,
          Math.abs(dy) > 1e-3 ? hh / Math.abs(dy) : 1e9,
        );
        return onEdge(deg, gap + ext);
      };
      rx = Math.max(36 * ui, r.w / 2 - card.w - gap - inset);
      ry = Math.max(28 * ui, (r.h - presideH) / 2 - inset);
      cy = r.y + r.h / 2;
      for (let iter = 0; iter < 6; iter++) {
        let top = cy - ry - presideH;
        let bottom = cy + ry;
        let left = cx - rx;
        let right = cx + rx;
        for (const deg of angles) {
          const p = place(deg);
          top = Math.min(top, p.y - hh);
          bottom = Math.max(bottom, p.y + hh);
          left = Math.min(left, p.x - hw);
          right = Math.max(right, p.x + hw);
        }
        const overW = right - left - (r.w - 2 * inset);
        const overH = bottom - top - (r.h - 2 * inset);
        cy += r.y + inset - top + (r.h - 2 * inset - (bottom - top)) / 2;
        if (overW <= 0.5 && overH <= 0.5) break;
        if (overW > 0.5) rx = Math.max(36 * ui, rx - overW / 2);
        if (overH > 0.5) ry = Math.max(28 * ui, ry - overH / 2);
      }
      // Keep the chair's place clear: push cards that would cover it sideways.
      const zone = chairR * 2.6 + 34 * ui;
      for (const deg of angles) {
        const p = place(deg);
        if (p.y - hh < cy - ry + 10 * ui && Math.abs(p.x - cx) < zone + hw) {
          p.x = cx + Math.sign(p.x - cx || 1) * (zone + hw);
        }
        cards.push(p);
        degs.push(deg);
      }
      // Cards on one side never overlap: where the oval is too flat, they are spaced down its
      // side, and the column is kept inside the table's area.
      const step = card.h + 3 * ui;
      for (const side of [-1, 1]) {
        const col = cards
          .filter((p) => Math.sign(p.x - cx) === side && Math.abs(p.x - cx) > hw * 0.5)
          .sort((a, b) => a.y - b.y);
        for (let i = 1; i < col.length; i++)
          if (col[i]!.y - col[i - 1]!.y < step) col[i]!.y = col[i - 1]!.y + step;
        const first = col[0];
        const last = col[col.length - 1];
        if (!first || !last) continue;
        const over = last.y + hh - (r.y + r.h - inset);
        const shift = Math.min(over, Math.max(0, first.y - hh - (r.y + inset)));
        if (shift > 0) for (const p of col) p.y -= shift;
      }
    } else {
      // Two columns of cards facing each other across a long horseshoe.
      const nR = Math.ceil(n / 2);
      const rows = Math.max(1, nR);
      const leftX = r.x + inset + hw;
      const rightX = r.x + r.w - inset - hw;
      const between = rightX - leftX - card.w;
      // Leave the chair's place free above the first row when the columns would cover it and
      // there is height to spare; otherwise the cards overlap its corners.
      const spareH = r.h - 2 * inset - rows * card.h - (rows - 1) * 4 * ui;
      const chairTop = between < chairR * 4.6 + 8 * ui && spareH >= presideH;
      const yTop = r.y + inset + hh + (chairTop ? presideH : 0);
      const yBot = r.y + r.h - inset - hh;
      const rowY = (j: number) =>
        rows === 1 ? (yTop + yBot) / 2 : yTop + ((yBot - yTop) * j) / (rows - 1);
      rx = between / 2 - gap;
      if (rx < 22 * ui) {
        // Too narrow for chairs between: the table runs under the cards' inner edges.
        chairs = false;
        rx = Math.max(22 * ui, between / 2 + hw * 0.35);
      }
      ry = Math.max(30 * ui, (r.h - presideH) / 2 - inset);
      cy = r.y + presideH + ry + (r.h - presideH - 2 * ry) / 2;
      for (let i = 0; i < n; i++) {
        const right = i < nR;
        const row = right ? i : rows - 1 - (i - nR) - (rows - (n - nR));
        const y = rowY(Math.max(0, row));
        const s = clamp((y - cy) / ry, -0.985, 0.985);
        let deg = (Math.asin(s) * 180) / Math.PI;
        deg = right ? deg : 180 - deg;
        // Stay on the table, not in its opening.
        if (right) deg = deg > 90 - opening ? 90 - opening : deg;
        else deg = deg < 90 + opening ? 90 + opening : deg;
        cards.push(new Phaser.Math.Vector2(right ? rightX : leftX, y));
        degs.push(deg < 0 ? deg + 360 : deg);
      }
    }
    const t = clamp(Math.min(rx, ry) * 0.34, 12 * ui, 46 * ui);

    const g = this.gfx(this.bake);
    // Rug inside the horseshoe.
    if (!hc) {
      g.fillStyle(c.rug, 1).fillEllipse(cx, cy, (rx - t - 6) * 2, (ry - t - 6) * 2);
      g.lineStyle(2, c.rugLine, 0.8).strokeEllipse(cx, cy, (rx - t - 12) * 2, (ry - t - 12) * 2);
      g.lineStyle(1, c.rugLine, 0.5).strokeEllipse(cx, cy, (rx - t) * 1.1, (ry - t) * 1.1);
      const star: Phaser.Math.Vector2[] = [];
      const sr = Math.min(rx - t, ry - t) * 0.32;
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        const rr = i % 2 === 0 ? sr : sr * 0.42;
        star.push(new Phaser.Math.Vector2(cx + rr * Math.cos(a), cy + rr * Math.sin(a)));
      }
      g.fillStyle(c.rugLine, 0.35).fillPoints(star, true);
    } else {
      g.lineStyle(1, c.rugLine, 1).strokeEllipse(cx, cy, (rx - t - 10) * 2, (ry - t - 10) * 2);
    }

    const shape = horseshoe(cx, cy, rx, ry, t, a0, a1);
    if (c.shadowAlpha > 0) {
      const sh = shape.map((p) => new Phaser.Math.Vector2(p.x + 3, p.y + 7));
      g.fillStyle(0x000000, c.shadowAlpha).fillPoints(sh, true);
    }
    g.fillStyle(c.table, 1).fillPoints(shape, true);
    if (!hc) {
      g.lineStyle(1, c.tableGrain, 0.6).strokePoints(
        arcPoints(cx, cy, rx - t * 0.35, ry - t * 0.35, a0 + 3, a1 - 3),
      );
      g.lineStyle(1, c.tableGrain, 0.45).strokePoints(
        arcPoints(cx, cy, rx - t * 0.68, ry - t * 0.68, a0 + 5, a1 - 5),
      );
      g.lineStyle(2, c.tableHighlight, 0.8).strokePoints(
        arcPoints(cx, cy, rx - 1.5, ry - 1.5, a0 + 2, a1 - 2),
      );
    }
    g.lineStyle(hc ? 2 : 1.5, c.tableEdge, 1).strokePoints(shape, true, true);

    // The presiding officer's high-backed chair at the head of the table, the gavel before it.
    const pY = cy - ry - chairR * 1.3;
    const edge = hc ? 2 : 1.5;
    g.fillStyle(c.chair, 1).fillRoundedRect(
      cx - chairR * 1.5,
      pY - chairR,
      chairR * 3,
      chairR * 2.2,
      chairR * 0.5,
    );
    g.lineStyle(edge, c.chairEdge, 1).strokeRoundedRect(
      cx - chairR * 1.5,
      pY - chairR,
      chairR * 3,
      chairR * 2.2,
      chairR * 0.5,
    );
    const backY = pY - chairR * 2.1;
    g.fillStyle(c.chairEdge, 1).fillRoundedRect(
      cx - chairR * 2.1,
      backY,
      chairR * 4.2,
      chairR * 1.3,
      chairR * 0.6,
    );
    g.lineStyle(edge, c.accent, 1).strokeRoundedRect(
      cx - chairR * 2.1,
      backY,
      chairR * 4.2,
      chairR * 1.3,
      chairR * 0.6,
    );
    const star: Phaser.Math.Vector2[] = [];
    for (let i = 0; i < 10; i++) {
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const rr = i % 2 === 0 ? chairR * 0.55 : chairR * 0.23;
      star.push(
        new Phaser.Math.Vector2(cx + rr * Math.cos(a), backY + chairR * 0.68 + rr * Math.sin(a)),
      );
    }
    g.fillStyle(c.accent, 1).fillPoints(star, true);
    const s = clamp(t, 16 * ui, 36 * ui);
    this.buildGavel(this.root, cx - s * 0.55, cy - ry + t * 0.62, s, ui);

    // Seats: chair, microphone, nameplate card with flag.
    this.drawCards(m, card, M);
    const mic = this.gfx(this.bake);
    m.seats.forEach((seat, i) => {
      const deg = degs[i] ?? 0;
      const p = cards[i] ?? new Phaser.Math.Vector2(cx, cy);
      if (chairs) {
        const ch = onEdge(deg, chairR + 3 * ui);
        g.fillStyle(c.chair, seat.absent ? 0.5 : 1).fillCircle(ch.x, ch.y, chairR);
        g.lineStyle(hc ? 2 : 1.5, c.chairEdge, 1).strokeCircle(ch.x, ch.y, chairR);
      }
      const m0 = onEdge(deg, -t * 0.18);
      const m1 = onEdge(deg, -t * 0.62);
      mic
        .lineStyle(Math.max(1.5, 2 * ui), hc ? 0xffffff : 0x1c1c1c, 0.9)
        .lineBetween(m0.x, m0.y, m1.x, m1.y);
      mic.fillStyle(hc ? 0xffffff : 0x2a2a2a, 1).fillCircle(m1.x, m1.y, Math.max(2, 2.6 * ui));
      this.placeSeat(seat, p.x, p.y, m1.x, m1.y);
    });

    // Spotlight pool and ring (under the cards), and the speaker's microphone light.
    const spot = this.box(this.root);
    const sw = hw * 1.18 + 4 * ui;
    const shh = hh * 1.5 + 4 * ui;
    if (!hc) {
      const glow = new Phaser.GameObjects.Graphics(this);
      for (let i = 0; i < 6; i++)
        glow
          .fillStyle(c.light, 0.06)
          .fillEllipse(0, 0, sw * (2.2 - i * 0.14), shh * (2.2 - i * 0.14));
      glow.setBlendMode(Phaser.BlendModes.ADD);
      spot.add(glow);
      // The raised plate's shadow on the floor.
      this.gfx(spot)
        .fillStyle(0x000000, 0.5)
        .fillRoundedRect(-hw + 3, -hh + 5, card.w, card.h, Math.round(7 * ui));
    }
    const ring = this.gfx(spot);
    ring.lineStyle(Math.max(2, 3 * ui), c.accent, 1).strokeEllipse(0, 0, sw * 2, shh * 2);
    ring.lineStyle(1, c.accent, 0.6).strokeEllipse(0, 0, sw * 2 + 8 * ui, shh * 2 + 8 * ui);
    spot.setVisible(false);
    this.spot = spot;
    // The cards were added before the spot: move the spot and the light beneath them.
    const firstCard = this.seats.values().next().value;
    if (firstCard) this.root.moveBelow<Phaser.GameObjects.GameObject>(spot, firstCard.card);
    this.micOn = this.gfx(this.root);
    this.micOn.fillStyle(c.accent, 0.35).fillCircle(0, 0, 7 * ui);
    this.micOn.fillStyle(hc ? 0xffff00 : 0xff5a3c, 1).fillCircle(0, 0, 3.2 * ui);
    this.micOn.setVisible(false);
    if (firstCard) this.root.moveBelow<Phaser.GameObjects.GameObject>(this.micOn, firstCard.card);
    if (!m.theme.reducedMotion) {
      this.pulse = this.tweens.add({
        targets: ring,
        alpha: 0.35,
        duration: 900,
        yoyo: true,
        repeat: -1,
        ease: 'Sine.easeInOut',
      });
    }
  }

  /**
   * Draws every seat's card on one sheet (Canvas 2D, src/client/scenes/nameplates.ts) that becomes
   * one texture with a frame per seat, replacing the previous layout's.
   */
  private drawCards(m: HallModel, card: CardSize, M: Metrics): void {
    const c = this.c;
    const margin = Math.ceil(14 * M.ui + 6);
    const tw = Math.ceil((card.w + 2 * margin) / 2) * 2;
    const th = Math.ceil((card.h + 2 * margin) / 2) * 2;
    const cells = sheetCells(m.seats.length, tw, th);
    const sheet = document.createElement('canvas');
    sheet.width = cells.cols * tw;
    sheet.height = cells.rows * th;
    const g = sheet.getContext('2d');
    if (this.textures.exists(CARDS)) this.textures.remove(CARDS);
    if (!g) return;
    const colours: PlateColours = {
      plate: css(c.plate),
      frozenPlate: css(c.frozenPlate),
      plateEdge: css(c.plateEdge),
      plateText: c.plateText,
      plateDim: c.plateDim,
      accent: css(c.accent),
      onAccent: css(c.onAccent),
      flagEdge: css(c.flagEdge),
      shadowAlpha: c.shadowAlpha,
    };
    const layout: PlateLayout = {
      ...card,
      ui: M.ui,
      pad: M.pad,
      nameSize: M.f.name,
      statusSize: M.f.status,
      highContrast: m.theme.highContrast,
      family: FONT,
    };
    m.seats.forEach((seat, i) => {
      const at = cells.at(i);
      const key = flagKey(seat.id);
      const flag = this.textures.exists(key)
        ? (this.textures.get(key).getSourceImage() as CanvasImageSource)
        : null;
      drawPlate(g, seat, at.x + tw / 2, at.y + th / 2, layout, colours, flag);
    });
    const tex = this.textures.addCanvas(CARDS, sheet);
    if (!tex) return;
    this.baked.add(CARDS);
    m.seats.forEach((seat, i) => {
      const at = cells.at(i);
      tex.add(seat.id, 0, at.x, at.y, tw, th);
    });
  }

  /** The seat's card, from the sheet `drawCards` made, placed at (x, y). */
  private placeSeat(seat: Seat, x: number, y: number, micX: number, micY: number): void {
    const img = new Phaser.GameObjects.Image(this, Math.round(x), Math.round(y), CARDS, seat.id);
    this.root.add(img);
    this.seats.set(seat.id, { seat, card: img, x: img.x, y: img.y, micX, micY });
  }

  private buildGavel(parent: Container, x: number, y: number, s: number, ui: number): void {
    const c = this.c;
    const hc = this.model?.theme.highContrast ?? false;
    // Sound block, seen from the side, and the gavel resting on it; it pivots at the hand.
    const g = this.gfx(this.bake);
    const edge = hc ? 0xffffff : 0x201206;
    g.fillStyle(0x000000, hc ? 0 : 0.35).fillEllipse(x + s * 0.5, y + s * 0.25, s * 2.6, s * 0.5);
    g.fillStyle(c.block, 1).fillRoundedRect(x - s * 0.6, y - s * 0.18, s * 1.2, s * 0.36, s * 0.1);
    g.lineStyle(hc ? 2 : 1, edge, 1).strokeRoundedRect(
      x - s * 0.6,
      y - s * 0.18,
      s * 1.2,
      s * 0.36,
      s * 0.1,
    );
    const len = s * 1.5;
    const gv = this.box(parent, x + len, y - s * 0.58);
    const gg = this.gfx(gv);
    const handleW = Math.max(3, s * 0.17);
    gg.fillStyle(c.gavelHandle, 1).fillRoundedRect(
      -len,
      -handleW / 2,
      len + handleW,
      handleW,
      handleW / 2,
    );
    gg.fillStyle(c.gavelHead, 1).fillRoundedRect(
      -len - s * 0.24,
      -s * 0.4,
      s * 0.48,
      s * 0.8,
      s * 0.12,
    );
    gg.fillStyle(c.tableHighlight, hc ? 0 : 1).fillRect(
      -len - s * 0.24,
      -s * 0.3,
      s * 0.48,
      s * 0.07,
    );
    gg.fillRect(-len - s * 0.24, s * 0.23, s * 0.48, s * 0.07);
    gg.lineStyle(hc ? 2 : 1, edge, 1).strokeRoundedRect(
      -len - s * 0.24,
      -s * 0.4,
      s * 0.48,
      s * 0.8,
      s * 0.12,
    );
    gg.strokeRoundedRect(-len, -handleW / 2, len + handleW, handleW, handleW / 2);
    this.gavelRest = 0;
    gv.setRotation(this.gavelRest);
    this.gavel = gv;
    const imp = this.gfx(parent);
    imp.lineStyle(Math.max(2, 2.5 * ui), c.accent, 1).strokeEllipse(0, 0, s * 1.8, s * 1.1);
    imp.setPosition(x, y).setVisible(false);
    this.impact = imp;
    const fl = this.gfx(parent);
    fl.lineStyle(Math.max(3, 3 * ui), c.accent, 1);
    fl.strokeRoundedRect(x - s * 1.0, y - s * 1.2, len + s * 1.4, s * 1.65, 6);
    fl.setVisible(false);
    this.gavelFlash = fl;
  }

  private strike(times: number, reduced: boolean): void {
    const gv = this.gavel;
    if (!gv) return;
    if (reduced) {
      const fl = this.gavelFlash;
      if (!fl) return;
      fl.setVisible(true);
      this.after(450, () => fl.setVisible(false));
      return;
    }
    const imp = this.impact;
    const rest = this.gavelRest;
    this.tweens.killTweensOf(gv);
    gv.setRotation(rest);
    const steps: Phaser.Types.Tweens.TweenBuilderConfig[] = [];
    for (let i = 0; i < times; i++) {
      steps.push({ targets: gv, rotation: rest + 0.7, duration: 170, ease: 'Quad.easeOut' });
      steps.push({
        targets: gv,
        rotation: rest - 0.05,
        duration: 90,
        ease: 'Quad.easeIn',
        onComplete: () => {
          if (!imp) return;
          this.tweens.killTweensOf(imp);
          imp.setVisible(true).setAlpha(1).setScale(0.5);
          this.tweens.add({
            targets: imp,
            scale: 1.5,
            alpha: 0,
            duration: 380,
            ease: 'Cubic.easeOut',
          });
          this.cameras.main.shake(90, 0.002);
        },
      });
    }
    steps.push({ targets: gv, rotation: rest, duration: 260, ease: 'Back.easeOut' });
    this.tweens.chain({ tweens: steps });
  }

  // ---- the speech panel -------------------------------------------------------------------

  private buildSpeech(m: HallModel, M: Metrics, r: Rect, headerH: number, lineH: number): void {
    const c = this.c;
    const { pad, f, ui } = M;
    this.panel(this.bake, r, false);
    const ringR = this.ringR;
    const rcx = r.x + r.w - pad - ringR;
    const rcy = r.y + pad + headerH / 2;
    this.ring = this.gfx(this.root);
    this.ring.setPosition(rcx, rcy);
    this.timerText = this.text(this.root, rcx - ringR - 8 * ui, rcy, '', f.timer, c.text, {
      bold: true,
    }).setOrigin(1, 0.5);
    this.timerW = this.timerText.setText('00:00').width;
    this.speakerBox = this.box(this.root, r.x + pad, r.y + pad);
    // Separator under the header.
    const g = this.gfx(this.bake);
    g.lineStyle(1, c.panelEdge, 1).lineBetween(
      r.x + pad,
      r.y + pad + headerH + pad * 0.5,
      r.x + r.w - pad,
      r.y + pad + headerH + pad * 0.5,
    );
    this.speechArea = {
      x: Math.round(r.x + pad),
      y: Math.round(r.y + pad + headerH + pad),
      w: Math.round(r.w - 2 * pad),
      h: Math.max(1, Math.round(r.y + r.h - pad * 0.9 - (r.y + pad + headerH + pad))),
    };
    this.speechLineH = lineH;
    const a = this.speechArea;
    const st = new Phaser.GameObjects.Text(
      this,
      0,
      0,
      '',
      this.font(f.speech, false, {
        color: c.text,
        wordWrap: { width: a.w, useAdvancedWrap: true },
      }),
    );
    st.setLineSpacing(Math.round(lineH - this.lineH(f.speech)));
    this.add.existing(st);
    this.cameras.main.ignore(st);
    this.speechText = st;
    if (this.speechCam) {
      this.speechCam.setViewport(a.x, a.y, a.w, a.h);
      this.speechCam.setScroll(0, 0);
    }
    // Muted microphone, shown when nobody holds the floor.
    const mu = this.gfx(this.root);
    const mx = a.x + a.w / 2;
    const my = a.y + a.h / 2;
    const s = Math.min(a.h * 0.32, 16 * ui);
    mu.lineStyle(Math.max(2, 2 * ui), c.dimN, 1);
    mu.strokeRoundedRect(mx - s * 0.35, my - s, s * 0.7, s * 1.2, s * 0.35);
    mu.beginPath();
    mu.arc(mx, my, s * 0.65, 0, Math.PI, false);
    mu.strokePath();
    mu.lineBetween(mx, my + s * 0.65, mx, my + s);
    mu.lineBetween(mx - s * 0.8, my - s * 0.95, mx + s * 0.8, my + s * 0.95);
    mu.setVisible(false);
    this.muted = mu;
  }

  private drawRing(frac: number, warn: boolean): void {
    const g = this.ring;
    if (!g) return;
    const c = this.c;
    const r = this.ringR;
    const lw = Math.max(3, r * 0.28);
    g.clear();
    g.lineStyle(
      lw,
      this.model?.theme.highContrast ? 0x555555 : c.dimN,
      this.model?.theme.highContrast ? 1 : 0.3,
    );
    g.strokeCircle(0, 0, r);
    if (frac > 0.001) {
      g.lineStyle(lw, warn ? c.warn : c.accent, 1);
      g.beginPath();
      g.arc(0, 0, r, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * frac, false);
      g.strokePath();
    }
    if (warn) {
      // An exclamation mark inside: time is nearly up (shape, not colour alone).
      g.fillStyle(c.warn, 1).fillRect(-lw * 0.35, -r * 0.45, lw * 0.7, r * 0.55);
      g.fillCircle(0, r * 0.32, lw * 0.4);
    }
  }

  private syncSpeaker(prev: HallModel | null, m: HallModel, fresh: boolean, anim: boolean): void {
    const ps = prev?.speaker ?? null;
    const s = m.speaker;
    const seatChanged = (ps?.seat ?? null) !== (s?.seat ?? null);
    // The chair's news takes the panel while nobody has the floor.
    const news = s ? null : (m.news ?? null);
    const pn = ps ? null : (prev?.news ?? null);
    const newsChanged = news?.text !== pn?.text || news?.label !== pn?.label;
    const M = this.M;
    if (!M) return;
    const c = this.c;
    if (fresh || seatChanged || newsChanged) {
      const box = this.speakerBox;
      if (box) {
        box.removeAll(true);
        if (!s && news) {
          const headerH = Math.max(this.lineH(M.f.speaker, true), this.ringR * 2 + 4);
          const label = this.text(box, 0, headerH / 2, '', M.f.speaker, c.text, {
            bold: true,
          }).setOrigin(0, 0.5);
          this.fit(label, news.label, Math.max(40, this.speechArea.w));
        }
        if (s) {
          const seat = m.seats.find((x) => x.id === s.seat);
          const fh = Math.round(M.f.speaker * 1.05);
          const fw = Math.round((fh * 4) / 3);
          const headerH = Math.max(this.lineH(M.f.speaker, true), this.ringR * 2 + 4);
          this.flag(box, s.seat, fw / 2, headerH / 2, fw, fh);
          const name = this.text(box, fw + 8 * M.ui, headerH / 2, '', M.f.speaker, c.text, {
            bold: true,
          }).setOrigin(0, 0.5);
          // Room for the name: up to the clock, less the sound waves drawn after it.
          const maxW = (this.timerText?.x ?? 200) - this.timerW - box.x - fw - 44 * M.ui;
          this.fit(name, seat?.name ?? s.seat.toUpperCase(), Math.max(40, maxW));
          // Sound waves beside the name: this delegation has the floor.
          const g = this.gfx(box);
          const wx = name.x + name.width + 10 * M.ui;
          g.lineStyle(Math.max(1.5, 2 * M.ui), c.accent, 1);
          for (let i = 1; i <= 3; i++) {
            g.beginPath();
            g.arc(wx, headerH / 2, i * 4 * M.ui, -0.7, 0.7, false);
            g.strokePath();
          }
        }
      }
      this.muted?.setVisible(!s && !news);
      this.timerText?.setVisible(!!s);
      this.ring?.setVisible(!!s);
    }
    if (fresh || seatChanged) {
      // Cards, spotlight and microphone light.
      const from = ps ? this.seats.get(ps.seat) : undefined;
      const to = s ? this.seats.get(s.seat) : undefined;
      for (const v of this.seats.values()) {
        if (v !== to) this.setRaised(v, false, anim && v === from);
      }
      if (to) this.setRaised(to, true, anim && seatChanged);
      const spot = this.spot;
      if (spot) {
        this.tweens.killTweensOf(spot);
        if (to) {
          spot.setVisible(true);
          if (anim && seatChanged && from) {
            spot.setPosition(from.x, from.y).setAlpha(1);
            this.tweens.add({
              targets: spot,
              x: to.x,
              y: to.y,
              duration: 480,
              ease: 'Sine.easeInOut',
            });
          } else if (anim && seatChanged) {
            spot.setPosition(to.x, to.y).setAlpha(0);
            this.tweens.add({ targets: spot, alpha: 1, duration: 350 });
          } else spot.setPosition(to.x, to.y).setAlpha(1);
          this.pulse?.resume();
        } else {
          spot.setVisible(false);
          this.pulse?.pause();
        }
      }
      if (this.micOn) {
        this.micOn.setVisible(!!to);
        if (to) this.micOn.setPosition(to.micX, to.micY);
      }
    }
    const textChanged = fresh || seatChanged || newsChanged || ps?.text !== s?.text;
    if (textChanged && this.speechText) {
      this.speechText.setText(s?.text ?? news?.text ?? '');
      this.scrollMax = Math.max(0, Math.ceil(this.speechText.height - this.speechArea.h + 2));
      this.scrollY = 0;
      this.scrollPhase = 0;
      this.scrollT = 0;
      this.speechCam?.setScroll(0, 0);
    }
    if (s) {
      const frac = s.total > 0 ? clamp(s.remaining / s.total, 0, 1) : 0;
      const warn = s.remaining <= Math.max(10, s.total * 0.1);
      this.timerText?.setText(mmss(s.remaining, true)).setColor(warn ? css(c.warn) : c.text);
      const rs = this.ringState;
      this.tweens.killTweensOf(rs);
      const smooth = anim && !seatChanged && !fresh && frac < rs.v && rs.v - frac < 0.2;
      if (smooth) {
        this.tweens.add({
          targets: rs,
          v: frac,
          duration: 950,
          ease: 'Linear',
          onUpdate: () => this.drawRing(rs.v, warn),
        });
      } else {
        rs.v = frac;
        this.drawRing(frac, warn);
      }
    }
  }

  private setRaised(v: SeatView, raised: boolean, animate: boolean): void {
    const y = raised ? v.y - Math.round(8 * (this.M?.ui ?? 1)) : v.y;
    this.tweens.killTweensOf(v.card);
    if (animate) this.tweens.add({ targets: v.card, y, duration: 260, ease: 'Back.easeOut' });
    else v.card.setPosition(v.x, y);
    if (raised) this.root.bringToTop(v.card);
  }

  // ---- gauges -----------------------------------------------------------------------------

  private buildGauges(m: HallModel, M: Metrics, r: Rect, compact: boolean): void {
    const c = this.c;
    const { pad, f, ui } = M;
    this.panel(this.bake, r, true);
    const lab = this.lineH(f.gLabel);
    const n = Math.max(1, m.gauges.length);
    const inner = r.h - pad * 2;
    const rowStep = inner / n;
    // Bars thicken a little when the panel has room to spare.
    const bh = compact
      ? Math.round(8 * ui)
      : Math.round(clamp((rowStep - lab - 4 * ui) * 0.4, 8 * ui, 14 * ui));
    const blockH = compact ? lab : lab + 4 * ui + bh;
    const valueW = this.lineH(f.gValue, true) * 1.7 + 14 * ui;
    m.gauges.forEach((gauge, i) => {
      const y = r.y + pad + i * rowStep + Math.max(0, (rowStep - blockH) / 2 - 2 * ui);
      const label = this.text(this.bake, r.x + pad, y, '', f.gLabel, c.text);
      const value = this.text(this.root, r.x + r.w - pad, y, '', f.gValue, c.text, {
        bold: true,
      }).setOrigin(1, 0);
      let bx: number;
      let by: number;
      let bw: number;
      if (compact) {
        const labelW = Math.round((r.w - 2 * pad - valueW) * 0.48);
        this.fit(label, gauge.label, labelW - 6 * ui);
        bx = r.x + pad + labelW;
        bw = r.w - 2 * pad - labelW - valueW;
        by = y + (lab - bh) / 2;
        value.setY(y + (lab - this.lineH(f.gValue, true)) / 2);
      } else {
        this.fit(label, gauge.label, r.w - 2 * pad - valueW);
        bx = r.x + pad;
        bw = r.w - 2 * pad;
        by = y + lab + 4 * ui;
      }
      const bar = this.gfx(this.root);
      const arrow = this.gfx(this.root);
      arrow.setPosition(r.x + r.w - pad - valueW + 8 * ui, y + lab / 2);
      if (compact) arrow.setPosition(bx + bw + 9 * ui, y + lab / 2);
      arrow.setVisible(false);
      this.gauges.push({
        id: gauge.id,
        bar,
        arrow,
        value,
        x: bx,
        y: by,
        w: Math.max(10, bw),
        bh,
        shown: -1,
        shownInt: -1,
      });
    });
  }

  private drawGauge(v: GaugeView, value: number): void {
    const c = this.c;
    const g = v.bar;
    const hc = this.model?.theme.highContrast ?? false;
    g.clear();
    g.fillStyle(c.track, 1).fillRoundedRect(v.x, v.y, v.w, v.bh, v.bh / 2);
    if (hc) g.lineStyle(1, 0xffffff, 1).strokeRoundedRect(v.x, v.y, v.w, v.bh, v.bh / 2);
    const fw = (v.w * clamp(value, 0, 100)) / 100;
    if (fw > 0.5) {
      const col = value < 34 ? c.low : value < 67 ? c.mid : c.high;
      g.fillStyle(col, 1).fillRoundedRect(v.x, v.y, Math.max(v.bh, fw), v.bh, v.bh / 2);
    }
    g.lineStyle(1, hc ? 0xffffff : 0x000000, hc ? 0.8 : 0.45);
    for (let q = 1; q < 4; q++) {
      const tx = v.x + (v.w * q) / 4;
      g.lineBetween(tx, v.y, tx, v.y + v.bh);
    }
    const n = Math.round(value);
    if (n !== v.shownInt) {
      v.shownInt = n;
      v.value.setText(String(n));
    }
  }

  private syncGauges(prev: HallModel | null, m: HallModel, fresh: boolean, anim: boolean): void {
    const c = this.c;
    for (const v of this.gauges) {
      const cur = m.gauges.find((g) => g.id === v.id);
      if (!cur) continue;
      const before = prev?.gauges.find((g) => g.id === v.id)?.value;
      const changed = before !== undefined && before !== cur.value;
      if (!changed) {
        if (fresh || v.shown !== cur.value) {
          this.tweens.killTweensOf(v);
          v.shown = cur.value;
          this.drawGauge(v, cur.value);
        }
        continue;
      }
      // Direction of the last change: a triangle up or down beside the value.
      const up = cur.value > (before ?? 0);
      const s = Math.max(4, 5 * (this.M?.ui ?? 1));
      v.arrow.clear().fillStyle(up ? c.high : c.low, 1);
      if (up) v.arrow.fillTriangle(-s, s * 0.6, s, s * 0.6, 0, -s * 0.8);
      else v.arrow.fillTriangle(-s, -s * 0.6, s, -s * 0.6, 0, s * 0.8);
      v.arrow.setVisible(true).setAlpha(1);
      this.tweens.killTweensOf(v.arrow);
      this.tweens.killTweensOf(v);
      if (anim) {
        v.shown = before ?? cur.value;
        this.drawGauge(v, v.shown);
        this.tweens.add({
          targets: v,
          shown: cur.value,
          duration: 800,
          ease: 'Cubic.easeOut',
          onUpdate: () => this.drawGauge(v, v.shown),
        });
        this.tweens.add({ targets: v.arrow, alpha: 0, delay: 5000, duration: 600 });
      } else {
        v.shown = cur.value;
        this.drawGauge(v, cur.value);
        const arrow = v.arrow;
        this.after(5000, () => arrow.setVisible(false));
      }
    }
  }

  // ---- the vote board ---------------------------------------------------------------------

  private buildBoard(m: HallModel, M: Metrics, r: Rect, rowH: number, withGavel: boolean): void {
    const ballot = m.ballot;
    if (!ballot) return;
    const c = this.c;
    const { pad, f, ui } = M;
    this.panel(this.bake, r, true);
    const title = this.text(this.bake, r.x + pad, r.y + pad, '', f.bTitle, c.text, {
      bold: true,
      wrap: r.w - 2 * pad - (M.portrait ? 60 * ui : 0),
    });
    this.clampLines(title, ballot.title, 2);
    if (withGavel) {
      // The table is not shown: the gavel sits in the board's corner.
      const s = Math.round(16 * ui);
      this.buildGavel(this.root, r.x + r.w - pad - s * 1.7, r.y + pad + s, s, ui);
    }
    let y = title.y + title.height + 6 * ui;
    const seats = this.boardSeats(m);
    const probe = new Phaser.GameObjects.Text(this, 0, 0, '', this.font(f.bRow));
    let labelW = 0;
    for (const k of ballot.marks) labelW = Math.max(labelW, probe.setText(k.label).width);
    probe.destroy();
    // Room for words that have not arrived yet.
    labelW = Math.ceil(Math.min(Math.max(labelW, (r.w - 2 * pad) * 0.26), (r.w - 2 * pad) * 0.4));
    this.boardLabelW = labelW;
    const fh = Math.round(clamp(rowH * 0.56, 10, 24 * ui));
    const fw = Math.round((fh * 4) / 3);
    const br = Math.round(clamp(rowH * 0.34, 7, 13 * ui));
    const g = this.gfx(this.bake);
    seats.forEach((s, i) => {
      const cy = y + rowH / 2;
      if (i % 2 === 0 && !m.theme.highContrast)
        g.fillStyle(0xffffff, 0.04).fillRect(r.x + 4, y, r.w - 8, rowH);
      if (m.theme.highContrast && i > 0)
        g.lineStyle(1, 0x808080, 1).lineBetween(r.x + pad, y, r.x + r.w - pad, y);
      const flash = this.gfx(this.root);
      flash.fillStyle(c.accent, 0.28).fillRect(r.x + 4, y, r.w - 8, rowH);
      flash.setAlpha(0);
      this.flag(this.bake, s.id, r.x + pad + fw / 2, cy, fw, fh);
      let nx = r.x + pad + fw + 8 * ui;
      if (s.isPlayer) {
        const yr = Math.round(Math.min(rowH * 0.3, 9 * ui));
        this.youBadge(this.bake, nx + yr, cy, yr);
        nx += yr * 2 + 6 * ui;
      }
      const mark = ballot.marks.find((k) => k.seat === s.id);
      const labelX = r.x + r.w - pad - labelW;
      const badgeX = labelX - 8 * ui - br;
      const name = this.text(this.bake, nx, cy, '', f.bRow, c.text, { bold: s.isPlayer }).setOrigin(
        0,
        0.5,
      );
      this.fit(name, s.name, badgeX - br - 8 * ui - nx);
      const badge = this.gfx(this.root);
      badge.setPosition(badgeX, cy);
      const label = this.text(
        this.root,
        labelX,
        cy,
        '',
        f.bRow,
        mark?.choice ? c.text : c.dim,
      ).setOrigin(0, 0.5);
      this.fit(label, mark?.label ?? '', labelW);
      const rv: RowView = {
        seat: s.id,
        badge,
        label,
        flash,
        choice: mark?.choice ?? null,
        word: mark?.label ?? '',
        r: br,
      };
      this.drawMark(rv.badge, rv.choice, br);
      this.rows.set(s.id, rv);
      y += rowH;
    });
    if (ballot.result) {
      const rc = this.box(this.root, 0, 0);
      const ry = y + 6 * ui;
      const rh = r.y + r.h - pad * 0.6 - ry;
      const rg = this.gfx(rc);
      rg.fillStyle(c.accent, m.theme.highContrast ? 0 : 0.14).fillRoundedRect(
        r.x + pad * 0.5,
        ry,
        r.w - pad,
        rh,
        6,
      );
      rg.lineStyle(1.5, c.accent, 1).strokeRoundedRect(r.x + pad * 0.5, ry, r.w - pad, rh, 6);
      // A small gavel glyph: the chair has announced the result.
      const gx = r.x + pad + 9 * ui;
      const gy = ry + rh / 2;
      rg.fillStyle(c.accent, 1);
      rg.fillPoints(tilted(gx - 3 * ui, gy - 3 * ui, 11 * ui, 6 * ui, -0.785), true);
      rg.fillPoints(tilted(gx + 2 * ui, gy + 2 * ui, 3 * ui, 13 * ui, -0.785), true);
      this.text(rc, gx + 14 * ui, gy, ballot.result, f.result, c.text, {
        bold: true,
        wrap: r.w - 2 * pad - 28 * ui,
        maxLines: 3,
      }).setOrigin(0, 0.5);
      this.result = rc;
    }
  }

  private drawMark(g: Graphics, choice: Choice | null, r: number): void {
    const c = this.c;
    g.clear();
    if (choice === null) {
      // Not yet voted: a dashed empty circle.
      g.lineStyle(Math.max(1.5, r * 0.16), c.pending, 1);
      const n = 10;
      for (let i = 0; i < n; i++) {
        const a = (i * Math.PI * 2) / n;
        g.beginPath();
        g.arc(0, 0, r - 1, a, a + (Math.PI * 2) / n / 2, false);
        g.strokePath();
      }
      return;
    }
    g.fillStyle(c.choice[choice], 1).fillCircle(0, 0, r);
    g.lineStyle(
      1.5,
      this.model?.theme.highContrast ? 0xffffff : 0x000000,
      this.model?.theme.highContrast ? 1 : 0.35,
    ).strokeCircle(0, 0, r);
    const lw = Math.max(2, r * 0.24);
    g.lineStyle(lw, c.symbol, 1);
    switch (choice) {
      case 'yes':
        g.beginPath();
        g.moveTo(-r * 0.48, r * 0.02);
        g.lineTo(-r * 0.14, r * 0.36);
        g.lineTo(r * 0.5, -r * 0.36);
        g.strokePath();
        break;
      case 'no':
        g.lineBetween(-r * 0.4, -r * 0.4, r * 0.4, r * 0.4);
        g.lineBetween(-r * 0.4, r * 0.4, r * 0.4, -r * 0.4);
        break;
      case 'abstain':
        g.lineBetween(-r * 0.48, 0, r * 0.48, 0);
        break;
      case 'standAside':
        g.strokeCircle(0, 0, r * 0.42);
        break;
    }
  }

  private syncBallot(prev: HallModel | null, m: HallModel, anim: boolean): void {
    const b = m.ballot;
    if (!b) return;
    const c = this.c;
    for (const mark of b.marks) {
      const rv = this.rows.get(mark.seat);
      if (!rv) continue;
      const before = prev?.ballot?.marks.find((k) => k.seat === mark.seat) ?? null;
      const changed = !!before && before.choice !== mark.choice && prev?.ballot?.title === b.title;
      if (rv.choice !== mark.choice || rv.word !== mark.label) {
        rv.choice = mark.choice;
        rv.word = mark.label;
        this.drawMark(rv.badge, mark.choice, rv.r);
        this.fit(rv.label, mark.label, this.boardLabelW);
        rv.label.setColor(mark.choice ? c.text : c.dim);
      }
      this.tweens.killTweensOf([rv.badge, rv.label, rv.flash]);
      if (changed && anim && mark.choice) {
        rv.badge.setScale(0).setAlpha(0);
        rv.label.setAlpha(0);
        rv.flash.setAlpha(1);
        this.tweens.add({
          targets: rv.badge,
          scale: 1,
          alpha: 1,
          duration: 380,
          ease: 'Back.easeOut',
        });
        this.tweens.add({ targets: rv.label, alpha: 1, delay: 120, duration: 260 });
        this.tweens.add({ targets: rv.flash, alpha: 0, duration: 900, ease: 'Sine.easeOut' });
      } else {
        rv.badge.setScale(1).setAlpha(1);
        rv.label.setAlpha(1);
        rv.flash.setAlpha(0);
      }
    }
    const res = this.result;
    if (res && anim && b.result && prev?.ballot?.result !== b.result) {
      res.setAlpha(0).setY(10);
      this.tweens.add({ targets: res, alpha: 1, y: 0, duration: 450, ease: 'Cubic.easeOut' });
    }
  }
}
