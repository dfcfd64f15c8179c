/**
 * Replaces each territory's approximate outline with the exact union of its communes, read from
 * official boundaries (GeoJSON features with an INSEE `code`, as IGN Admin Express provides).
 * The union is topology-aware (topojson-server then topojson-client's merge), so borders shared
 * by two communes vanish instead of leaving slivers. A territory whose perimeter is its own
 * polygon (a neighbourhood) keeps it.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { topology } from 'topojson-server';
import { merge } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { Database } from '../db/database.js';
import { appendEvent } from '../store.js';
import { storeGeometry, territoryTopology } from './geometry.js';

export const DEFAULT_ATTRIBUTION = 'Contours : IGN Admin Express 2018, Licence Ouverte';

export interface ImportReport {
  territory: string;
  communes: number;
  missing: string[];
  rings: number;
  skipped?: string;
}

export async function geojsonFiles(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const names = await readdir(path);
  return names
    .filter((n) => /\.(geo)?json$/i.test(n))
    .sort()
    .map((n) => join(path, n));
}

/** Every commune feature of the given files or folders, by INSEE code. */
export async function readCommunes(paths: string[]): Promise<Map<string, Feature<Polygon | MultiPolygon>>> {
  const byCode = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const path of paths) {
    for (const file of await geojsonFiles(path)) {
      const json = JSON.parse(await readFile(file, 'utf8')) as FeatureCollection | Feature;
      const features = json.type === 'FeatureCollection' ? json.features : [json];
      for (const f of features) {
        const code = (f.properties as { code?: unknown } | null)?.code;
        if (typeof code !== 'string' || !/^(\d{5}|2[AB]\d{3})$/.test(code)) continue;
        if (f.geometry?.type !== 'Polygon' && f.geometry?.type !== 'MultiPolygon') continue;
        byCode.set(code, f as Feature<Polygon | MultiPolygon>);
      }
    }
  }
  return byCode;
}

/** The union of the communes' shapes, shared borders dissolved. */
export function unionOf(features: Feature<Polygon | MultiPolygon>[]): MultiPolygon {
  const collection: FeatureCollection = { type: 'FeatureCollection', features };
  const topo = topology({ communes: collection }, 1e6) as unknown as Topology<{
    communes: GeometryCollection;
  }>;
  return merge(topo, topo.objects.communes.geometries as Parameters<typeof merge>[1]);
}

export async function importBoundaries(
  db: Database,
  paths: string[],
  attribution = DEFAULT_ATTRIBUTION,
): Promise<ImportReport[]> {
  const communes = await readCommunes(paths);
  if (communes.size === 0) throw new Error('no commune feature with an INSEE "code" property was found');
  const territories = await db.query<{
    slug: string;
    name: string;
    own_perimeter: boolean;
    communes: { insee: string; name: string }[];
  }>(
    `select slug, data->>'name' as name, own_perimeter, coalesce(data->'communes', '[]'::jsonb) as communes
     from territories order by position`,
  );
  const reports: ImportReport[] = [];
  for (const t of territories) {
    const report: ImportReport = { territory: t.slug, communes: 0, missing: [], rings: 0 };
    reports.push(report);
    if (t.own_perimeter) {
      report.skipped = 'its perimeter is its own polygon, not a union of communes';
      continue;
    }
    const found: Feature<Polygon | MultiPolygon>[] = [];
    for (const c of t.communes) {
      const f = communes.get(c.insee);
      if (f) found.push({ ...f, properties: { insee: c.insee, name: c.name } });
      else report.missing.push(c.insee);
    }
    report.communes = found.length;
    if (found.length === 0 || report.missing.length > 0) {
      report.skipped =
        found.length === 0 ? 'none of its communes is in these files' : 'some communes are missing';
      continue;
    }
    const outline = unionOf(found);
    report.rings = outline.coordinates.reduce((n, polygon) => n + polygon.length, 0);
    const topo = territoryTopology(t.slug, t.name, outline, found);
    await db.transaction(async (tx) => {
      await storeGeometry(tx, `territory:${t.slug}`, topo as unknown as Topology, attribution, false);
      await appendEvent(tx, { type: 'geometry.updated', territory: t.slug });
    });
  }
  return reports;
}
