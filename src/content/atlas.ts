/**
 * The regional map's outlines, cut at build time from world-atlas (Natural Earth 1:50m): only the
 * polygons that any shape of the map's canvas can show, each shared border simplified once to
 * 0.015° and quantised to a hundredth of a degree. The map opens with less than half the data to
 * download and decode (81 KB instead of 205 KB brotli, 36,000 points instead of 81,000) and draws
 * the same picture: 0.015° is about a third of a pixel on a 1920- or 2560-pixel-wide map, which
 * the map simplifies to half a pixel anyway.
 *
 * Pure: no file system here (the Vite plugin in `atlas-plugin.ts` reads the file).
 */
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';

/**
 * [west, south, east, north] in degrees: what the map's canvas shows at any width-to-height
 * ratio from 0.6 (a phone held upright) to 3 (a wide, short window), with the map's 3° margin.
 * `map-data.test.ts` checks that every such view lies inside it.
 */
export const ATLAS_BOX: [number, number, number, number] = [-65, -17, 180, 90];

export interface AtlasOptions {
  box?: [number, number, number, number];
  /** Douglas–Peucker tolerance, degrees. */
  tolerance?: number;
  /** Grid of the quantised coordinates, degrees. */
  quantum?: number;
}

type Geometry = GeometryObject & { arcs?: unknown };

/** Arcs as absolute [lon, lat] points, whatever the file's quantisation. */
export function decodeArcs(topo: Topology): [number, number][][] {
  const [sx, sy] = topo.transform?.scale ?? [1, 1];
  const [tx, ty] = topo.transform?.translate ?? [0, 0];
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((p): [number, number] => {
      if (!topo.transform) return [p[0] ?? 0, p[1] ?? 0];
      x += p[0] ?? 0;
      y += p[1] ?? 0;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function arcsOf(arcs: unknown, into: Set<number>): void {
  if (typeof arcs === 'number') into.add(arcs < 0 ? ~arcs : arcs);
  else if (Array.isArray(arcs)) for (const a of arcs) arcsOf(a, into);
}

/** The same nesting of arc indexes, each renumbered (a reversed arc stays reversed). */
function renumber(arcs: unknown, to: Map<number, number>): unknown {
  if (typeof arcs === 'number') return arcs < 0 ? ~to.get(~arcs)! : to.get(arcs)!;
  return Array.isArray(arcs) ? arcs.map((a) => renumber(a, to)) : arcs;
}

/** Douglas–Peucker in degrees; the ends are kept, so neighbours' borders still meet. */
export function simplify(points: [number, number][], tolerance: number): [number, number][] {
  const n = points.length;
  if (n <= 2) return points;
  const keep = new Uint8Array(n);
  keep[0] = keep[n - 1] = 1;
  const stack: [number, number][] = [[0, n - 1]];
  while (stack.length) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = points[a]!;
    const [bx, by] = points[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = points[i]!;
      const d = length
        ? Math.abs(dy * px - dx * py + bx * ay - by * ax) / length
        : Math.hypot(px - ax, py - ay);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** The countries of `world` whose outlines meet the box, as a smaller quantised topology. */
export function cutAtlas(world: Topology, options: AtlasOptions = {}): Topology {
  const [west, south, east, north] = options.box ?? ATLAS_BOX;
  const tolerance = options.tolerance ?? 0.015;
  const quantum = options.quantum ?? 0.01;
  const arcs = decodeArcs(world);
  const countries = world.objects['countries'] as GeometryCollection;
  const meets = (rings: number[][]): boolean => {
    const own = new Set<number>();
    arcsOf(rings, own);
    let w = Infinity;
    let so = Infinity;
    let e = -Infinity;
    let n = -Infinity;
    for (const i of own) {
      for (const [x, y] of arcs[i]!) {
        w = Math.min(w, x);
        e = Math.max(e, x);
        so = Math.min(so, y);
        n = Math.max(n, y);
      }
    }
    return e >= west && w <= east && n >= south && so <= north;
  };
  // Whole polygons (an island, a mainland) outside the box go: Canada's Arctic islands, say,
  // while Greenland's east coast stays.
  const kept: Geometry[] = [];
  for (const g of countries.geometries as Geometry[]) {
    if (g.type === 'Polygon' && meets(g.arcs as number[][])) kept.push(g);
    if (g.type === 'MultiPolygon') {
      const polygons = (g.arcs as number[][][]).filter(meets);
      if (polygons.length) kept.push({ ...g, arcs: polygons } as Geometry);
    }
  }
  const used = new Set<number>();
  for (const g of kept) arcsOf(g.arcs, used);
  const order = [...used].sort((a, b) => a - b);
  const to = new Map(order.map((old, i) => [old, i]));
  const translate: [number, number] = [-180, -90];
  const encoded = order.map((i) => {
    const out: [number, number][] = [];
    let px = 0;
    let py = 0;
    const points = simplify(arcs[i]!, tolerance);
    points.forEach(([x, y], k) => {
      const qx = Math.round((x - translate[0]) / quantum);
      const qy = Math.round((y - translate[1]) / quantum);
      // Points that fall on the same grid cell are one point, but an arc keeps both its ends.
      if (k > 0 && k < points.length - 1 && qx === px && qy === py) return;
      out.push(k === 0 ? [qx, qy] : [qx - px, qy - py]);
      px = qx;
      py = qy;
    });
    return out;
  });
  return {
    type: 'Topology',
    transform: { scale: [quantum, quantum], translate },
    arcs: encoded,
    objects: {
      countries: {
        type: 'GeometryCollection',
        geometries: kept.map((g) => ({ ...g, arcs: renumber(g.arcs, to) }) as GeometryObject),
      },
    },
  } as Topology;
}
