#!/usr/bin/env node
/**
 * `npm run geo:import -- <GeoJSON file or folder>… [--attribution "…"]`: replaces each territory's
 * approximate outline with the exact union of its communes. Live maps update through the
 * `geometry.updated` event. On PGlite, while the server runs, the import goes through the server.
 *
 * `npm run geo:import -- --extract <out.topo.json> <GeoJSON file or folder>…`: writes the demo's
 * geometry instead (no database): the communes, neighbourhood parts and areas of the six demo
 * territories, simplified for the web, as one quantized TopoJSON file that the seed loads. The
 * demo's own is made with
 *   npm run geo:import -- --extract packages/api/src/seed/geometry/demo.topo.json ../shared/data/geo
 */
import { parseArgs } from 'node:util';
import { writeFile } from 'node:fs/promises';
import { readConfig } from '../config.js';
import { DEFAULT_ATTRIBUTION } from '../geo/import.js';
import { DEFAULT_EXTRACT_OPTIONS, EXTRACT_SOURCE, buildDemoExtract } from '../geo/extract.js';
import { runCommand } from '../admin/run.js';
import { SEED_TERRITORIES } from '../seed/territories.js';

async function extract(out: string, paths: string[], tolerance: number | undefined) {
  const date = new Date().toISOString().slice(0, 10);
  const options = {
    ...DEFAULT_EXTRACT_OPTIONS,
    ...(tolerance === undefined ? {} : { communeTolerance: tolerance }),
    date,
  };
  const territories = SEED_TERRITORIES.map((t) => ({
    slug: t.detail.slug,
    communes: t.detail.communes,
    ...(t.perimeter ? { perimeter: t.perimeter } : {}),
    ...(t.area ? { departements: t.area } : {}),
  }));
  const { topology, report } = await buildDemoExtract(paths, territories, options);
  // Foreign members of the TopoJSON object: where it comes from, under which licence, when.
  const file = {
    ...topology,
    source: EXTRACT_SOURCE,
    licence: 'Licence Ouverte / Open Licence 2.0 (Etalab)',
    attribution: DEFAULT_ATTRIBUTION,
    made: date,
    simplification: `Douglas–Peucker on shared arcs: ${options.communeTolerance} m (communes), ${options.areaTolerance} m (départements); quantization ${options.quantization}`,
  };
  const text = `${JSON.stringify(file)}\n`;
  await writeFile(out, text);
  console.log(
    `${out}: ${text.length} bytes; ${report.verticesBefore} source vertices -> ${report.verticesAfter} ` +
      `in ${report.arcs} arcs (${report.refined} arcs refined to avoid crossings)`,
  );
  for (const [name, n] of Object.entries(report.objects)) console.log(`  ${name}: ${n} features`);
}

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      attribution: { type: 'string', default: DEFAULT_ATTRIBUTION },
      extract: { type: 'string' },
      tolerance: { type: 'string' },
    },
  });
  if (positionals.length === 0)
    throw new Error(
      'usage: npm run geo:import -- [--extract <out.topo.json> [--tolerance <metres>]] <GeoJSON file or folder>…',
    );
  if (values.extract) {
    const tolerance = values.tolerance === undefined ? undefined : Number(values.tolerance);
    if (tolerance !== undefined && !(tolerance >= 0))
      throw new Error('--tolerance must be a number of metres');
    await extract(values.extract, positionals, tolerance);
    return;
  }
  const request = { command: 'geo-import', paths: positionals, attribution: values.attribution } as const;
  for (const line of await runCommand(readConfig(), request)) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
