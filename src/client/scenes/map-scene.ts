/**
 * The regional map: CSTO members shaded (colour, diagonal hatch and name label, so meaning never
 * rests on colour alone), frozen members with a dashed outline, outside actors named on their
 * country, and the crisis location as a ring marker with its name. Geometry comes from
 * `map-data.ts`; this scene only draws. Country shapes are drawn once per size and contrast mode;
 * `render(model)` redraws the overlays only.
 */
import Phaser from 'phaser';
import {
  buildRegionMap,
  dashSegments,
  hatchSegments,
  placeLabels,
  type Box,
  type CountryShape,
  type FlatRing,
  type LabelRequest,
  type RegionMap,
  visibleOutlines,
} from './map-data';
import { scratchContext, styleMetrics } from './nameplates';
import type { MapModel, Renders, Theme } from './types';

const FONT = 'Noto Sans, sans-serif';

interface Scheme {
  sea: number;
  land: number;
  border: number;
  borderWidth: number;
  /** Colour for a member, by position in the model's list and id. */
  member(id: string, index: number): number;
  memberFillAlpha: number;
  frozenFillAlpha: number;
  /** Hatch and outline colour for a member's fill colour. */
  ink(fill: number): number;
  memberOutlineWidth: number;
  hatchWidth: number;
  hatchSpacing: number;
  memberText: string;
  actorText: string;
  halo: string;
  crisis: number;
  crisisHalo: number;
  crisisText: string;
  crisisPlate: string;
  titleText: string;
  titlePlate: string;
  leader: number;
}

/** Tableau-like default colours, one per member (ids first, then by position). */
const DEFAULT_MEMBERS: Record<string, number> = {
  ru: 0x4e79a7,
  by: 0xb07aa1,
  kz: 0xf28e2b,
  kg: 0x59a14f,
  tj: 0xedc948,
  am: 0x76b7b2,
};
const DEFAULT_EXTRA = [0x9c755f, 0xff9da7, 0xbab0ac];

/** Okabe–Ito: safe for the common colour-vision deficiencies. Vermillion is kept for the crisis. */
const OKABE_ITO_MEMBERS: Record<string, number> = {
  ru: 0x0072b2, // blue
  by: 0xcc79a7, // reddish purple
  kz: 0xe69f00, // orange
  kg: 0x009e73, // bluish green
  tj: 0xf0e442, // yellow
  am: 0x56b4e9, // sky blue
};
const OKABE_ITO_EXTRA = [0x999999, 0x000000];

function pick(table: Record<string, number>, extra: number[], id: string, index: number): number {
  return table[id] ?? extra[index % extra.length] ?? 0x888888;
}

function darken(colour: number, factor: number): number {
  const r = Math.round(((colour >> 16) & 0xff) * factor);
  const g = Math.round(((colour >> 8) & 0xff) * factor);
  const b = Math.round((colour & 0xff) * factor);
  return (r << 16) | (g << 8) | b;
}

function schemeFor(theme: Theme): Scheme {
  if (theme.highContrast) {
    return {
      sea: 0x000000,
      land: 0x000000,
      border: 0xffffff,
      borderWidth: 1,
      member: () => 0xffff00,
      memberFillAlpha: 0,
      frozenFillAlpha: 0,
      ink: () => 0xffff00,
      memberOutlineWidth: 3,
      hatchWidth: 1.5,
      hatchSpacing: 6,
      memberText: '#ffff00',
      actorText: '#ffffff',
      halo: '#000000',
      crisis: 0xffff00,
      crisisHalo: 0x000000,
      crisisText: '#000000',
      crisisPlate: '#ffff00',
      titleText: '#ffffff',
      titlePlate: '#000000',
      leader: 0xffffff,
    };
  }
  const colourblind = theme.palette === 'colourblind';
  return {
    sea: 0xd6e4ee,
    land: 0xf3f0e8,
    border: 0x9aa1a8,
    borderWidth: 1,
    member: (id, index) =>
      colourblind
        ? pick(OKABE_ITO_MEMBERS, OKABE_ITO_EXTRA, id, index)
        : pick(DEFAULT_MEMBERS, DEFAULT_EXTRA, id, index),
    memberFillAlpha: 0.55,
    frozenFillAlpha: 0.25,
    ink: (fill) => darken(fill, 0.55),
    memberOutlineWidth: 1.6,
    hatchWidth: 1,
    hatchSpacing: 7,
    memberText: '#13202c',
    actorText: '#45525e',
    halo: '#ffffff',
    crisis: colourblind ? 0xd55e00 : 0xc62828,
    crisisHalo: 0xffffff,
    crisisText: '#ffffff',
    crisisPlate: colourblind ? '#a04400' : '#b71c1c',
    titleText: '#13202c',
    titlePlate: '#ffffffe6',
    leader: 0x45525e,
  };
}

/** Radius of the crisis ring in pixels on a 1280 × 720 canvas. */
const MARKER_RADIUS = 9;

/** Text and marker size follow the canvas a little (a projected 1080p hall, a small laptop). */
function sizeFactor(width: number, height: number): number {
  return Math.max(0.85, Math.min(1.5, Math.min(width / 1280, height / 720)));
}

export class MapScene extends Phaser.Scene implements Renders<MapModel> {
  private model: MapModel | null = null;
  private map: RegionMap | null = null;
  /** The model last drawn, as JSON: the same model is not drawn again. */
  private drawnKey = '';
  /** A model came while the scene slept: draw it when woken. */
  private stale = false;
  /** What the base layer was drawn for: size and contrast mode. */
  private baseKey = '';
  /**
   * Country shapes and member shading are baked into render textures: a Graphics object
   * re-tessellates every path on every frame, which costs ~100 ms a frame with software WebGL.
   * The Graphics below are drawing tools only, never on the display list.
   */
  private baseTexture: Phaser.GameObjects.RenderTexture | null = null;
  private overlayTexture!: Phaser.GameObjects.RenderTexture;
  private pen!: Phaser.GameObjects.Graphics;
  private leaders!: Phaser.GameObjects.Graphics;
  private marker!: Phaser.GameObjects.Graphics;
  private pulse!: Phaser.GameObjects.Graphics;
  private pulseTween: Phaser.Tweens.Tween | null = null;
  private pulseKey = '';
  private labels: Phaser.GameObjects.Text[] = [];
  private resizeTimer: Phaser.Time.TimerEvent | null = null;

  constructor() {
    super({ key: 'map' });
  }

  /**
   * Projects the outlines for a canvas of this size ahead of time (the costliest part of the
   * first drawing), so that the map opens sooner. Before `create`: only the geometry.
   */
  prepare(width: number, height: number): void {
    const w = Math.round(width);
    const h = Math.round(height);
    if (w < 2 || h < 2 || (this.map?.width === w && this.map.height === h)) return;
    this.map = buildRegionMap(w, h);
  }

  create(): void {
    const { width, height } = this.scale;
    this.baseTexture = this.add.renderTexture(0, 0, width, height).setOrigin(0, 0).setDepth(0);
    this.overlayTexture = this.add.renderTexture(0, 0, width, height).setOrigin(0, 0).setDepth(1);
    this.pen = this.make.graphics({}, false);
    this.leaders = this.add.graphics().setDepth(2);
    this.marker = this.add.graphics().setDepth(3);
    this.pulse = this.add.graphics().setDepth(3).setVisible(false);
    this.scale.on('resize', this.onResize, this);
    this.events.on(Phaser.Scenes.Events.WAKE, this.onWake, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      // The scene's display list, tweens and clock clean up their own objects; the pen is ours.
      this.scale.off('resize', this.onResize, this);
      this.events.off(Phaser.Scenes.Events.WAKE, this.onWake, this);
      this.drawnKey = '';
      this.pen.destroy();
      this.pulseTween = null;
      this.pulseKey = '';
      this.resizeTimer = null;
      this.baseTexture = null;
      this.labels = [];
      this.map = null;
      this.baseKey = '';
    });
    this.draw();
  }

  /** Shows a model; may be called before the scene has started (it is drawn in `create`). */
  render(model: MapModel): void {
    this.model = model;
    if (JSON.stringify(model) === this.drawnKey) return;
    // Asleep (drawn out of sight, or the hall is showing): drawn when woken.
    if (this.baseTexture && this.sys.isActive()) this.draw();
    else this.stale = true;
  }

  /** Woken to be shown: drawn again if the model or the canvas changed while it slept. */
  private onWake(): void {
    const sized =
      this.map?.width === Math.round(this.scale.width) &&
      this.map.height === Math.round(this.scale.height);
    if (this.stale || !sized) this.draw();
  }

  private onResize(): void {
    // Window drags fire many resizes: rebuild the geometry once they settle.
    this.resizeTimer?.remove();
    this.resizeTimer = this.time.delayedCall(120, () => {
      this.resizeTimer = null;
      this.draw();
    });
  }

  private draw(): void {
    const model = this.model;
    const width = Math.round(this.scale.width);
    const height = Math.round(this.scale.height);
    if (!this.baseTexture || width < 2 || height < 2) return;
    this.cameras.main.setSize(width, height);
    this.prepare(width, height);
    if (!this.map) return;
    if (this.baseTexture.width !== width || this.baseTexture.height !== height) {
      this.baseTexture.resize(width, height);
      this.overlayTexture.resize(width, height);
    }
    const theme: Theme = model?.theme ?? {
      palette: 'default',
      highContrast: false,
      reducedMotion: true,
      textScale: 1,
    };
    const scheme = schemeFor(theme);
    const key = `${width}x${height}:${theme.highContrast}`;
    if (key !== this.baseKey) {
      this.drawBase(this.pen, this.map, scheme);
      this.bake(this.baseTexture);
      this.baseKey = key;
    }
    this.drawOverlay(model, this.map, scheme, theme);
    this.bake(this.overlayTexture);
    this.drawnKey = JSON.stringify(model);
    this.stale = false;
  }

  // -------------------------------------------------------------------------------------------
  // Static layer: sea, every country in a neutral fill, borders.

  private drawBase(g: Phaser.GameObjects.Graphics, map: RegionMap, s: Scheme): void {
    g.clear();
    g.fillStyle(s.sea, 1);
    g.fillRect(0, 0, map.width, map.height);
    // Countries with holes first: the enclaves, drawn later, then sit on top of them.
    const ordered = [...map.countries].sort((a, b) => b.holes.length - a.holes.length);
    g.fillStyle(s.land, 1);
    for (const c of ordered) for (const ring of c.polygons) fillRing(g, ring);
    g.lineStyle(s.borderWidth, s.border, 1);
    for (const c of ordered) {
      for (const ring of [...c.polygons, ...c.holes]) strokeOutline(g, ring, map);
    }
  }

  // -------------------------------------------------------------------------------------------
  // Overlays: members, labels, crisis marker, title.

  /** Replaces a texture's content with what the pen has drawn, and clears the pen. */
  private bake(texture: Phaser.GameObjects.RenderTexture): void {
    texture.clear();
    texture.draw(this.pen);
    texture.render();
    this.pen.clear();
  }

  private drawOverlay(model: MapModel | null, map: RegionMap, s: Scheme, theme: Theme): void {
    const g = this.pen;
    g.clear();
    this.leaders.clear();
    this.marker.clear();
    let used = 0;
    if (!model) {
      this.hideLabelsFrom(0);
      this.stopPulse();
      return;
    }
    const k = sizeFactor(map.width, map.height);
    const ts = Math.min(2, Math.max(1, theme.textScale || 1)) * k;
    const radius = Math.round(MARKER_RADIUS * k);

    // Members, those with enclave holes first (see drawBase).
    const members = model.members
      .map((m, index) => ({ ...m, index, shape: map.country(m.id) }))
      .filter((m): m is typeof m & { shape: CountryShape } => m.shape !== undefined)
      .sort((a, b) => b.shape.holes.length - a.shape.holes.length);
    for (const m of members) {
      const fill = s.member(m.id, m.index);
      const ink = s.ink(fill);
      const rings = [...m.shape.polygons, ...m.shape.holes];
      g.fillStyle(fill, m.frozen ? s.frozenFillAlpha : s.memberFillAlpha);
      for (const ring of m.shape.polygons) fillRing(g, ring);
      if (m.shape.holes.length) {
        g.fillStyle(s.land, 1);
        for (const ring of m.shape.holes) fillRing(g, ring);
        g.lineStyle(s.borderWidth, s.border, 1);
        for (const ring of m.shape.holes) strokeOutline(g, ring, map);
      }
      // Frozen members hatch the other way, sparser, and get a dashed outline.
      const hatch = hatchSegments(
        rings,
        s.hatchSpacing * (m.frozen ? 1.6 : 1),
        m.frozen ? -45 : 45,
      );
      g.lineStyle(s.hatchWidth, ink, m.frozen ? 0.6 : 0.85);
      strokeSegments(g, hatch);
      if (m.frozen) {
        g.lineStyle(s.memberOutlineWidth + 0.6, ink, 1);
        for (const ring of m.shape.polygons) {
          for (const line of visibleOutlines(ring, map.width, map.height)) {
            strokeSegments(g, dashSegments(line, 7, 5, false));
          }
        }
      } else {
        g.lineStyle(s.memberOutlineWidth, ink, 1);
        for (const ring of m.shape.polygons) strokeOutline(g, ring, map);
      }
    }

    // Texts are measured first, then placed together so they avoid each other.
    const obstacles: Box[] = [];
    const requests: LabelRequest[] = [];
    const texts = new Map<string, Phaser.GameObjects.Text>();
    const anchors = new Map<string, { x: number; y: number }>();
    const margin = 8;

    const title = this.label(used++, model.title, {
      fontSize: 18 * ts,
      bold: true,
      color: s.titleText,
      plate: s.titlePlate,
    });
    title
      .setPosition(margin, margin)
      .setOrigin(0, 0)
      .setVisible(model.title.length > 0);
    if (model.title) {
      obstacles.push({
        x0: 0,
        y0: 0,
        x1: margin + title.width + 4,
        y1: margin + title.height + 4,
      });
    }

    let crisisAt: { x: number; y: number } | null = null;
    if (model.crisis) {
      const p = map.projectPoint(model.crisis.lon, model.crisis.lat);
      if (Number.isFinite(p.x) && Number.isFinite(p.y)) {
        crisisAt = {
          x: Math.min(Math.max(p.x, radius), map.width - radius),
          y: Math.min(Math.max(p.y, radius), map.height - radius),
        };
        const r = radius + 4;
        obstacles.push({
          x0: crisisAt.x - r,
          y0: crisisAt.y - r,
          x1: crisisAt.x + r,
          y1: crisisAt.y + r,
        });
        const t = this.label(used++, model.crisis.name, {
          fontSize: 14 * ts,
          bold: true,
          color: s.crisisText,
          plate: s.crisisPlate,
        });
        texts.set('crisis', t);
        anchors.set('crisis', crisisAt);
        requests.push({
          id: 'crisis',
          x: crisisAt.x,
          y: crisisAt.y,
          width: t.width,
          height: t.height,
          required: true,
          prefer: { x: radius + 8 + t.width / 2, y: 0 },
        });
      }
    }

    // Members: the smallest first, so they keep their spot near the anchor.
    const bySize = [...members].sort((a, b) => a.shape.area - b.shape.area);
    for (const m of bySize) {
      const t = this.label(used++, m.name, {
        fontSize: 15 * ts,
        bold: true,
        color: s.memberText,
        halo: s.halo,
      });
      const id = `m:${m.id}`;
      texts.set(id, t);
      anchors.set(id, m.shape.anchor);
      // A label that would hide most of a small country goes beside it, with a leader line.
      const b = m.shape.bbox;
      const small = t.width * t.height > 0.4 * (b.x1 - b.x0) * (b.y1 - b.y0);
      requests.push({
        id,
        x: m.shape.anchor.x,
        y: m.shape.anchor.y,
        width: t.width,
        height: t.height,
        required: true,
        ...(small ? { avoid: b } : {}),
      });
    }

    // Outside actors: states are named on their country; the rest are listed in a corner.
    const unplaced: string[] = [];
    const memberIds = new Set(model.members.map((m) => m.id));
    const actorShapes: { name: string; shape: CountryShape }[] = [];
    for (const a of model.actors) {
      const shape = a.iso2 && !memberIds.has(a.iso2) ? map.country(a.iso2) : undefined;
      if (shape) actorShapes.push({ name: a.name, shape });
      else if (!a.iso2 || !memberIds.has(a.iso2)) unplaced.push(a.name);
    }
    if (unplaced.length) {
      const list = this.label(used++, unplaced.join(' · '), {
        fontSize: 12 * ts,
        italic: true,
        color: s.actorText,
        plate: s.titlePlate,
        // On a narrow map (a phone) the list takes two lines rather than running off the edge.
        wrapWidth: map.width - 2 * margin - 12,
      });
      list.setOrigin(0, 1).setPosition(margin, map.height - margin);
      obstacles.push({
        x0: 0,
        y0: map.height - margin - list.height - 4,
        x1: margin + list.width + 4,
        y1: map.height,
      });
    }
    actorShapes.sort((a, b) => a.shape.area - b.shape.area);
    for (const a of actorShapes) {
      const t = this.label(used++, a.name, {
        fontSize: 12 * ts,
        italic: true,
        color: s.actorText,
        halo: s.halo,
      });
      const id = `a:${a.shape.id}:${a.name}`;
      texts.set(id, t);
      anchors.set(id, a.shape.anchor);
      requests.push({
        id,
        x: a.shape.anchor.x,
        y: a.shape.anchor.y,
        width: t.width,
        height: t.height,
        required: false,
      });
    }

    const placed = placeLabels(requests, { width: map.width, height: map.height }, obstacles);
    const shown = new Set<string>();
    for (const p of placed) {
      const t = texts.get(p.id);
      const anchor = anchors.get(p.id);
      if (!t || !anchor) continue;
      shown.add(p.id);
      t.setOrigin(0.5, 0.5).setPosition(Math.round(p.x), Math.round(p.y));
      if (p.displaced && p.id !== 'crisis') {
        const tx = Math.min(Math.max(anchor.x, p.box.x0), p.box.x1);
        const ty = Math.min(Math.max(anchor.y, p.box.y0), p.box.y1);
        this.leaders.lineStyle(1.2, s.leader, 0.9);
        this.leaders.lineBetween(anchor.x, anchor.y, tx, ty);
        this.leaders.fillStyle(s.leader, 1);
        this.leaders.fillCircle(anchor.x, anchor.y, 2);
      }
    }
    for (const [id, t] of texts) if (!shown.has(id)) t.setVisible(false);
    this.hideLabelsFrom(used);

    // The crisis marker: a ring with a halo and a centre dot; it pulses only if motion is allowed.
    if (crisisAt) {
      const m = this.marker;
      m.lineStyle(6, s.crisisHalo, 1);
      m.strokeCircle(crisisAt.x, crisisAt.y, radius);
      m.lineStyle(3, s.crisis, 1);
      m.strokeCircle(crisisAt.x, crisisAt.y, radius);
      m.fillStyle(s.crisisHalo, 1);
      m.fillCircle(crisisAt.x, crisisAt.y, 4);
      m.fillStyle(s.crisis, 1);
      m.fillCircle(crisisAt.x, crisisAt.y, 2.5);
      this.updatePulse(crisisAt, radius, s, theme.reducedMotion);
    } else {
      this.stopPulse();
    }
  }

  private updatePulse(
    at: { x: number; y: number },
    radius: number,
    s: Scheme,
    reducedMotion: boolean,
  ): void {
    const key = `${at.x},${at.y},${radius},${s.crisis}`;
    if (reducedMotion) {
      this.stopPulse();
      return;
    }
    if (this.pulseTween && key === this.pulseKey) return;
    this.stopPulse();
    this.pulseKey = key;
    this.pulse.clear();
    this.pulse.lineStyle(2.5, s.crisis, 1);
    this.pulse.strokeCircle(0, 0, radius);
    this.pulse.setPosition(at.x, at.y).setScale(1).setAlpha(0.9).setVisible(true);
    this.pulseTween = this.tweens.add({
      targets: this.pulse,
      scale: { from: 1, to: 2.6 },
      alpha: { from: 0.9, to: 0 },
      duration: 1600,
      ease: 'Sine.easeOut',
      repeat: -1,
    });
  }

  private stopPulse(): void {
    this.pulseTween?.remove();
    this.pulseTween = null;
    this.pulseKey = '';
    this.pulse?.setVisible(false);
  }

  /** The i-th pooled text object, restyled. */
  private label(
    index: number,
    text: string,
    o: {
      fontSize: number;
      color: string;
      bold?: boolean;
      italic?: boolean;
      halo?: string;
      plate?: string;
      /** Wraps at spaces to this width; one line when absent. */
      wrapWidth?: number;
    },
  ): Phaser.GameObjects.Text {
    const fontSize = `${Math.round(o.fontSize)}px`;
    const fontStyle = [o.italic ? 'italic' : '', o.bold ? 'bold' : ''].join(' ').trim() || 'normal';
    const style: Phaser.Types.GameObjects.Text.TextStyle = {
      fontFamily: FONT,
      fontSize,
      fontStyle,
      metrics: styleMetrics(scratchContext(), `${fontStyle} ${fontSize} ${FONT}`),
      color: o.color,
      stroke: o.halo ?? '#000000',
      strokeThickness: o.halo ? Math.max(3, Math.round(o.fontSize / 3.5)) : 0,
      backgroundColor: o.plate ?? '',
      padding: o.plate ? { x: 6, y: 3 } : { x: 2, y: 1 },
      resolution: Math.min(2, Math.max(1, window.devicePixelRatio || 1)),
      ...(o.wrapWidth ? { wordWrap: { width: Math.max(40, o.wrapWidth) } } : {}),
    };
    let t = this.labels[index];
    if (!t) {
      t = this.add.text(0, 0, text, style).setDepth(4);
      this.labels[index] = t;
    } else {
      t.setStyle(style).setText(text);
    }
    return t.setOrigin(0.5, 0.5).setVisible(true);
  }

  private hideLabelsFrom(index: number): void {
    for (let i = index; i < this.labels.length; i++) this.labels[i]!.setVisible(false);
  }
}

function fillRing(g: Phaser.GameObjects.Graphics, ring: FlatRing): void {
  g.beginPath();
  g.moveTo(ring[0]!, ring[1]!);
  for (let i = 2; i < ring.length; i += 2) g.lineTo(ring[i]!, ring[i + 1]!);
  g.closePath();
  g.fillPath();
}

/** Strokes a ring's border, leaving out where it runs along the canvas edge. */
function strokeOutline(
  g: Phaser.GameObjects.Graphics,
  ring: FlatRing,
  size: { width: number; height: number },
): void {
  for (const line of visibleOutlines(ring, size.width, size.height)) {
    g.beginPath();
    g.moveTo(line[0]!, line[1]!);
    for (let i = 2; i < line.length; i += 2) g.lineTo(line[i]!, line[i + 1]!);
    g.strokePath();
  }
}

function strokeSegments(g: Phaser.GameObjects.Graphics, segs: number[]): void {
  for (let i = 0; i + 3 < segs.length; i += 4) {
    g.lineBetween(segs[i]!, segs[i + 1]!, segs[i + 2]!, segs[i + 3]!);
  }
}
