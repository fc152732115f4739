/**
 * The regional map's geometry, as pure functions (no Phaser, no DOM): Natural Earth country
 * outlines from `world-atlas` (1:50m, cut at build time to what the map can show:
 * src/content/atlas.ts), cut to the CSTO region, projected with a conic equal-area
 * projection fitted to a canvas, simplified to a point budget, and returned as flat rings that a
 * Phaser Graphics object can draw directly. Also the drawing helpers that do not need a renderer:
 * hatch lines clipped to a country, dashed outlines, and a greedy label placer.
 */
import { geoConicEqualArea, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import { feature, merge } from 'topojson-client';
import type {
  GeometryCollection,
  GeometryObject,
  MultiPolygon,
  Topology,
} from 'topojson-specification';
import regionAtlas from 'virtual:region-atlas';
import { decodeArcs } from '../../content/atlas';

/** A ring as flat coordinates `[x0, y0, x1, y1, …]` in canvas pixels, implicitly closed. */
export type FlatRing = number[];

export interface Point {
  x: number;
  y: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface CountryShape {
  /** ISO 3166-1 numeric id as world-atlas spells it ('051' for Armenia). */
  id: string;
  /** ISO 3166-1 alpha-2, lower case, where {@link ISO2_TO_NUMERIC} knows it. */
  iso2: string | null;
  /** Natural Earth's English short name: for debugging only, scenes show the model's names. */
  name: string;
  /** Outer rings, each a flat ring. */
  polygons: FlatRing[];
  /** Holes (enclaves of another country), each a flat ring. */
  holes: FlatRing[];
  /** Where the name label goes: the centroid of the visible part, or an interior point. */
  anchor: Point;
  bbox: Box;
  /** Visible area in square pixels. */
  area: number;
}

export interface RegionMap {
  width: number;
  height: number;
  /** Countries with something visible, largest first. */
  countries: CountryShape[];
  /** Total vertices over all rings. */
  pointCount: number;
  /** Canvas position of a longitude/latitude (not clipped: it may lie off the canvas). */
  projectPoint(lon: number, lat: number): Point;
  /** The country with this alpha-2 id, if visible. */
  country(iso2: string): CountryShape | undefined;
}

/**
 * ISO 3166-1 alpha-2 (lower case) to the numeric ids world-atlas uses (checked against
 * countries-50m.json: all present). Kosovo and Northern Cyprus have no id in the file.
 */
export const ISO2_TO_NUMERIC: Readonly<Record<string, string>> = {
  // CSTO members
  ru: '643',
  by: '112',
  kz: '398',
  kg: '417',
  tj: '762',
  am: '051',
  // neighbours and outside actors
  az: '031',
  ge: '268',
  tr: '792',
  ir: '364',
  af: '004',
  uz: '860',
  tm: '795',
  cn: '156',
  mn: '496',
  ua: '804',
  pl: '616',
  lt: '440',
  lv: '428',
  ee: '233',
  md: '498',
  ro: '642',
  fi: '246',
  pk: '586',
  in: '356',
  iq: '368',
  sy: '760',
  bg: '100',
  se: '752',
  no: '578',
  sk: '703',
  hu: '348',
  us: '840',
};

const NUMERIC_TO_ISO2: ReadonlyMap<string, string> = new Map(
  Object.entries(ISO2_TO_NUMERIC).map(([iso2, num]) => [num, iso2]),
);

export interface RegionOptions {
  /** Geographic box the projection is fitted to: [west, south, east, north] in degrees. */
  region?: [number, number, number, number];
  /** Douglas–Peucker tolerance in pixels. */
  tolerance?: number;
  /** Rings smaller than this many square pixels are dropped (islets, slivers at the edge). */
  minRingArea?: number;
  /** Inset of the fitted region from the canvas edge, in pixels. */
  padding?: number;
  /** Country outlines (tests compare the build's cut atlas with the whole of world-atlas). */
  atlas?: Topology;
}

/** Belarus to Kyrgyzstan and Tajikistan, with the Caucasus, Afghanistan and China's west. */
export const DEFAULT_REGION: [number, number, number, number] = [22, 33, 92, 58];

// ---------------------------------------------------------------------------------------------
// Source data: world-atlas arcs decoded once into absolute longitude/latitude.

interface CountryProps {
  name: string;
}
type CountryGeometry = GeometryObject<CountryProps> & { id?: string | number };

interface Source {
  geometries: CountryGeometry[];
  /** Arcs as flat [lon0, lat0, lon1, lat1, …]. */
  arcs: Float64Array[];
  /** Per geometry: [west, south, east, north] over all its arcs. */
  bounds: [number, number, number, number][];
  /** Per geometry: the arc indexes it uses (non-negative). */
  arcIndexes: number[][];
}

const sources = new WeakMap<Topology, Source>();

function collectArcs(arcs: unknown, into: Set<number>): void {
  if (typeof arcs === 'number') into.add(arcs < 0 ? ~arcs : arcs);
  else if (Array.isArray(arcs)) for (const a of arcs) collectArcs(a, into);
}

/** Flat-arc bounds of a polygon's outer ring: [west, south, east, north]. */
function ringBounds(ring: number[], arcs: Float64Array[]): [number, number, number, number] {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const i of ring) {
    const a = arcs[i < 0 ? ~i : i]!;
    for (let k = 0; k < a.length; k += 2) {
      w = Math.min(w, a[k]!);
      e = Math.max(e, a[k]!);
      s = Math.min(s, a[k + 1]!);
      n = Math.max(n, a[k + 1]!);
    }
  }
  return [w, s, e, n];
}

/**
 * Natural Earth 4.1 (world-atlas 2.0) draws Crimea as part of Russia, its de-facto control. The
 * game draws internationally recognised borders (UN General Assembly resolution 68/262, 2014),
 * so the Crimean polygon moves from Russia to Ukraine (merged with it in {@link buildRegionMap}).
 * Every other border in the region already follows the recognised line in this data.
 */
function crimeaToUkraine(geometries: CountryGeometry[], arcs: Float64Array[]): CountryGeometry[] {
  const ru = geometries.find((g) => g.id === '643');
  const ua = geometries.find((g) => g.id === '804');
  if (ru?.type !== 'MultiPolygon' || ua?.type !== 'MultiPolygon') return geometries;
  const index = ru.arcs.findIndex((polygon) => {
    const [w, s, e, n] = ringBounds(polygon[0] ?? [], arcs);
    return w > 32 && e < 37 && s > 44 && n < 46.5;
  });
  if (index < 0) return geometries;
  const crimea = ru.arcs[index]!;
  return geometries.map((g) => {
    if (g === ru) return { ...ru, arcs: ru.arcs.filter((_, i) => i !== index) };
    if (g === ua) return { ...ua, arcs: [...ua.arcs, crimea] };
    return g;
  });
}

function loadSource(topo: Topology): Source {
  const known = sources.get(topo);
  if (known) return known;
  const arcs = decodeArcs(topo).map((points) => Float64Array.from(points.flat()));
  const countries = topo.objects['countries'] as GeometryCollection<CountryProps>;
  const geometries = crimeaToUkraine(countries.geometries as CountryGeometry[], arcs);
  const arcIndexes: number[][] = [];
  const bounds: [number, number, number, number][] = [];
  for (const g of geometries) {
    const used = new Set<number>();
    collectArcs((g as { arcs?: unknown }).arcs, used);
    const list = [...used];
    arcIndexes.push(list);
    let w = Infinity;
    let s = Infinity;
    let e = -Infinity;
    let n = -Infinity;
    for (const i of list) {
      const a = arcs[i]!;
      for (let k = 0; k < a.length; k += 2) {
        w = Math.min(w, a[k]!);
        e = Math.max(e, a[k]!);
        s = Math.min(s, a[k + 1]!);
        n = Math.max(n, a[k + 1]!);
      }
    }
    bounds.push([w, s, e, n]);
  }
  const source = { geometries, arcs, bounds, arcIndexes };
  sources.set(topo, source);
  return source;
}

// ---------------------------------------------------------------------------------------------
// Projection

/** Points along the edge of a lon/lat box (its sides are curves once projected). */
function boxOutline(region: [number, number, number, number]): GeoPermissibleObjects {
  const [w, s, e, n] = region;
  const coordinates: [number, number][] = [];
  for (let i = 0; i <= 16; i++) {
    const lon = w + ((e - w) * i) / 16;
    coordinates.push([lon, s], [lon, n]);
  }
  for (let i = 0; i <= 8; i++) {
    const lat = s + ((n - s) * i) / 8;
    coordinates.push([w, lat], [e, lat]);
  }
  return { type: 'MultiPoint', coordinates };
}

/**
 * Albers (conic equal-area) centred on the region's middle meridian, with standard parallels at
 * a sixth and five sixths of its height, fitted to the canvas and clipped to it.
 */
export function createProjection(
  width: number,
  height: number,
  region: [number, number, number, number] = DEFAULT_REGION,
  padding = 8,
): GeoProjection {
  const [w, s, e, n] = region;
  const span = n - s;
  const projection = geoConicEqualArea()
    .parallels([s + span / 6, n - span / 6])
    .rotate([-(w + e) / 2, 0])
    .precision(0.7);
  projection.fitExtent(
    [
      [padding, padding],
      [Math.max(padding + 1, width - padding), Math.max(padding + 1, height - padding)],
    ],
    boxOutline(region),
  );
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  return projection;
}

// ---------------------------------------------------------------------------------------------
// Geometry helpers

/** Signed area of a flat ring (shoelace); the sign gives the winding. */
export function ringArea(ring: FlatRing): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
    sum += (ring[j]! - ring[i]!) * (ring[j + 1]! + ring[i + 1]!);
  }
  return sum / 2;
}

/** Even-odd point-in-polygon over any number of rings (outer rings and holes together). */
export function pointInRings(x: number, y: number, rings: readonly FlatRing[]): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const xi = ring[i]!;
      const yi = ring[i + 1]!;
      const xj = ring[j]!;
      const yj = ring[j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function ringBox(rings: readonly FlatRing[]): Box {
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i += 2) {
      box.x0 = Math.min(box.x0, ring[i]!);
      box.x1 = Math.max(box.x1, ring[i]!);
      box.y0 = Math.min(box.y0, ring[i + 1]!);
      box.y1 = Math.max(box.y1, ring[i + 1]!);
    }
  }
  return box;
}

/** Douglas–Peucker on a flat point list; returns a keep-mask. Endpoints are always kept. */
function simplifyMask(xy: Float64Array, tolerance: number): Uint8Array {
  const n = xy.length / 2;
  const keep = new Uint8Array(n);
  keep[0] = 1;
  keep[n - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack: number[] = [0, n - 1];
  while (stack.length) {
    const last = stack.pop()!;
    const first = stack.pop()!;
    const ax = xy[2 * first]!;
    const ay = xy[2 * first + 1]!;
    const bx = xy[2 * last]!;
    const by = xy[2 * last + 1]!;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    let maxD = -1;
    let index = -1;
    for (let i = first + 1; i < last; i++) {
      const px = xy[2 * i]! - ax;
      const py = xy[2 * i + 1]! - ay;
      let d: number;
      if (len2 === 0) d = px * px + py * py;
      else {
        const t = Math.max(0, Math.min(1, (px * dx + py * dy) / len2));
        const ex = px - t * dx;
        const ey = py - t * dy;
        d = ex * ex + ey * ey;
      }
      if (d > maxD) {
        maxD = d;
        index = i;
      }
    }
    if (index >= 0 && maxD > tol2) {
      keep[index] = 1;
      stack.push(first, index, index, last);
    }
  }
  return keep;
}

/** Collects what d3's geoPath draws as flat rings. */
class RingCollector {
  rings: FlatRing[] = [];
  private current: FlatRing | null = null;
  moveTo(x: number, y: number): void {
    this.current = [x, y];
    this.rings.push(this.current);
  }
  lineTo(x: number, y: number): void {
    this.current?.push(x, y);
  }
  closePath(): void {
    this.current = null;
  }
  arc(): void {
    // points are not drawn
  }
  beginPath(): void {
    this.current = null;
  }
}

/** A point well inside the rings: the middle of the widest horizontal run over a few scanlines. */
function interiorPoint(rings: readonly FlatRing[], box: Box): Point {
  let best: Point = { x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2 };
  let bestWidth = -1;
  for (let k = 1; k < 12; k++) {
    const y = box.y0 + ((box.y1 - box.y0) * k) / 12;
    const xs: number[] = [];
    for (const ring of rings) {
      const n = ring.length;
      for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
        const yi = ring[i + 1]!;
        const yj = ring[j + 1]!;
        if (yi > y !== yj > y) {
          xs.push(ring[i]! + ((ring[j]! - ring[i]!) * (y - yi)) / (yj - yi));
        }
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      // Prefer runs near the vertical middle a little, so labels sit centrally.
      const width = (xs[i + 1]! - xs[i]!) * (1 - 0.3 * Math.abs(k / 12 - 0.5));
      if (width > bestWidth) {
        bestWidth = width;
        best = { x: (xs[i]! + xs[i + 1]!) / 2, y };
      }
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The map

/**
 * Geographic bounds of what a canvas shows, from its projected border, with a 3° margin:
 * [west, south, east, north].
 */
export function viewBounds(
  projection: GeoProjection,
  width: number,
  height: number,
): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = 0; i <= 20; i++) {
    for (const [x, y] of [
      [(width * i) / 20, 0],
      [(width * i) / 20, height],
      [0, (height * i) / 20],
      [width, (height * i) / 20],
    ] as [number, number][]) {
      const ll = projection.invert?.([x, y]);
      if (!ll) continue;
      west = Math.min(west, ll[0]);
      east = Math.max(east, ll[0]);
      south = Math.min(south, ll[1]);
      north = Math.max(north, ll[1]);
    }
  }
  return [west - 3, south - 3, east + 3, north + 3];
}

/**
 * Builds the regional map for a canvas of `width` × `height` pixels: every country with a
 * visible part, clipped to the canvas, simplified, with label anchors.
 */
export function buildRegionMap(
  width: number,
  height: number,
  options: RegionOptions = {},
): RegionMap {
  const region = options.region ?? DEFAULT_REGION;
  const tolerance = options.tolerance ?? Math.max(0.5, Math.sqrt(width * height) / 3200);
  const minRingArea = options.minRingArea ?? 12;
  const src = loadSource(options.atlas ?? regionAtlas);
  const projection = createProjection(width, height, region, options.padding ?? 8);

  const [west, south, east, north] = viewBounds(projection, width, height);

  // Countries whose bounds meet the view, and the arcs they use.
  const kept: CountryGeometry[] = [];
  const usedArcs = new Set<number>();
  src.geometries.forEach((g, i) => {
    const [w, s, e, n] = src.bounds[i]!;
    if (e < west || w > east || n < south || s > north) return;
    kept.push(g);
    for (const a of src.arcIndexes[i]!) usedArcs.add(a);
  });

  // Simplify each shared arc once, in canvas pixels, so neighbours keep a common border.
  const arcs: [number, number][][] = src.arcs.map(() => []);
  for (const i of usedArcs) {
    const a = src.arcs[i]!;
    const xy = new Float64Array(a.length);
    for (let k = 0; k < a.length; k += 2) {
      const p = projection([a[k]!, a[k + 1]!]) ?? [0, 0];
      xy[k] = p[0];
      xy[k + 1] = p[1];
    }
    const keep = simplifyMask(xy, tolerance);
    const out: [number, number][] = [];
    for (let k = 0; k < keep.length; k++) if (keep[k]) out.push([a[2 * k]!, a[2 * k + 1]!]);
    arcs[i] = out;
  }
  const topo: Topology = {
    type: 'Topology',
    arcs,
    objects: { countries: { type: 'GeometryCollection', geometries: kept } },
  };
  const collection = feature(topo, topo.objects['countries'] as GeometryCollection<CountryProps>);
  // Ukraine with Crimea (see crimeaToUkraine): merged, so no border is drawn across Perekop.
  collection.features.forEach((f, i) => {
    const g = kept[i]!;
    if (g.id === '804' && g.type === 'MultiPolygon') f.geometry = merge(topo, [g as MultiPolygon]);
  });

  const countries: CountryShape[] = [];
  let pointCount = 0;
  for (const f of collection.features) {
    const collector = new RingCollector();
    geoPath(projection, collector)(f);
    // A ring that covers almost the whole canvas is the inside out of a country far to the south
    // (Indonesia on a phone held upright: clipped near the cone's far side, its outline comes
    // back reversed, as everything but the country). No country fills the regional map.
    const rings = collector.rings.filter(
      (r) => r.length >= 6 && Math.abs(ringArea(r)) < 0.8 * width * height,
    );
    if (!rings.length) continue;
    // The largest ring is an outer ring; rings wound the other way are holes.
    const areas = rings.map(ringArea);
    let largest = 0;
    areas.forEach((a, i) => {
      if (Math.abs(a) > Math.abs(areas[largest]!)) largest = i;
    });
    const outerSign = Math.sign(areas[largest]!);
    const polygons: FlatRing[] = [];
    const holes: FlatRing[] = [];
    rings.forEach((ring, i) => {
      const a = areas[i]!;
      if (Math.abs(a) < minRingArea) return;
      (Math.sign(a) === outerSign ? polygons : holes).push(ring);
    });
    if (!polygons.length) continue;
    const area =
      polygons.reduce((s, r) => s + Math.abs(ringArea(r)), 0) -
      holes.reduce((s, r) => s + Math.abs(ringArea(r)), 0);
    const all = [...polygons, ...holes];
    const bbox = ringBox(polygons);
    const [cx, cy] = geoPath(projection).centroid(f);
    let anchor: Point = { x: cx, y: cy };
    if (!Number.isFinite(cx) || !Number.isFinite(cy) || !pointInRings(cx, cy, all)) {
      const main = polygons.reduce((a, b) =>
        Math.abs(ringArea(b)) > Math.abs(ringArea(a)) ? b : a,
      );
      anchor = interiorPoint([main, ...holes], ringBox([main]));
    }
    const id = String(f.id ?? '');
    for (const r of all) pointCount += r.length / 2;
    countries.push({
      id,
      iso2: NUMERIC_TO_ISO2.get(id) ?? null,
      name: f.properties?.name ?? id,
      polygons,
      holes,
      anchor,
      bbox,
      area,
    });
  }
  countries.sort((a, b) => b.area - a.area);
  const byIso2 = new Map(countries.filter((c) => c.iso2).map((c) => [c.iso2!, c]));

  return {
    width,
    height,
    countries,
    pointCount,
    projectPoint(lon: number, lat: number): Point {
      // Without the clip extent: a point off the canvas still gets coordinates.
      const p = projection([lon, lat]) ?? [NaN, NaN];
      return { x: p[0], y: p[1] };
    },
    country: (iso2: string) => byIso2.get(iso2.toLowerCase()),
  };
}

/** Canvas position of a longitude/latitude on a map of the given size (default region). */
export function projectPoint(lon: number, lat: number, width: number, height: number): Point {
  const p = createProjection(width, height)([lon, lat]) ?? [NaN, NaN];
  return { x: p[0], y: p[1] };
}

// ---------------------------------------------------------------------------------------------
// Drawing helpers

/**
 * Hatch lines inside `rings` (outer rings and holes together, even-odd), as flat segments
 * `[x1, y1, x2, y2, …]`. Lines run at `angleDeg` (45 = rising to the right on screen, y down)
 * every `spacing` pixels, aligned to the canvas origin so neighbouring countries' hatches meet.
 */
export function hatchSegments(
  rings: readonly FlatRing[],
  spacing: number,
  angleDeg = 45,
): number[] {
  const t = (-angleDeg * Math.PI) / 180;
  const dx = Math.cos(t);
  const dy = Math.sin(t);
  // Normal to the lines: c = n·p is constant along a line.
  const nx = -dy;
  const ny = dx;
  const hits = new Map<number, number[]>();
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 2; i < n; j = i, i += 2) {
      const x1 = ring[j]!;
      const y1 = ring[j + 1]!;
      const x2 = ring[i]!;
      const y2 = ring[i + 1]!;
      const c1 = nx * x1 + ny * y1;
      const c2 = nx * x2 + ny * y2;
      if (c1 === c2) continue;
      const lo = Math.min(c1, c2);
      const hi = Math.max(c1, c2);
      // Lines k·spacing with lo <= c < hi (half-open, so a shared vertex counts once).
      for (let k = Math.ceil(lo / spacing); k * spacing < hi; k++) {
        const c = k * spacing;
        const u = (c - c1) / (c2 - c1);
        const s = dx * (x1 + u * (x2 - x1)) + dy * (y1 + u * (y2 - y1));
        let list = hits.get(k);
        if (!list) hits.set(k, (list = []));
        list.push(s);
      }
    }
  }
  const out: number[] = [];
  for (const [k, list] of hits) {
    list.sort((a, b) => a - b);
    const c = k * spacing;
    for (let i = 0; i + 1 < list.length; i += 2) {
      const s1 = list[i]!;
      const s2 = list[i + 1]!;
      out.push(s1 * dx + c * nx, s1 * dy + c * ny, s2 * dx + c * nx, s2 * dy + c * ny);
    }
  }
  return out;
}

/**
 * A ring's outline as open polylines (flat), leaving out the stretches that run along the canvas
 * edge, where clipping cut the country: those are not borders and should not be stroked.
 */
export function visibleOutlines(
  ring: FlatRing,
  width: number,
  height: number,
  eps = 0.5,
): FlatRing[] {
  const n = ring.length / 2;
  const onEdge = (i: number): boolean => {
    const j = (i + 1) % n;
    const x1 = ring[2 * i]!;
    const y1 = ring[2 * i + 1]!;
    const x2 = ring[2 * j]!;
    const y2 = ring[2 * j + 1]!;
    return (
      (x1 <= eps && x2 <= eps) ||
      (x1 >= width - eps && x2 >= width - eps) ||
      (y1 <= eps && y2 <= eps) ||
      (y1 >= height - eps && y2 >= height - eps)
    );
  };
  let start = -1;
  for (let i = 0; i < n; i++) {
    if (onEdge(i)) {
      start = i;
      break;
    }
  }
  if (start < 0) return [[...ring, ring[0]!, ring[1]!]];
  const out: FlatRing[] = [];
  let current: FlatRing = [];
  // Walk every edge once, beginning just after an edge-hugging one.
  for (let k = 1; k <= n; k++) {
    const i = (start + k) % n;
    if (onEdge(i)) {
      if (current.length >= 4) out.push(current);
      current = [];
      continue;
    }
    const j = (i + 1) % n;
    if (!current.length) current.push(ring[2 * i]!, ring[2 * i + 1]!);
    current.push(ring[2 * j]!, ring[2 * j + 1]!);
  }
  if (current.length >= 4) out.push(current);
  return out;
}

/**
 * A line's dashes as flat segments `[x1, y1, x2, y2, …]`; the pattern runs on across corners.
 * `closed` joins the last point back to the first (a ring).
 */
export function dashSegments(line: FlatRing, dash: number, gap: number, closed = true): number[] {
  const ring = line;
  const out: number[] = [];
  const period = dash + gap;
  let phase = 0; // distance into the current period
  const n = ring.length;
  for (let i = 0; i < (closed ? n : n - 2); i += 2) {
    const x1 = ring[i]!;
    const y1 = ring[i + 1]!;
    const x2 = ring[(i + 2) % n]!;
    const y2 = ring[(i + 3) % n]!;
    const len = Math.hypot(x2 - x1, y2 - y1);
    if (len === 0) continue;
    let pos = 0;
    while (pos < len) {
      const inDash = phase < dash;
      const step = Math.min(len - pos, (inDash ? dash : period) - phase);
      if (inDash) {
        const a = pos / len;
        const b = (pos + step) / len;
        out.push(x1 + a * (x2 - x1), y1 + a * (y2 - y1), x1 + b * (x2 - x1), y1 + b * (y2 - y1));
      }
      pos += step;
      phase = (phase + step) % period;
    }
  }
  return out;
}

export interface LabelRequest {
  id: string;
  /** Where the label belongs. */
  x: number;
  y: number;
  /** Label size in pixels. */
  width: number;
  height: number;
  /** A required label is always placed (overlapping as little as it can); others may be dropped. */
  required: boolean;
  /** Try this offset (centre relative to the anchor) first, e.g. to the right of a marker. */
  prefer?: Point;
  /**
   * Keep this area clear (a small country the label would hide): the label goes beside it, and
   * later labels avoid it too.
   */
  avoid?: Box;
}

export interface PlacedLabel {
  id: string;
  /** Centre of the label. */
  x: number;
  y: number;
  box: Box;
  /** The label was moved off its anchor, which lies outside it (draw a leader line). */
  displaced: boolean;
}

function overlap(a: Box, b: Box): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Greedy label placement: in the given order, each label takes the first spot near its anchor
 * (centred, then above, below, right, left and diagonals, further out step by step) that stays on
 * the canvas and overlaps nothing placed so far nor any obstacle.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  bounds: { width: number; height: number },
  obstacles: readonly Box[] = [],
  margin = 2,
): PlacedLabel[] {
  const taken: Box[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  const dirs: [number, number][] = [
    [0, -1],
    [0, 1],
    [1, 0],
    [-1, 0],
    [1, -1],
    [-1, -1],
    [1, 1],
    [-1, 1],
  ];
  for (const r of requests) {
    const against = r.avoid ? [...taken, r.avoid] : taken;
    const offsets: Point[] = [];
    if (r.prefer) offsets.push(r.prefer);
    offsets.push({ x: 0, y: 0 });
    for (let step = 1; step <= 8; step++) {
      for (const [ux, uy] of dirs) {
        offsets.push({
          x: ux * (r.width / 2 + 6) * (step / 2 + 0.5),
          y: uy * r.height * 0.8 * step,
        });
      }
    }
    let best: { box: Box; x: number; y: number; cost: number } | null = null;
    for (const o of offsets) {
      const x = Math.min(
        Math.max(r.x + o.x, r.width / 2 + margin),
        bounds.width - r.width / 2 - margin,
      );
      const y = Math.min(
        Math.max(r.y + o.y, r.height / 2 + margin),
        bounds.height - r.height / 2 - margin,
      );
      const box = {
        x0: x - r.width / 2 - margin,
        y0: y - r.height / 2 - margin,
        x1: x + r.width / 2 + margin,
        y1: y + r.height / 2 + margin,
      };
      const cost = against.reduce((s, t) => s + overlap(box, t), 0);
      if (cost === 0) {
        best = { box, x, y, cost };
        break;
      }
      if (!best || cost < best.cost) best = { box, x, y, cost };
    }
    if (!best || (best.cost > 0 && !r.required)) continue;
    taken.push(best.box);
    if (r.avoid) taken.push(r.avoid);
    // Displaced: the anchor is more than a few pixels outside the label.
    const gapX = Math.max(0, Math.abs(r.x - best.x) - r.width / 2);
    const gapY = Math.max(0, Math.abs(r.y - best.y) - r.height / 2);
    placed.push({
      id: r.id,
      x: best.x,
      y: best.y,
      box: {
        x0: best.x - r.width / 2,
        y0: best.y - r.height / 2,
        x1: best.x + r.width / 2,
        y1: best.y + r.height / 2,
      },
      displaced: Math.hypot(gapX, gapY) > 4,
    });
  }
  return placed;
}
