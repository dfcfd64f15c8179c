/**
 * The demo's geometry, from the committed extract of the official boundaries
 * (`geometry/demo.topo.json`, made by `npm run geo:import -- --extract …` from IGN Admin Express
 * 2018, Licence Ouverte): real communes for the territories made of communes, the real
 * département or region for a territory being selected, and for the Nantes neighbourhood its own
 * perimeter drawn by hand (flagged approximate) with the real commune border through it.
 */
import { readFileSync } from 'node:fs';
import { merge } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Sql } from '../db/database.js';
import { EXTRACT_ATTRIBUTION, extractFeatures } from '../geo/extract.js';
import { storeGeometry, territoryTopology } from '../geo/geometry.js';
import type { SeedTerritory } from './territories.js';

/** The same file from src/seed and from dist/seed: both sit two folders below the package. */
export const DEMO_GEOMETRY_FILE = new URL('../../src/seed/geometry/demo.topo.json', import.meta.url);

export const NEIGHBOURHOOD_ATTRIBUTION =
  'Contour du quartier approximatif, tracé pour la démonstration ; limite communale : IGN Admin Express 2018, Licence Ouverte';

let cached: Topology | undefined;

export function demoExtract(): Topology {
  cached ??= JSON.parse(readFileSync(DEMO_GEOMETRY_FILE, 'utf8')) as Topology;
  return cached;
}

export async function storeDemoGeometry(tx: Sql, t: SeedTerritory): Promise<void> {
  const extract = demoExtract();
  const { slug, name } = t.detail;
  const parts = extractFeatures(extract, slug);
  let outline: Polygon | MultiPolygon;
  let communes: Feature[];
  if (t.area) {
    outline = parts[0]!.geometry;
    communes = [];
  } else {
    // The union of the communes (for a neighbourhood, of their parts inside its perimeter: the
    // perimeter itself, on the extract's grid, so that outline and parts share their borders).
    const object = extract.objects[slug] as GeometryCollection;
    outline = merge(extract, object.geometries as Parameters<typeof merge>[1]);
    communes = parts;
  }
  const topo = territoryTopology(slug, name, outline, communes);
  const approximate = Boolean(t.perimeter);
  await storeGeometry(
    tx,
    `territory:${slug}`,
    topo as unknown as Topology,
    approximate ? NEIGHBOURHOOD_ATTRIBUTION : EXTRACT_ATTRIBUTION,
    approximate,
  );
}
