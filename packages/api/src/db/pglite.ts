import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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

/** How long the child may take to create a folder (about 5 s on the project's machine). */
const TIMEOUT_MS = 120_000;

/**
 * Creates a new PGlite cluster in `building` (for the data folder `dataDir`, which errors name) in
 * a child process. `initdb` grows the WebAssembly heap to ~750 MB
 * and a process never gives that back, so the server that opens the folder afterwards would
 * carry it for as long as it runs; initialised apart, it opens at the size of a restart.
 *
 * The child writes its errors straight to the server's standard error, and nothing is piped: a
 * server that had run it through `execFile`, which pipes all three of its streams (even though it
 * writes nothing), then opened PGlite, answered cached reads 10–25 % slower for as long as it ran
 * (`npm run bench:api`, 304s ÷ ceiling; `process.nextTick` took 5–7 µs a request instead of 0.3
 * in a CPU profile). With no pipe, or one, it runs as fast as after a restart. Why was not found;
 * docs/benchmarks.md ("round six") has the measures.
 */
async function initialiseApart(building: string, dataDir: string): Promise<void> {
  const module = import.meta.resolve('@electric-sql/pglite');
  const script =
    `const { PGlite } = await import(${JSON.stringify(module)});` +
    `const pg = await PGlite.create(process.argv[1]); await pg.close();`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, building], {
    stdio: ['ignore', 'ignore', 'inherit'],
    timeout: TIMEOUT_MS,
  });
  const ended = once(child, 'exit').catch((error: unknown) => {
    throw new Error(
      `Creating the PGlite folder ${dataDir} failed: its process did not start (${String(error)}).`,
    );
  });
  const [code, signal] = (await ended) as [number | null, NodeJS.Signals | null];
  if (code !== 0) {
    const how = signal
      ? `was stopped by ${signal}${child.killed ? ` after ${TIMEOUT_MS / 1000} s` : ''}`
      : `exited with code ${code}`;
    throw new Error(
      `Creating the PGlite folder ${dataDir} failed: its process ${how} (its errors are above).`,
    );
  }
}

/**
 * Creates the database cluster of `dataDir` in a folder of its own inside it (`.creating`: the
 * same file system, even when the data folder is a mounted volume) and moves it in once complete,
 * `PG_VERSION` last. A start is a first start as long as `PG_VERSION` is missing, so a creation
 * stopped partway (by the time limit, a lack of memory, the machine) is made again at the next
 * start instead of being opened half-made. The data folder also holds the server's own files (its
 * lock, the follow-up secret), which are left as they are; a cluster's files left by a move that
 * was stopped are replaced.
 */
async function createCluster(dataDir: string): Promise<void> {
  const building = join(dataDir, '.creating');
  rmSync(building, { recursive: true, force: true });
  mkdirSync(building, { recursive: true });
  try {
    await initialiseApart(building, dataDir);
    const names = readdirSync(building).filter((name) => name !== 'PG_VERSION');
    for (const name of [...names, 'PG_VERSION']) {
      rmSync(join(dataDir, name), { recursive: true, force: true });
      renameSync(join(building, name), join(dataDir, name));
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}

/** PGlite in `dataDir` (created if missing), or in memory for `memory://`. */
export async function openPglite(dataDir: string): Promise<Database> {
  if (!dataDir.startsWith('memory://') && !existsSync(join(dataDir, 'PG_VERSION'))) {
    await createCluster(dataDir);
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
