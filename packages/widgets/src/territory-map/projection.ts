/**
 * The map's projection: the Lambert conformal conic on the sphere, with the standard parallels
 * (44° and 49° N) and central meridian (3° E) of the IGN's Lambert-93, as d3-geo's
 * `geoConicConformalRaw(44°, 49°)` computes it (Snyder, *Map Projections: A Working Manual*, USGS
 * 1987, pp. 104–110). A dozen lines here rather than d3-geo in the map's chunk for one function;
 * a test compares the two over France and well beyond it.
 */
const RADIANS = Math.PI / 180;
const HALF_PI = Math.PI / 2;
/** Where d3 stops short of the pole opposite the cone's apex, to stay finite. */
const POLE_MARGIN = 1e-6;

const tany = (phi: number) => Math.tan((HALF_PI + phi) / 2);
const PHI0 = 44 * RADIANS;
const PHI1 = 49 * RADIANS;
/** The cone's constant and the radius of the equator's parallel. */
const N = Math.log(Math.cos(PHI0) / Math.cos(PHI1)) / Math.log(tany(PHI1) / tany(PHI0));
const F = (Math.cos(PHI0) * Math.pow(tany(PHI0), N)) / N;

/**
 * A longitude and latitude (degrees) in the conic's plane, in units of the sphere's radius, y
 * pointing down as SVG draws it; null when that is not two finite numbers.
 */
export function lambertFrance(lon: number, lat: number): [number, number] | null {
  const lambda = N * (lon - 3) * RADIANS;
  const r = F / Math.pow(tany(Math.max(lat * RADIANS, POLE_MARGIN - HALF_PI)), N);
  const x = r * Math.sin(lambda);
  const y = r * Math.cos(lambda) - F;
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}
