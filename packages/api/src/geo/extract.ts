/**
 * The demo's geometry: an extract of the official boundaries (IGN Admin Express, as
 * `../shared/data/geo` holds them) cut down to what the six demo territories need, simplified
 * for the web and written as one quantized TopoJSON file that the seed loads.
 *
 * - a territory made of communes gets its communes (INSEE code, the seed's name);
 * - a neighbourhood (its own perimeter, drawn by hand and flagged approximate) gets the parts of
 *   its communes inside that perimeter, so the commune border through it is the real one;
 * - a territory being selected gets the outline of its département or region (the union of its
 *   départements), which the overview map uses to place its marker.
 *
 * Simplification is Douglas–Peucker on the topology's arcs, so that a border shared by two
 * communes is simplified once and both sides still meet; an arc whose simplified form would
 * cross another arc (or itself) is simplified again with half the tolerance until none does.
 */
import { readFile } from 'node:fs/promises';
import { topology } from 'topojson-server';
import { feature, merge } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { geojsonFiles, readCommunes } from './import.js';

export const EXTRACT_SOURCE =
  'IGN Admin Express COG 2018 (communes, départements), via ../shared/data/geo; Licence Ouverte / Open Licence (Etalab)';
export const EXTRACT_ATTRIBUTION = 'Contours : IGN Admin Express 2018, Licence Ouverte';

/** What the extract needs to know of a territory. */
export interface ExtractTerritory {
  slug: string;
  communes: { insee: string; name: string }[];
  /** A neighbourhood's own perimeter (one convex ring, longitude/latitude). */
  perimeter?: [number, number][];
  /** A territory being selected: the départements whose union shows where it will be. */
  departements?: string[];
}

export interface ExtractOptions {
  /** Tolerance for communes, in metres on the ground. */
  communeTolerance: number;
  /** Tolerance for département and region outlines, in metres. */
  areaTolerance: number;
  /** Quantization: steps across the extract's bounding box on each axis. */
  quantization: number;
  /** Written into the file: the day the extract was made (YYYY-MM-DD). */
  date: string;
}

export const DEFAULT_EXTRACT_OPTIONS: Omit<ExtractOptions, 'date'> = {
  communeTolerance: 40,
  areaTolerance: 1500,
  quantization: 1e5,
};

export interface ExtractReport {
  /** Vertices of the source features used, before the topology and simplification. */
  verticesBefore: number;
  /** Vertices of the extract's arcs (each shared border counted once). */
  verticesAfter: number;
  arcs: number;
  /** Arcs simplified again with a smaller tolerance because they crossed another arc. */
  refined: number;
  objects: Record<string, number>;
}

export interface DemoExtract {
  topology: Topology;
  report: ExtractReport;
}

type Ring = Position[];

function countVertices(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  return polygons.reduce((n, rings) => n + rings.reduce((m, r) => m + r.length, 0), 0);
}

/** Twice the signed area of a ring (positive anticlockwise, longitude as x, latitude as y). */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1)
    sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  return sum;
}

/** Whether a closed ring is convex (every turn the same way). */
export function isConvex(ring: [number, number][]): boolean {
  let sign = 0;
  const n = ring.length;
  for (let i = 0; i < n; i += 1) {
    const [ax, ay] = ring[i]!;
    const [bx, by] = ring[(i + 1) % n]!;
    const [cx, cy] = ring[(i + 2) % n]!;
    const cross = (bx - ax) * (cy - by) - (by - ay) * (cx - bx);
    if (cross === 0) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return sign !== 0;
}

/**
 * Sutherland–Hodgman: the part of a ring inside a convex window. Exact for the neighbourhood
 * case (one commune border crossing a small convex perimeter).
 */
export function clipRing(subject: Ring, window: [number, number][]): Ring {
  const clip = signedArea(window) > 0 ? window : [...window].reverse();
  const inside = (p: Position, a: [number, number], b: [number, number]) =>
    (b[0] - a[0]) * (p[1]! - a[1]) - (b[1] - a[1]) * (p[0]! - a[0]) >= 0;
  const cut = (p: Position, q: Position, a: [number, number], b: [number, number]): Position => {
    const [x1, y1, x2, y2] = [p[0]!, p[1]!, q[0]!, q[1]!];
    const [x3, y3, x4, y4] = [a[0], a[1], b[0], b[1]];
    const d = (x1 - x2) * (y3 - y4) - (y1 - y2) * (x3 - x4);
    const t = ((x1 - x3) * (y3 - y4) - (y1 - y3) * (x3 - x4)) / d;
    return [x1 + t * (x2 - x1), y1 + t * (y2 - y1)];
  };
  let output: Ring = subject.slice(0, -1);
  for (let i = 0; i < clip.length && output.length; i += 1) {
    const a = clip[i]!;
    const b = clip[(i + 1) % clip.length]!;
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j += 1) {
      const current = input[j]!;
      const previous = input[(j + input.length - 1) % input.length]!;
      if (inside(current, a, b)) {
        if (!inside(previous, a, b)) output.push(cut(previous, current, a, b));
        output.push(current);
      } else if (inside(previous, a, b)) output.push(cut(previous, current, a, b));
    }
  }
  return output.length >= 3 ? [...output, output[0]!] : [];
}

/** Features with a `code` property matching the test, by code. */
async function readCoded(
  paths: string[],
  test: RegExp,
): Promise<Map<string, Feature<Polygon | MultiPolygon>>> {
  const byCode = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const path of paths) {
    for (const file of await geojsonFiles(path)) {
      const json = JSON.parse(await readFile(file, 'utf8')) as FeatureCollection | Feature;
      const features = json.type === 'FeatureCollection' ? json.features : [json];
      for (const f of features) {
        const code = (f.properties as { code?: unknown } | null)?.code;
        if (typeof code !== 'string' || !test.test(code)) continue;
        if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') continue;
        byCode.set(code, f as Feature<Polygon | MultiPolygon>);
      }
    }
  }
  return byCode;
}

// ---------------------------------------------------------------------------------------------
// Arcs: decode, simplify, check, encode
// ---------------------------------------------------------------------------------------------

/** Absolute quantized positions of each arc (the topology's arcs are delta-encoded). */
function decodeArcs(topo: Topology): number[][][] {
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => [(x += dx!), (y += dy!)]);
  });
}

function encodeArcs(arcs: number[][][]): [number, number][][] {
  return arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([ax, ay]) => {
      const delta: [number, number] = [ax! - x, ay! - y];
      x = ax!;
      y = ay!;
      return delta;
    });
  });
}

/** Squared distance from p to segment ab, in ground units (kx, ky scale each axis). */
function segmentDistance2(p: number[], a: number[], b: number[], kx: number, ky: number): number {
  const [px, py] = [p[0]! * kx, p[1]! * ky];
  const [ax, ay] = [a[0]! * kx, a[1]! * ky];
  const [bx, by] = [b[0]! * kx, b[1]! * ky];
  const dx = bx - ax;
  const dy = by - ay;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2));
  const ex = ax + t * dx - px;
  const ey = ay + t * dy - py;
  return ex * ex + ey * ey;
}

/** Douglas–Peucker, iterative; a closed arc keeps at least four positions. */
export function simplifyArc(arc: number[][], tolerance: number, kx: number, ky: number): number[][] {
  if (arc.length <= 2) return arc;
  const keep = new Uint8Array(arc.length);
  keep[0] = 1;
  keep[arc.length - 1] = 1;
  const closed = arc[0]![0] === arc.at(-1)![0] && arc[0]![1] === arc.at(-1)![1];
  const stack: [number, number][] = [];
  if (closed) {
    // Split a ring at its two points farthest from its start, so it can never collapse.
    let far = 1;
    let best = -1;
    for (let i = 1; i < arc.length - 1; i += 1) {
      const d = segmentDistance2(arc[i]!, arc[0]!, arc[0]!, kx, ky);
      if (d > best) [best, far] = [d, i];
    }
    let other = far;
    best = -1;
    for (let i = 1; i < arc.length - 1; i += 1) {
      if (i === far) continue;
      const d = segmentDistance2(arc[i]!, arc[0]!, arc[far]!, kx, ky);
      if (d > best) [best, other] = [d, i];
    }
    const [m1, m2] = far < other ? [far, other] : [other, far];
    keep[m1] = 1;
    keep[m2] = 1;
    stack.push([0, m1], [m1, m2], [m2, arc.length - 1]);
  } else stack.push([0, arc.length - 1]);
  const tolerance2 = tolerance * tolerance;
  while (stack.length) {
    const [first, last] = stack.pop()!;
    let index = -1;
    let max = tolerance2;
    for (let i = first + 1; i < last; i += 1) {
      const d = segmentDistance2(arc[i]!, arc[first]!, arc[last]!, kx, ky);
      if (d > max) [max, index] = [d, i];
    }
    if (index >= 0) {
      keep[index] = 1;
      stack.push([first, index], [index, last]);
    }
  }
  const out = arc.filter((_, i) => keep[i]);
  // Quantized positions can repeat: drop consecutive duplicates (never the ends).
  return out.filter((p, i) => i === 0 || p[0] !== out[i - 1]![0] || p[1] !== out[i - 1]![1]);
}

function orientation(a: number[], b: number[], c: number[]): number {
  const v = (b[0]! - a[0]!) * (c[1]! - a[1]!) - (b[1]! - a[1]!) * (c[0]! - a[0]!);
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function onSegment(a: number[], b: number[], p: number[]): boolean {
  return (
    Math.min(a[0]!, b[0]!) <= p[0]! &&
    p[0]! <= Math.max(a[0]!, b[0]!) &&
    Math.min(a[1]!, b[1]!) <= p[1]! &&
    p[1]! <= Math.max(a[1]!, b[1]!)
  );
}

const same = (p: number[], q: number[]) => p[0] === q[0] && p[1] === q[1];

/**
 * Whether segments ab and cd meet anywhere but at an end they share: a crossing, a touch or
 * an overlap (collinear segments sharing more than a point).
 */
export function segmentsConflict(a: number[], b: number[], c: number[], d: number[]): boolean {
  const shared = [same(a, c), same(a, d), same(b, c), same(b, d)].filter(Boolean).length;
  if (shared >= 2) return true; // the same segment twice
  const o1 = orientation(a, b, c);
  const o2 = orientation(a, b, d);
  const o3 = orientation(c, d, a);
  const o4 = orientation(c, d, b);
  if (shared === 1) {
    // Adjacent segments conflict only if they fold back onto each other.
    const [p, q, r] = same(a, c) ? [b, a, d] : same(a, d) ? [b, a, c] : same(b, c) ? [a, b, d] : [a, b, c];
    return orientation(p, q, r) === 0 && (onSegment(q, p, r) || onSegment(q, r, p));
  }
  if (o1 !== o2 && o3 !== o4) return true;
  if (o1 === 0 && onSegment(a, b, c)) return true;
  if (o2 === 0 && onSegment(a, b, d)) return true;
  if (o3 === 0 && onSegment(c, d, a)) return true;
  if (o4 === 0 && onSegment(c, d, b)) return true;
  return false;
}

/**
 * The arcs (by index) with a segment that conflicts with another segment of the given arcs or
 * of itself. A grid of cells keeps this near-linear.
 */
export function conflictingArcs(arcs: number[][][]): Set<number> {
  const segments: { arc: number; i: number; a: number[]; b: number[] }[] = [];
  arcs.forEach((arc, k) => {
    for (let i = 0; i + 1 < arc.length; i += 1) segments.push({ arc: k, i, a: arc[i]!, b: arc[i + 1]! });
  });
  const cell = 1000;
  const grid = new Map<string, number[]>();
  segments.forEach((s, index) => {
    const [x0, x1] = [Math.min(s.a[0]!, s.b[0]!), Math.max(s.a[0]!, s.b[0]!)].map((v) =>
      Math.floor(v / cell),
    );
    const [y0, y1] = [Math.min(s.a[1]!, s.b[1]!), Math.max(s.a[1]!, s.b[1]!)].map((v) =>
      Math.floor(v / cell),
    );
    for (let x = x0!; x <= x1!; x += 1)
      for (let y = y0!; y <= y1!; y += 1) {
        const key = `${x},${y}`;
        const list = grid.get(key);
        if (list) list.push(index);
        else grid.set(key, [index]);
      }
  });
  const bad = new Set<number>();
  const checked = new Set<string>();
  for (const list of grid.values())
    for (let m = 0; m < list.length; m += 1)
      for (let n = m + 1; n < list.length; n += 1) {
        const [i, j] = [list[m]!, list[n]!];
        const key = i < j ? `${i}:${j}` : `${j}:${i}`;
        if (checked.has(key)) continue;
        checked.add(key);
        const s = segments[i]!;
        const t = segments[j]!;
        // Consecutive segments of one arc share their joint, which is fine.
        if (segmentsConflict(s.a, s.b, t.a, t.b)) {
          bad.add(s.arc);
          bad.add(t.arc);
        }
      }
  return bad;
}

// ---------------------------------------------------------------------------------------------
// The extract
// ---------------------------------------------------------------------------------------------

export async function buildDemoExtract(
  paths: string[],
  territories: readonly ExtractTerritory[],
  options: ExtractOptions,
): Promise<DemoExtract> {
  const communes = await readCommunes(paths);
  const departements = await readCoded(paths, /^(\d{2}|2[AB]|\d{3})$/);
  const collections: Record<string, FeatureCollection> = {};
  const areaObjects = new Set<string>();
  let verticesBefore = 0;
  for (const t of territories) {
    const features: Feature[] = [];
    if (t.departements) {
      const found = t.departements.map((code) => {
        const f = departements.get(code);
        if (!f) throw new Error(`${t.slug}: département ${code} is in none of the files`);
        return f;
      });
      for (const f of found) verticesBefore += countVertices(f.geometry);
      // The union of the départements, shared borders dissolved (one region outline).
      const collection: FeatureCollection = { type: 'FeatureCollection', features: found };
      const topo = topology({ d: collection }, 1e6) as unknown as Topology<{
        d: GeometryCollection;
      }>;
      const union = merge(topo, topo.objects.d.geometries as Parameters<typeof merge>[1]);
      features.push({ type: 'Feature', properties: { departements: t.departements }, geometry: union });
      areaObjects.add(t.slug);
    } else {
      for (const c of t.communes) {
        const f = communes.get(c.insee);
        if (!f) throw new Error(`${t.slug}: commune ${c.insee} (${c.name}) is in none of the files`);
        verticesBefore += countVertices(f.geometry);
        let geometry: Polygon | MultiPolygon = f.geometry;
        if (t.perimeter) {
          // Only the part of the commune inside the neighbourhood's perimeter.
          if (!isConvex(t.perimeter)) throw new Error(`${t.slug}: the perimeter must be convex`);
          const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
          const parts = polygons
            .map((rings) => clipRing(rings[0]!, t.perimeter!))
            .filter((ring) => ring.length >= 4)
            .map((ring) => [ring]);
          if (parts.length === 0) throw new Error(`${t.slug}: ${c.name} does not reach into the perimeter`);
          geometry = { type: 'MultiPolygon', coordinates: parts };
        }
        features.push({ type: 'Feature', properties: { insee: c.insee, name: c.name }, geometry });
      }
    }
    collections[t.slug] = { type: 'FeatureCollection', features };
  }

  const topo = topology(collections, options.quantization) as unknown as Topology;
  const transform = topo.transform!;
  const midLatitude = transform.translate[1]! + (transform.scale[1]! * options.quantization) / 2;
  // Metres per quantized step on each axis.
  const ky = transform.scale[1]! * 111_320;
  const kx = transform.scale[0]! * 111_320 * Math.cos((midLatitude * Math.PI) / 180);

  // Which tolerance each arc takes: the finest of the objects that use it.
  const tolerance = new Array<number>(topo.arcs.length).fill(options.areaTolerance);
  const objectsArcs = (arcs: unknown): number[] =>
    Array.isArray(arcs)
      ? arcs.flatMap((a) => (typeof a === 'number' ? [a < 0 ? ~a : a] : objectsArcs(a)))
      : [];
  for (const [name, object] of Object.entries(topo.objects)) {
    if (areaObjects.has(name)) continue;
    for (const g of (object as GeometryCollection).geometries)
      for (const a of objectsArcs((g as { arcs?: unknown }).arcs)) tolerance[a] = options.communeTolerance;
  }

  const original = decodeArcs(topo);
  const simplified = original.map((arc, i) => simplifyArc(arc, tolerance[i]!, kx, ky));
  let refined = 0;
  for (let round = 0; round < 12; round += 1) {
    const bad = conflictingArcs(simplified);
    if (bad.size === 0) break;
    for (const i of bad) {
      tolerance[i] = tolerance[i]! / 2;
      simplified[i] = round === 11 ? original[i]! : simplifyArc(original[i]!, tolerance[i]!, kx, ky);
      refined += 1;
    }
  }
  topo.arcs = encodeArcs(simplified);
  const remaining = conflictingArcs(simplified);
  if (remaining.size > 0) throw new Error(`arcs ${[...remaining].join(', ')} still cross after refinement`);

  const objects: Record<string, number> = {};
  for (const [name, object] of Object.entries(topo.objects))
    objects[name] = (object as GeometryCollection).geometries.length;
  return {
    topology: topo,
    report: {
      verticesBefore,
      verticesAfter: simplified.reduce((n, arc) => n + arc.length, 0),
      arcs: simplified.length,
      refined,
      objects,
    },
  };
}

/** The features of one object of the extract (communes, or a département/region outline). */
export function extractFeatures(topo: Topology, slug: string): Feature<Polygon | MultiPolygon>[] {
  const object = topo.objects[slug];
  if (!object) throw new Error(`the demo geometry has no object ${slug}: run npm run geo:extract`);
  return (feature(topo, object) as FeatureCollection<Polygon | MultiPolygon>).features;
}
