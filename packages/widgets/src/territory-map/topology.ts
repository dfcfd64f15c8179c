/**
 * SVG path data straight from a TopoJSON topology, without building GeoJSON first.
 *
 * Two communes share their border as one arc of the topology; going through GeoJSON would
 * decode, project and write that border once for each side. Here every arc is decoded, projected
 * and thinned once, kept as a flat list of numbers, and each shape's path is written by joining
 * the texts of its arcs. For the five départements of the benchmark (2,223 communes, 126,000
 * vertices) that halves the projection work and removes some 250,000 short-lived arrays.
 *
 * Arcs are not validated point by point by the contract (see `Topology`): a point that is not two
 * finite numbers is skipped here, so a damaged arc draws a rougher line, never an exception.
 */

/** What of a topology this module reads. */
export interface TopologyLike {
  transform?: { scale: number[]; translate: number[] };
  arcs: unknown[][];
}

/** A geometry object of a topology: Polygon and MultiPolygon are drawn, others give ''. */
export interface GeometryObject {
  type: string;
  arcs?: unknown;
  coordinates?: unknown;
  properties?: Record<string, unknown> | null;
}

type Project = (lon: number, lat: number) => [number, number] | null;

const EMPTY = new Float64Array(0);

/** The rings of a Polygon or MultiPolygon object as lists of arc references; none otherwise. */
function ringsOf(object: GeometryObject): number[][] {
  const arcs = object.arcs;
  if (!Array.isArray(arcs)) return [];
  const polygons: unknown[] = object.type === 'Polygon' ? [arcs] : object.type === 'MultiPolygon' ? arcs : [];
  const rings: number[][] = [];
  for (const polygon of polygons)
    if (Array.isArray(polygon))
      for (const ring of polygon)
        if (Array.isArray(ring))
          rings.push(ring.filter((ref): ref is number => typeof ref === 'number' && Number.isInteger(ref)));
  return rings;
}

/**
 * Path data is written in tenths of a drawing unit, as whole numbers: a tenth of a unit of the
 * 600-wide drawing is below what any screen shows, and whole numbers are shorter to write and
 * faster for the browser to read than decimals. A path is drawn in a group scaled by
 * `1 / PATH_SCALE` (`PATH_TRANSFORM`).
 */
export const PATH_SCALE = 10;
export const PATH_TRANSFORM = `scale(${1 / PATH_SCALE})`;
const whole = (n: number) => Math.round(n * PATH_SCALE);

/**
 * The text of an arc after its first point, as relative moves (`l`) between its points rounded to
 * whole tenths, and where it ends relative to where it starts. Each move is taken between rounded
 * points, so the moves add up exactly: rounding never drifts along a border.
 */
interface ArcText {
  text: string;
  dx: number;
  dy: number;
}
const NO_MOVE: ArcText = { text: '', dx: 0, dy: 0 };

/** The moves through the points of `p` (x0, y0, x1, y1, …), forwards or backwards. */
function movesOf(p: Float64Array, forwards: boolean): ArcText {
  const last = p.length - 2;
  if (last < 2) return NO_MOVE;
  const start = forwards ? 0 : last;
  const step = forwards ? 2 : -2;
  let x = whole(p[start]!);
  let y = whole(p[start + 1]!);
  const x0 = x;
  const y0 = y;
  let text = '';
  for (let i = start + step; forwards ? i <= last : i >= 0; i += step) {
    const nx = whole(p[i]!);
    const ny = whole(p[i + 1]!);
    const dx = nx - x;
    const dy = ny - y;
    if (dx === 0 && dy === 0) continue;
    // A minus sign separates two numbers by itself; a space only where it must.
    text += (text && dx >= 0 ? ' ' : '') + dx + (dy >= 0 ? ' ' : '') + dy;
    x = nx;
    y = ny;
  }
  return text ? { text: `l${text}`, dx: x - x0, dy: y - y0 } : NO_MOVE;
}

export class ArcPaths {
  /** Projected, thinned points of each arc: x0, y0, x1, y1, … (empty until first used). */
  private readonly points: (Float64Array | undefined)[] = [];
  /** Texts of each arc after its first point, forwards and backwards: `l dx dy dx dy…`. */
  private readonly forward: (ArcText | undefined)[] = [];
  private readonly backward: (ArcText | undefined)[] = [];

  /**
   * @param epsilon Points closer than this (in drawing units, Manhattan distance) to the last
   * one kept are dropped; an arc's ends are always kept, so neighbours still meet exactly.
   */
  constructor(
    private readonly topology: TopologyLike,
    private readonly project: Project,
    private readonly epsilon = 0.5,
    /** Arcs already projected (unthinned), of which these are `k·p + [tx, ty]`. */
    private readonly source?: { arcs: ArcPaths; k: number; tx: number; ty: number },
  ) {}

  /**
   * The same arcs scaled by `k` and moved by `[tx, ty]`, thinned by `epsilon`: each point is
   * projected once, here (this instance should not be thinned: epsilon 0), and only scaled there.
   * `project` is the composed projection, for Point objects.
   */
  scaled(k: number, tx: number, ty: number, project: Project, epsilon = 0.5): ArcPaths {
    return new ArcPaths(this.topology, project, epsilon, { arcs: this, k, tx, ty });
  }

  /**
   * The path data of a Polygon or MultiPolygon object ('' for anything else), in tenths of a
   * drawing unit: draw it scaled by `PATH_TRANSFORM`.
   */
  pathOf(object: GeometryObject): string {
    let d = '';
    for (const ring of ringsOf(object)) d += this.ringPath(ring);
    return d;
  }

  /** The path data of every Polygon or MultiPolygon of a collection, joined (e.g. the land). */
  pathOfAll(objects: readonly GeometryObject[]): string {
    let d = '';
    for (const object of objects) d += this.pathOf(object);
    return d;
  }

  /** A Point object's position in the drawing (quantized positions decoded), or null. */
  pointOf(object: GeometryObject): [number, number] | null {
    const c = object.coordinates;
    if (object.type !== 'Point' || !Array.isArray(c)) return null;
    const [a, b] = c as unknown[];
    if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b))
      return null;
    const t = this.topology.transform;
    return t
      ? this.project(
          a * Number(t.scale[0]) + Number(t.translate[0]),
          b * Number(t.scale[1]) + Number(t.translate[1]),
        )
      : this.project(a, b);
  }

  /** The box of every point of the given Polygon, MultiPolygon and Point objects: [x0, y0, x1, y1]. */
  boundsOf(objects: readonly GeometryObject[]): [number, number, number, number] {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    const include = (x: number, y: number) => {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    };
    // Neighbours share their border: each arc is read once, however many rings use it.
    const seen = new Uint8Array(this.topology.arcs.length);
    for (const object of objects) {
      const point = this.pointOf(object);
      if (point) include(point[0], point[1]);
      for (const ring of ringsOf(object))
        for (const ref of ring) {
          const index = ref < 0 ? ~ref : ref;
          if (seen[index]) continue;
          seen[index] = 1;
          const p = this.arc(index);
          for (let i = 0; i < p.length; i += 2) include(p[i]!, p[i + 1]!);
        }
    }
    return [x0, y0, x1, y1];
  }

  /**
   * The centre of a shape's area (its rings' signed areas weigh them, so holes count against),
   * or of its points when it has no area; [NaN, NaN] for nothing.
   */
  centreOf(object: GeometryObject): [number, number] {
    let area = 0;
    let cx = 0;
    let cy = 0;
    let sx = 0;
    let sy = 0;
    let n = 0;
    for (const ring of ringsOf(object)) {
      const points: number[] = [];
      for (const ref of ring) {
        const p = this.arc(ref < 0 ? ~ref : ref);
        if (ref < 0) for (let i = p.length - 2; i >= 0; i -= 2) points.push(p[i]!, p[i + 1]!);
        else for (let i = 0; i < p.length; i += 1) points.push(p[i]!);
      }
      for (let i = 0; i < points.length; i += 2) {
        const [x0, y0] = [points[i]!, points[i + 1]!];
        const j = (i + 2) % points.length;
        const [x1, y1] = [points[j]!, points[j + 1]!];
        const cross = x0 * y1 - x1 * y0;
        area += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
        sx += x0;
        sy += y0;
        n += 1;
      }
    }
    if (Math.abs(area) > 1e-9) return [cx / (3 * area), cy / (3 * area)];
    return n ? [sx / n, sy / n] : [NaN, NaN];
  }

  private ringPath(ring: number[]): string {
    let d = '';
    // Where the pen is, in whole tenths: each arc goes on from where the one before ended.
    let x = 0;
    let y = 0;
    for (const ref of ring) {
      const index = ref < 0 ? ~ref : ref;
      const points = this.arc(index);
      if (points.length < 2) continue;
      const at = ref < 0 ? points.length - 2 : 0;
      const sx = whole(points[at]!);
      const sy = whole(points[at + 1]!);
      // Neighbouring arcs meet exactly; should they not (a point lost to damaged data), a line
      // joins them, as an absolute move, so the rest of the ring stays in place.
      if (!d) d = `M${sx} ${sy}`;
      else if (sx !== x || sy !== y) d += `L${sx} ${sy}`;
      const moves = this.text(index, ref >= 0);
      d += moves.text;
      x = sx + moves.dx;
      y = sy + moves.dy;
    }
    return d ? `${d}Z` : '';
  }

  private text(index: number, forwards: boolean): ArcText {
    const cache = forwards ? this.forward : this.backward;
    let text = cache[index];
    if (text === undefined) cache[index] = text = movesOf(this.arc(index), forwards);
    return text;
  }

  private arc(index: number): Float64Array {
    let points = this.points[index];
    if (!points && index >= this.topology.arcs.length) return EMPTY;
    if (points) return points;
    if (this.source) {
      const { arcs, k, tx, ty } = this.source;
      this.points[index] = points = thin(arcs.arc(index), this.epsilon, k, tx, ty);
      return points;
    }
    const raw = this.topology.arcs[index];
    // Written in place, no array per point: at most two numbers a position.
    const out = new Float64Array(Array.isArray(raw) ? 2 * raw.length : 0);
    let n = 0;
    if (Array.isArray(raw)) {
      const t = this.topology.transform;
      const [sx, sy] = t ? [Number(t.scale[0]), Number(t.scale[1])] : [1, 1];
      const [tx, ty] = t ? [Number(t.translate[0]), Number(t.translate[1])] : [0, 0];
      let qx = 0;
      let qy = 0;
      for (const position of raw) {
        if (!Array.isArray(position)) continue;
        const a = position[0];
        const b = position[1];
        if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b))
          continue;
        // Quantized topologies store each point as the difference from the one before.
        if (t) {
          qx += a;
          qy += b;
        }
        const xy = this.project(t ? qx * sx + tx : a, t ? qy * sy + ty : b);
        if (!xy) continue;
        out[n++] = xy[0];
        out[n++] = xy[1];
      }
    }
    this.points[index] = points =
      this.epsilon > 0 ? thin(out.subarray(0, n), this.epsilon) : n === out.length ? out : out.slice(0, n);
    return points;
  }
}

/**
 * Points `k·p + [tx, ty]`, without those closer than `epsilon` (Manhattan distance) to the last
 * one kept; the last point is always kept, so that neighbouring arcs still meet exactly.
 */
function thin(p: Float64Array, epsilon: number, k = 1, tx = 0, ty = 0): Float64Array {
  const out = new Float64Array(p.length);
  let n = 0;
  let lx = NaN;
  let ly = NaN;
  let pending = false;
  let px = 0;
  let py = 0;
  for (let i = 0; i < p.length; i += 2) {
    const x = tx + k * p[i]!;
    const y = ty + k * p[i + 1]!;
    if (n === 0 || Math.abs(x - lx) + Math.abs(y - ly) >= epsilon) {
      out[n++] = lx = x;
      out[n++] = ly = y;
      pending = false;
    } else {
      pending = true;
      px = x;
      py = y;
    }
  }
  if (pending) {
    out[n++] = px;
    out[n++] = py;
  }
  return out.slice(0, n);
}
