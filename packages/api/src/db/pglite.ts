import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Sql } from './database.js';

/**
 * PostgreSQL settings sized for this workload: six territories, a few thousand rows, reads served
 * from the API's own cache. PostgreSQL's defaults (128 MB of shared buffers) cost the process
 * that memory for good inside the WebAssembly heap; 16 MB holds the whole demo database.
 */
const SETTINGS = [
  'shared_buffers = 16MB',
  'work_mem = 4MB',
  'maintenance_work_mem = 16MB',
  'temp_buffers = 4MB',
];

/**
 * Creates a new PGlite folder in a child process. `initdb` grows the WebAssembly heap to ~750 MB
 * and a process never gives that back, so the server that opens the folder afterwards would
 * carry it for as long as it runs; initialised apart, it opens at the size of a restart.
 */
async function initialiseApart(dataDir: string): Promise<void> {
  const module = import.meta.resolve('@electric-sql/pglite');
  const script =
    `const { PGlite } = await import(${JSON.stringify(module)});` +
    `const pg = await PGlite.create(process.argv[1]); await pg.close();`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, dataDir], {
    timeout: 120_000,
  });
}

/** PGlite in `dataDir` (created if missing), or in memory for `memory://`. */
export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://')) {
    mkdirSync(dataDir, { recursive: true });
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await initialiseApart(dataDir);
  }
  const pg = await PGlite.create(dataDir, { postgresqlconf: SETTINGS });
  const wrap = (q: Pick<PGlite, 'query'>): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      const result = await q.query<T>(text, params as unknown[]);
      return result.rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async listen(channel, onPayload) {
      const unlisten = await pg.listen(channel, onPayload);
      return () => unlisten();
    },
    close: () => pg.close(),
  };
}
