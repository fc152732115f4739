import type { Topology } from 'topojson-specification';
import regionAtlas from 'virtual:region-atlas';
import { describe, expect, it } from 'vitest';
import countries50m from 'world-atlas/countries-50m.json';
import { ATLAS_BOX, decodeArcs } from '../../content/atlas';
import {
  ISO2_TO_NUMERIC,
  buildRegionMap,
  createProjection,
  dashSegments,
  hatchSegments,
  placeLabels,
  pointInRings,
  projectPoint,
  ringArea,
  viewBounds,
  visibleOutlines,
} from './map-data';

const MEMBERS = ['ru', 'by', 'kz', 'kg', 'tj', 'am'];
const SIZES: [number, number][] = [
  [1280, 720],
  [1920, 1080],
  [800, 600],
];

describe('the regional map', () => {
  const map = buildRegionMap(1280, 720);

  it('maps every listed alpha-2 code to an id present in world-atlas', () => {
    const ids = new Set(
      (
        countries50m as unknown as { objects: { countries: { geometries: { id?: string }[] } } }
      ).objects.countries.geometries.map((g) => g.id),
    );
    for (const [iso2, num] of Object.entries(ISO2_TO_NUMERIC)) {
      expect(ids.has(num), `${iso2} → ${num}`).toBe(true);
    }
    expect(ISO2_TO_NUMERIC['am']).toBe('051');
  });

  it('shows all six members with non-empty polygons and an anchor inside them', () => {
    for (const id of MEMBERS) {
      const c = map.country(id);
      expect(c, id).toBeDefined();
      expect(c!.polygons.length, id).toBeGreaterThan(0);
      for (const ring of c!.polygons) expect(ring.length, id).toBeGreaterThanOrEqual(6);
      expect(c!.area, id).toBeGreaterThan(100);
      expect(pointInRings(c!.anchor.x, c!.anchor.y, [...c!.polygons, ...c!.holes]), id).toBe(true);
    }
  });

  it('shows the neighbours named in crises', () => {
    for (const id of ['az', 'ge', 'tr', 'ir', 'af', 'uz', 'tm', 'cn', 'mn', 'ua', 'pl']) {
      expect(map.country(id), id).toBeDefined();
    }
  });

  it.each(SIZES)('keeps every point on a %i×%i canvas', (w, h) => {
    const m = buildRegionMap(w, h);
    for (const c of m.countries) {
      for (const ring of [...c.polygons, ...c.holes]) {
        for (let i = 0; i < ring.length; i += 2) {
          expect(ring[i]!).toBeGreaterThanOrEqual(-0.01);
          expect(ring[i]!).toBeLessThanOrEqual(w + 0.01);
          expect(ring[i + 1]!).toBeGreaterThanOrEqual(-0.01);
          expect(ring[i + 1]!).toBeLessThanOrEqual(h + 0.01);
        }
      }
    }
  });

  it.each([...SIZES, [2560, 1440] as [number, number]])(
    'stays within the point budget at %i×%i',
    (w, h) => {
      const m = buildRegionMap(w, h);
      const counted = m.countries.reduce(
        (s, c) => s + [...c.polygons, ...c.holes].reduce((t, r) => t + r.length / 2, 0),
        0,
      );
      expect(counted).toBe(m.pointCount);
      expect(m.pointCount).toBeLessThanOrEqual(15_000);
      expect(m.pointCount).toBeGreaterThan(2_000);
    },
  );

  it.each([
    [374, 590],
    [360, 640],
    [1280, 720],
  ])('leaves the sea as sea on a %i×%i canvas (no country turned inside out)', (w, h) => {
    for (const atlas of [undefined, countries50m as unknown as Topology]) {
      const m = buildRegionMap(w, h, atlas ? { atlas } : {});
      for (const c of m.countries) expect(c.area, c.name).toBeLessThan(0.5 * w * h);
      // The Arabian Sea and the Arctic Ocean by the Kara Sea's mouth belong to no country.
      for (const [lon, lat] of [
        [64, 16],
        [70, 77],
      ] as const) {
        const p = m.projectPoint(lon, lat);
        if (p.x < 0 || p.y < 0 || p.x > w || p.y > h) continue;
        const inside = m.countries.filter((c) =>
          pointInRings(p.x, p.y, [...c.polygons, ...c.holes]),
        );
        expect(inside.map((c) => c.name)).toEqual([]);
      }
    }
  });

  it('projects Yerevan inside Armenia', () => {
    const am = map.country('am')!;
    const p = map.projectPoint(44.5, 40.2);
    expect(p.x).toBeGreaterThanOrEqual(am.bbox.x0);
    expect(p.x).toBeLessThanOrEqual(am.bbox.x1);
    expect(p.y).toBeGreaterThanOrEqual(am.bbox.y0);
    expect(p.y).toBeLessThanOrEqual(am.bbox.y1);
    expect(pointInRings(p.x, p.y, am.polygons)).toBe(true);
    expect(projectPoint(44.5, 40.2, 1280, 720)).toEqual(p);
  });

  it('puts Osh in Kyrgyzstan, Almaty in Kazakhstan and Minsk in Belarus', () => {
    const at = (iso2: string, lon: number, lat: number) => {
      const p = map.projectPoint(lon, lat);
      const c = map.country(iso2)!;
      return pointInRings(p.x, p.y, [...c.polygons, ...c.holes]);
    };
    expect(at('kg', 72.8, 40.53)).toBe(true);
    expect(at('kz', 76.9, 43.25)).toBe(true);
    expect(at('by', 27.56, 53.9)).toBe(true);
    expect(at('tj', 68.78, 38.56)).toBe(true);
  });

  it('draws internationally recognised borders: Crimea with Ukraine, Karabakh with Azerbaijan', () => {
    const where = (lon: number, lat: number) => {
      const p = map.projectPoint(lon, lat);
      return map.countries
        .filter((c) => pointInRings(p.x, p.y, [...c.polygons, ...c.holes]))
        .map((c) => c.iso2);
    };
    expect(where(34.1, 44.95)).toEqual(['ua']); // Simferopol
    expect(where(33.52, 44.6)).toEqual(['ua']); // Sevastopol
    expect(where(46.75, 39.82)).toEqual(['az']); // Stepanakert / Khankendi
    // Merged, not two touching polygons: one outer ring carries both Kyiv and Simferopol.
    const ua = map.country('ua')!;
    const kyiv = map.projectPoint(30.5, 50.45);
    const simferopol = map.projectPoint(34.1, 44.95);
    expect(
      ua.polygons.some(
        (r) => pointInRings(kyiv.x, kyiv.y, [r]) && pointInRings(simferopol.x, simferopol.y, [r]),
      ),
    ).toBe(true);
  });
});

describe('the atlas cut at build time', () => {
  const world = countries50m as unknown as Topology;
  const points = (t: Topology) => decodeArcs(t).reduce((s, a) => s + a.length, 0);

  it('is less than half of world-atlas to download and decode', () => {
    expect(JSON.stringify(regionAtlas).length).toBeLessThan(JSON.stringify(world).length / 2);
    expect(points(regionAtlas)).toBeLessThan(points(world) / 2);
  });

  it.each([0.6, 0.75, 1, 4 / 3, 16 / 9, 2.5, 3])(
    'holds everything a map %f times as wide as it is high can show',
    (ratio) => {
      const h = 600;
      const w = Math.round(h * ratio);
      const [west, south, east, north] = viewBounds(createProjection(w, h), w, h);
      const [bw, bs, be, bn] = ATLAS_BOX;
      expect(west).toBeGreaterThanOrEqual(bw);
      expect(south).toBeGreaterThanOrEqual(bs);
      expect(Math.min(east, 180)).toBeLessThanOrEqual(be);
      expect(Math.min(north, 90)).toBeLessThanOrEqual(bn);
    },
  );

  it.each([...SIZES, [360, 500] as [number, number], [2560, 1440] as [number, number]])(
    'draws the same map as the whole of world-atlas at %i×%i',
    (w, h) => {
      const cut = buildRegionMap(w, h);
      const full = buildRegionMap(w, h, { atlas: world });
      // Every country of some size on the full map is on the cut one, in the same place.
      for (const c of full.countries.filter((x) => x.area > 50)) {
        const same = cut.countries.find((x) => x.id === c.id && x.name === c.name);
        expect(same, c.name).toBeDefined();
        // Within 3% of its visible area, or a few pixels for a sliver at the canvas edge.
        expect(Math.abs(same!.area - c.area), c.name).toBeLessThan(Math.max(0.03 * c.area, 40));
        expect(Math.abs(same!.bbox.x0 - c.bbox.x0), c.name).toBeLessThan(1.5);
        expect(Math.abs(same!.bbox.y1 - c.bbox.y1), c.name).toBeLessThan(1.5);
      }
      expect(cut.countries.length).toBeGreaterThanOrEqual(full.countries.length - 3);
    },
  );
});

describe('drawing helpers', () => {
  const square = [0, 0, 100, 0, 100, 100, 0, 100];

  it('computes ring areas', () => {
    expect(Math.abs(ringArea(square))).toBe(10_000);
  });

  it('hatches inside the rings only, leaving holes empty', () => {
    const hole = [40, 40, 60, 40, 60, 60, 40, 60];
    const segs = hatchSegments([square, hole], 10);
    expect(segs.length).toBeGreaterThan(0);
    for (let i = 0; i < segs.length; i += 4) {
      const mx = (segs[i]! + segs[i + 2]!) / 2;
      const my = (segs[i + 1]! + segs[i + 3]!) / 2;
      expect(pointInRings(mx, my, [square, hole])).toBe(true);
      for (const v of segs.slice(i, i + 4)) {
        expect(v).toBeGreaterThanOrEqual(-1e-6);
        expect(v).toBeLessThanOrEqual(100 + 1e-6);
      }
    }
  });

  it('dashes an outline to about the dash share of its length', () => {
    const segs = dashSegments(square, 6, 4);
    let len = 0;
    for (let i = 0; i < segs.length; i += 4) {
      len += Math.hypot(segs[i + 2]! - segs[i]!, segs[i + 3]! - segs[i + 1]!);
    }
    expect(len).toBeCloseTo(400 * 0.6, 0);
  });

  it('leaves the canvas edge out of outlines', () => {
    // A country cut by the top edge of a 100×100 canvas: the stretch along y = 0 is not a border.
    const cut = [20, 0, 80, 0, 80, 50, 20, 50];
    expect(visibleOutlines(cut, 100, 100)).toEqual([[80, 0, 80, 50, 20, 50, 20, 0]]);
    // Fully inside: one closed polyline.
    const inner = [10, 10, 20, 10, 20, 20];
    expect(visibleOutlines(inner, 100, 100)).toEqual([[10, 10, 20, 10, 20, 20, 10, 10]]);
    // Open dashes do not close the line.
    const segs = dashSegments([0, 0, 10, 0], 3, 2, false);
    expect(Math.max(...segs)).toBeLessThanOrEqual(10);
    expect(segs.filter((_, i) => i % 2 === 1).every((y) => y === 0)).toBe(true);
  });

  it('places labels without overlap when there is room, dropping optional ones that cannot fit', () => {
    const placed = placeLabels(
      [
        { id: 'a', x: 50, y: 50, width: 40, height: 12, required: true },
        { id: 'b', x: 52, y: 52, width: 40, height: 12, required: true },
        { id: 'c', x: 48, y: 49, width: 40, height: 12, required: false },
      ],
      { width: 200, height: 200 },
    );
    expect(placed.map((p) => p.id)).toEqual(['a', 'b', 'c']);
    const [a, b, c] = placed;
    const overlaps = (p: typeof a, q: typeof a) =>
      p!.box.x0 < q!.box.x1 &&
      q!.box.x0 < p!.box.x1 &&
      p!.box.y0 < q!.box.y1 &&
      q!.box.y0 < p!.box.y1;
    expect(overlaps(a, b)).toBe(false);
    expect(overlaps(a, c)).toBe(false);
    expect(overlaps(b, c)).toBe(false);

    const crowded = placeLabels(
      [
        { id: 'big', x: 10, y: 10, width: 20, height: 20, required: true },
        { id: 'extra', x: 10, y: 10, width: 20, height: 20, required: false },
      ],
      { width: 20, height: 20 },
      [],
      0,
    );
    expect(crowded.map((p) => p.id)).toEqual(['big']);
  });
});
