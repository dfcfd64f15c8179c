/**
 * Memory of the API process, side by side in one run (issue 19):
 *
 * 1. a bare `PGlite.create()` on a new folder, then the same folder reopened (the library alone,
 *    PostgreSQL's default settings) — what the server paid before it initialised apart;
 * 2. the API server's first start on a new data folder (migrations, demo seed, real outlines),
 *    idle after its first request: VmRSS and VmHWM;
 * 3. the same server restarted on the same folder;
 * 4. the API server on PostgreSQL (a private cluster, as the tests start it), for comparison.
 *
 * Each measure runs in its own process; figures in MB, the servers' read 3 s and 30 s after their
 * first request. `npm run bench:memory`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '../../packages/api/src/testing/postgres.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const IDLE_MS = 3000;
/**
 * A server's memory settles after its start: V8 gives back what it no longer uses once the process
 * has been idle for a while (about 10–20 s here). Read again after this long (BENCH_SETTLE_S).
 */
const SETTLED_MS = Number(process.env.BENCH_SETTLE_S ?? 30) * 1000;

function memory(pid: number): { rss: number; hwm: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const mb = (field: string) =>
    Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024);
  return { rss: mb('VmRSS'), hwm: mb('VmHWM') };
}

/** A bare PGlite on `dir` with the library's defaults: RSS after one query. */
function barePglite(dir: string): Promise<number> {
  const script = `
    const { PGlite } = await import(${JSON.stringify(import.meta.resolve('@electric-sql/pglite'))});
    const pg = await PGlite.create(process.argv[1]);
    await pg.query('select 1');
    await new Promise((r) => setTimeout(r, ${IDLE_MS}));
    const kb = /VmRSS:\\s+(\\d+)/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1];
    console.log('RSS ' + Math.round(kb / 1024));
    await pg.close();`.replace('require(', "(await import('node:module')).createRequire(import.meta.url)(");
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, dir], { cwd: root });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.pipe(process.stderr);
    child.once('exit', (code) => {
      const m = /RSS (\d+)/.exec(out);
      if (code === 0 && m) resolve(Number(m[1]));
      else reject(new Error(`bare PGlite exited ${code}: ${out}`));
    });
  });
}

/**
 * Starts the API, sends one read, waits idle, reads its memory (after IDLE_MS, then after
 * SETTLED_MS), stops it.
 */
async function api(env: Record<string, string>): Promise<{ rss: number; hwm: number; settled: number }> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'packages/api/src/main.ts'],
    {
      cwd: root,
      env: { ...process.env, PORT: '0', TEC_LOG: 'silent', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /TEC API on (http:\/\/\S+)\/v1/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`API exited ${code}: ${out}`)));
    });
    await (await fetch(`${base}/v1/territories/roya/members`)).arrayBuffer();
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const early = memory(child.pid!);
    await new Promise((r) => setTimeout(r, SETTLED_MS - IDLE_MS));
    return { ...early, settled: memory(child.pid!).rss };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const folder = mkdtempSync(join(tmpdir(), 'tec-bench-memory-'));
try {
  const bareFirst = await barePglite(join(folder, 'bare'));
  const bareAgain = await barePglite(join(folder, 'bare'));
  const first = await api({ TEC_DATA_DIR: join(folder, 'api') });
  const restart = await api({ TEC_DATA_DIR: join(folder, 'api') });
  const postgres = await api({ DATABASE_URL: await createTestDatabase() });
  const settle = `${SETTLED_MS / 1000} s`;
  console.log(`| process | VmRSS idle ${IDLE_MS / 1000} s (MB) | VmRSS idle ${settle} (MB) | VmHWM (MB) |`);
  console.log('| --- | ---: | ---: | ---: |');
  console.log(`| bare PGlite 0.5, creating its folder (library defaults) | ${bareFirst} | — | — |`);
  console.log(`| bare PGlite 0.5, the same folder reopened | ${bareAgain} | — | — |`);
  const row = (name: string, m: { rss: number; settled: number; hwm: number }) =>
    console.log(`| ${name} | ${m.rss} | ${m.settled} | ${m.hwm} |`);
  row('API on PGlite, first start (new folder, seed)', first);
  row('API on PGlite, restarted on the same folder', restart);
  row("API on PostgreSQL (the server's memory not counted)", postgres);
} finally {
  rmSync(folder, { recursive: true, force: true });
}
process.exit(0);
