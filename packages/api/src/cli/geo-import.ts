#!/usr/bin/env node
/**
 * `npm run geo:import -- <GeoJSON file or folder>… [--attribution "…"]`: replaces each territory's
 * approximate outline with the exact union of its communes. Live maps update through the
 * `geometry.updated` event. On PGlite, while the server runs, the import goes through the server.
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { DEFAULT_ATTRIBUTION } from '../geo/import.js';
import { runCommand } from '../admin/run.js';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { attribution: { type: 'string', default: DEFAULT_ATTRIBUTION } },
  });
  if (positionals.length === 0) throw new Error('usage: npm run geo:import -- <GeoJSON file or folder>…');
  const request = { command: 'geo-import', paths: positionals, attribution: values.attribution } as const;
  for (const line of await runCommand(readConfig(), request)) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
