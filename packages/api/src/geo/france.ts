/**
 * The outline of metropolitan France (mainland and Corsica), from Natural Earth through the
 * world-atlas package (public domain). Overseas polygons are left out: the overview map is
 * metropolitan, as are the six territories.
 */
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { rewindForD3 } from './rewind.js';

const require = createRequire(import.meta.url);
let cached: Feature<MultiPolygon> | undefined;

export const FRANCE_ATTRIBUTION = 'Fond de carte : Natural Earth (domaine public)';

export function metropolitanFrance(): Feature<MultiPolygon> {
  if (cached) return cached;
  const world = require('world-atlas/countries-50m.json') as Topology<{ countries: GeometryCollection }>;
  const countries = feature(world, world.objects.countries);
  const france = countries.features.find((f) => f.id === '250');
  if (!france) throw new Error('world-atlas has no feature 250 (France)');
  const geometry = france.geometry as MultiPolygon | Polygon;
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const metropolitan = polygons.filter((rings) =>
    rings[0]!.every(([lon, lat]) => lon! > -6 && lon! < 10 && lat! > 41 && lat! < 52),
  );
  cached = {
    type: 'Feature',
    properties: { name: 'France métropolitaine' },
    geometry: rewindForD3({ type: 'MultiPolygon', coordinates: metropolitan }),
  };
  return cached;
}
