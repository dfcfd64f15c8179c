/**
 * `npm run bench:streams` — live event delivery to many open streams on one API process (issue 19).
 *
 * For each number of streams (`BENCH_STREAMS`, default `2000,10000`) and each checkout of the
 * code (`BENCH_ROOTS`, comma-separated, default this one; e.g. `BENCH_ROOTS=/work/main,.` puts the
 * main branch and this one side by side in one run): a fresh API process on PGlite, a client
 * process that opens the streams (`GET /v1/events?territory=roya`, one TCP socket each), then
 * 20 admin changes of the Roya 500 ms apart; the delay from each change's request to its arrival
 * on every stream (p50 / p99 / max), the API process's RSS before and after the streams are
 * opened (so memory per stream), and the CPU time it spent delivering.
 *
 * The API, the clients and this driver run in three processes on loopback; each process needs a
 * file descriptor per stream (`ulimit -n` must exceed the largest count).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = 'bench-admin-token-0123456789-abcdefghijkl';
const COUNTS = (process.env.BENCH_STREAMS ?? '2000,10000').split(',').map(Number);
const ROOTS = (process.env.BENCH_ROOTS ?? here).split(',').map((r) => resolve(here, r));
const CHANGES = Number(process.env.BENCH_CHANGES ?? 20);
const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${out}`)), 120_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = pattern.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

function status(pid: number): { rss: number; hwm: number; cpu: number } {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(text)?.[1] ?? 0);
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // utime + stime, in clock ticks (100 a second on Linux).
  const cpu = (Number(stat[11]) + Number(stat[12])) * 10;
  return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024, cpu };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

interface ClientMessage {
  type: string;
  message?: string;
  arrivals?: number[][];
  failed?: number;
}

interface Result {
  root: string;
  streams: number;
  openSeconds: number;
  p50: number;
  p99: number;
  max: number;
  delivered: number;
  rssBefore: number;
  rssAfter: number;
  hwmOpen: number;
  rssEnd: number;
  hwm: number;
  cpuMs: number;
}

async function run(root: string, streams: number): Promise<Result> {
  const data = mkdtempSync(join(tmpdir(), 'tec-bench-streams-'));
  const api = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'packages/api/src/main.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        TEC_DATA_DIR: data,
        TEC_LOG: 'silent',
        TEC_ADMIN_TOKEN: TOKEN,
        TEC_READ_RATE: '0',
        TEC_STREAMS_PER_CLIENT: '0',
        TEC_MAX_STREAMS: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let client: ChildProcess | undefined;
  try {
    const base = (await waitForLine(api, /TEC API on (http:\/\/[^\s]+)\/v1/))[1]!;
    await (await fetch(`${base}/v1/territories/roya/phases`)).text();
    await sleep(3000);
    const before = status(api.pid!);

    client = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(here, 'tests/bench/streams-client.ts'),
        `${base}/v1/events?territory=roya`,
        String(streams),
        String(CHANGES),
      ],
      { cwd: here, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
    const next = (type: string) =>
      new Promise<ClientMessage>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no ${type} from the client`)), 300_000);
        const onMessage = (message: ClientMessage) => {
          if (message.type === 'error') console.error(`client: ${message.message}`);
          if (message.type === type) {
            clearTimeout(timer);
            client!.off('message', onMessage);
            resolve(message);
          }
        };
        client!.on('message', onMessage);
      });
    const opening = now();
    await next('ready');
    const openSeconds = (now() - opening) / 1000;
    await sleep(3000);
    const after = status(api.pid!);

    const sentAt: number[] = [];
    for (let n = 0; n < CHANGES; n += 1) {
      sentAt[n] = now();
      // 0.501, 0.511 … : a last digit of 1 survives JSON, so each change is recognisable.
      const body = JSON.stringify({ progress: Number((0.501 + n / 100).toFixed(3)) });
      const patched = await fetch(`${base}/v1/admin/territories/roya/phases/coalition`, {
        method: 'PATCH',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body,
      });
      if (!patched.ok) throw new Error(`admin change ${n} failed: ${patched.status} ${await patched.text()}`);
      await sleep(500);
    }
    await sleep(3000);
    const done = status(api.pid!);
    const report = next('report');
    client.send({ type: 'report' });
    const { arrivals } = await report;
    const all = arrivals!.flatMap((times, n) => times.map((t) => t - sentAt[n]!)).sort((a, b) => a - b);
    return {
      root,
      streams,
      openSeconds,
      p50: Math.round(percentile(all, 50)),
      p99: Math.round(percentile(all, 99)),
      max: Math.round(all[all.length - 1] ?? 0),
      delivered: all.length,
      rssBefore: before.rss,
      rssAfter: after.rss,
      hwmOpen: after.hwm,
      rssEnd: done.rss,
      hwm: done.hwm,
      // Minus the idle seconds (3 s) and the changes' own cost is in it too: the process's CPU
      // time from the streams being open to the end of the changes.
      cpuMs: done.cpu - after.cpu,
    };
  } finally {
    client?.kill('SIGTERM');
    api.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    rmSync(data, { recursive: true, force: true });
  }
}

const results: Result[] = [];
for (const streams of COUNTS) {
  for (const root of ROOTS) {
    const result = await run(root, streams);
    console.log(JSON.stringify(result));
    results.push(result);
    await sleep(3000);
  }
}
console.log(`\n${CHANGES} admin changes 500 ms apart; ulimit -n here: see \`ulimit -n\`\n`);
console.log(
  '| code | streams | delivered | p50 ms | p99 ms | max ms | RSS before MB | RSS after MB | kB per stream | VmHWM open MB | RSS end MB | VmHWM end MB | CPU ms |',
);
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of results) {
  console.log(
    `| ${r.root} | ${r.streams} | ${r.delivered} of ${r.streams * CHANGES} | ${r.p50} | ${r.p99} | ${r.max} | ` +
      `${Math.round(r.rssBefore)} | ${Math.round(r.rssAfter)} | ${(((r.rssAfter - r.rssBefore) * 1024) / r.streams).toFixed(1)} | ` +
      `${Math.round(r.hwmOpen)} | ${Math.round(r.rssEnd)} | ${Math.round(r.hwm)} | ${r.cpuMs} |`,
  );
}
