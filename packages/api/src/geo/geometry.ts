/**
 * Territory geometry as quantized TopoJSON: each territory's outline and communes, and the
 * national overview (metropolitan France and the six territories).
 */
import { topology } from 'topojson-server';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry as GeoGeometry } from 'geojson';
import type { GeometryCollection, Topology as TopoTopology } from 'topojson-specification';
import type { Geometry } from '@tec/contract';
import type { Sql } from '../db/database.js';
import { NotFoundError, listTerritories } from '../store.js';
import { FRANCE_ATTRIBUTION, metropolitanFrance } from './france.js';
import { rewindForD3 } from './rewind.js';

/** Quantization of served topologies: 1e5 steps across the bounding box (sub-metre here). */
export const QUANTIZATION = 1e5;

export type TerritoryTopology = TopoTopology<{ outline: GeometryCollection; communes: GeometryCollection }>;

export async function storeGeometry(
  tx: Sql,
  key: string,
  topo: TopoTopology,
  attribution: string,
  approximate: boolean,
): Promise<void> {
  await tx.query(
    `insert into geometries (key, topology, attribution, approximate, updated_at) values ($1, $2::text::jsonb, $3, $4, now())
     on conflict (key) do update set topology = excluded.topology, attribution = excluded.attribution,
       approximate = excluded.approximate, updated_at = now()`,
    [key, JSON.stringify(topo), attribution, approximate],
  );
}

/** Builds the topology of one territory from its outline and its communes (shapes or points). */
export function territoryTopology(
  slug: string,
  name: string,
  outline: GeoGeometry,
  communes: Feature[],
): TerritoryTopology {
  const outlineFeature: Feature = {
    type: 'Feature',
    properties: { slug, name },
    geometry: rewindForD3(outline),
  };
  const communeCollection: FeatureCollection = {
    type: 'FeatureCollection',
    features: communes.map((f) => ({ ...f, geometry: rewindForD3(f.geometry) })),
  };
  const outlineCollection: FeatureCollection = { type: 'FeatureCollection', features: [outlineFeature] };
  return topology(
    { outline: outlineCollection, communes: communeCollection },
    QUANTIZATION,
  ) as unknown as TerritoryTopology;
}

interface GeometryRow {
  topology: TerritoryTopology;
  attribution: string;
  approximate: boolean;
  updated_at: string;
}

async function territoryGeometryRows(db: Sql): Promise<Map<string, GeometryRow>> {
  const rows = await db.query<GeometryRow & { key: string }>(
    `select key, topology, attribution, approximate,
       to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
     from geometries where key like 'territory:%'`,
  );
  return new Map(rows.map((r) => [r.key.slice('territory:'.length), r]));
}

export async function geometryFor(db: Sql, slug: string): Promise<Geometry> {
  const [row] = await db.query<GeometryRow>(
    `select topology, attribution, approximate,
       to_char(updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
     from geometries where key = $1`,
    [`territory:${slug}`],
  );
  if (!row) throw new NotFoundError(`territory ${slug}`);
  return {
    territory: slug,
    topology: row.topology as unknown as Geometry['topology'],
    attribution: row.attribution,
    approximate: row.approximate,
    updatedAt: row.updated_at,
  };
}

/** Metropolitan France and each territory's outline, with its status and phase as properties. */
export async function overviewGeometry(db: Sql): Promise<Geometry> {
  const [territories, geometries] = await Promise.all([listTerritories(db), territoryGeometryRows(db)]);
  const features: Feature[] = [];
  const attributions = new Set<string>([FRANCE_ATTRIBUTION]);
  let approximate = false;
  let updatedAt = '1970-01-01T00:00:00.000Z';
  for (const t of territories) {
    const row = geometries.get(t.slug);
    if (!row) continue;
    // A collection of one shape as geo:import stores it, or one shape (topojson's mergeArcs).
    const outline = feature(row.topology, row.topology.objects.outline) as Feature | FeatureCollection;
    const geometry = 'features' in outline ? outline.features[0]?.geometry : outline.geometry;
    if (!geometry) continue;
    features.push({
      type: 'Feature',
      properties: { slug: t.slug, name: t.name, status: t.status, currentPhase: t.currentPhase },
      geometry,
    });
    // A hand-drawn outline is named, so the map says which one is approximate.
    attributions.add(row.approximate ? `contour de ${t.name} approximatif (démonstration)` : row.attribution);
    approximate ||= row.approximate;
    if (row.updated_at > updatedAt) updatedAt = row.updated_at;
  }
  const france: FeatureCollection = { type: 'FeatureCollection', features: [metropolitanFrance()] };
  const outlines: FeatureCollection = { type: 'FeatureCollection', features };
  const topo = topology({ france, territories: outlines }, QUANTIZATION);
  return {
    territory: null,
    topology: topo as unknown as Geometry['topology'],
    attribution: [...attributions].join(' ; '),
    approximate,
    updatedAt,
  };
}
