#!/usr/bin/env node
/**
 * `npm run geo:import -- <GeoJSON file or folder>… [--attribution "…"]`: replaces each territory's
 * approximate outline with the exact union of its communes. Live maps update through the
 * `geometry.updated` event.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { seedIfEmpty } from '../seed/seed.js';
import { DEFAULT_ATTRIBUTION, importBoundaries } from '../geo/import.js';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { attribution: { type: 'string', default: DEFAULT_ATTRIBUTION } },
  });
  if (positionals.length === 0) throw new Error('usage: npm run geo:import -- <GeoJSON file or folder>…');
  const config = readConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    if (config.seed) await seedIfEmpty(db);
    const reports = await importBoundaries(db, positionals, values.attribution);
    for (const r of reports) {
      const what = r.skipped
        ? `kept its outline: ${r.skipped}${r.missing.length ? ` (missing ${r.missing.join(', ')})` : ''}`
        : `${r.communes} communes merged into ${r.rings} ring${r.rings > 1 ? 's' : ''}`;
      console.log(`${r.territory}: ${what}`);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
