#!/usr/bin/env node
/**
 * `npm run api`: the TEC API alone, on the embedded database by default (`npm start` runs it with
 * the demo partner sites beside it). Configuration comes from the environment (docs/api.md).
 */
import { readConfig } from './config.js';
import { startServer } from './server.js';
import { closeOnSignals } from './shutdown.js';

async function main() {
  const config = readConfig(process.env);
  const server = await startServer(config);
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`TEC API on ${server.url}/v1 — database: ${where}`);
  if (server.seeded) console.log('Demo data seeded (six territories).');
  if (server.generatedAdminToken) {
    console.log(`Admin token (shown once, keep it safe): ${server.generatedAdminToken}`);
  }
  closeOnSignals(() => server.close(), server.log);
}

main().catch((error: unknown) => {
  console.error(`TEC API failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
