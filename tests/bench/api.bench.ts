/**
 * `npm run bench:api` — the API under load on loopback, side by side with its practical ceiling.
 *
 * 1. GET /v1/territories/roya/members (200, 200 brotli as browsers ask, and 304 with
 *    If-None-Match) against a bare node:http server that returns, for each of the three, the very
 *    headers and body bytes the API sent (recorded from the API first); ratio API / ceiling. The
 *    two servers are warmed up (2 s each, not counted), then loaded in turn, ROUNDS times each
 *    (BENCH_ROUNDS, default 3), and the medians compared, so that a change in the shared
 *    machine's load hits both alike.
 * 2. Sign-ups per second (POST …/engagements, unlimited opportunity).
 * 3. Delay from an admin change to its arrival on 2,000 open event streams (p50 / p99).
 * 4. Peak memory (VmHWM) of the API process.
 *
 * `BENCH_API_ROOT=<checkout>` runs the API of another checkout (for a before/after; it uses its
 * own node_modules, or a symlink to these). `BENCH_DATA=<folder>` opens that PGlite folder
 * (kept afterwards) instead of a new one, to measure a restart rather than a first start. The servers run in their own processes; autocannon and the stream clients run here. Bounded
 * in time and count, loopback only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const root = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = 'bench-admin-token-0123456789-abcdefghijkl';
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const STREAMS = Number(process.env.BENCH_STREAMS ?? 2000);
const CHANGES = 20;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in: ${out}`)), 60_000);
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

/**
 * The ceiling: for each request kind, the headers and body bytes the API sent for it, from
 * memory, with a plain comparison for If-None-Match. Everything else is what node:http adds to
 * any answer (date, connection, content-length).
 */
const BARE = `
const http = require('node:http');
let input = '';
process.stdin.on('data', (c) => (input += c)).on('end', () => {
  const kinds = JSON.parse(input);
  for (const k of Object.values(kinds)) k.body = Buffer.from(k.body, 'base64');
  const server = http.createServer((req, res) => {
    const kind = req.headers['if-none-match'] === kinds.notModified.etag ? kinds.notModified
      : (req.headers['accept-encoding'] || '').includes('br') ? kinds.brotli : kinds.plain;
    res.writeHead(kind.status, kind.headers);
    res.end(kind.body);
  });
  server.keepAliveTimeout = 5000;
  server.listen(0, '127.0.0.1', () => console.log('BARE ' + server.address().port));
});`;

/** What the API answered to one kind of request: status, headers (those node:http would not add itself) and body. */
function record(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string>; body: string; etag: string }>(
    (resolve, reject) => {
      http
        .get(url, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const kept: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers)) {
              if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(k)) {
                kept[k] = Array.isArray(v) ? v.join(', ') : String(v);
              }
            }
            resolve({
              status: res.statusCode!,
              headers: kept,
              body: Buffer.concat(chunks).toString('base64'),
              etag: String(res.headers.etag ?? ''),
            });
          });
        })
        .on('error', reject);
    },
  );
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

async function load(url: string, options: Partial<autocannon.Options> = {}): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, ...options });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function streamsDelay(
  base: string,
): Promise<{ p50: number; p99: number; max: number; delivered: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const arrivals: number[][] = Array.from({ length: CHANGES }, () => []);
  const sentAt: number[] = [];
  const sockets: http.ClientRequest[] = [];
  let ready = 0;
  await new Promise<void>((resolve, reject) => {
    for (let i = 0; i < STREAMS; i += 1) {
      const req = http.get(`${base}/v1/events?territory=roya`, { agent }, (res) => {
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          // Whole SSE messages only: a chunk may end in the middle of one.
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            if (message.startsWith('event: ready')) {
              ready += 1;
              if (ready === STREAMS) resolve();
            } else if (message.startsWith('event: phase.updated')) {
              const match = /"progress":(0\.\d+)/.exec(message);
              const n = Math.round((Number(match?.[1]) - 0.501) * 100);
              if (n >= 0 && n < CHANGES) arrivals[n]!.push(performance.now() - sentAt[n]!);
            }
          }
        });
      });
      req.on('error', reject);
      sockets.push(req);
    }
  });
  for (let n = 0; n < CHANGES; n += 1) {
    sentAt[n] = performance.now();
    // 0.501, 0.511 … : a last digit of 1 survives JSON, so each change is recognisable.
    const body = JSON.stringify({ progress: Number((0.501 + n / 100).toFixed(3)) });
    const patched = await fetch(`${base}/v1/admin/territories/roya/phases/coalition`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body,
    });
    if (!patched.ok) throw new Error(`admin change ${n} failed: ${patched.status} ${await patched.text()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 2000));
  for (const s of sockets) s.destroy();
  agent.destroy();
  if (process.env.BENCH_DEBUG) console.log(arrivals.map((a) => a.length).join(' '));
  const all = arrivals.flat().sort((a, b) => a - b);
  return {
    p50: Math.round(percentile(all, 50)),
    p99: Math.round(percentile(all, 99)),
    max: Math.round(all[all.length - 1] ?? 0),
    delivered: all.length,
  };
}

async function main() {
  const data = process.env.BENCH_DATA ?? mkdtempSync(join(tmpdir(), 'tec-bench-'));
  const api = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'packages/api/src/main.ts'],
    {
      cwd: process.env.BENCH_API_ROOT ?? root,
      env: {
        ...process.env,
        PORT: '0',
        TEC_DATA_DIR: data,
        TEC_LOG: 'silent',
        TEC_ADMIN_TOKEN: TOKEN,
        TEC_SIGNUP_RATE: '0',
        TEC_READ_RATE: '0',
        TEC_STREAMS_PER_CLIENT: '0',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let bare: ChildProcess | undefined;
  try {
    const base = (await waitForLine(api, /TEC API on (http:\/\/[^\s]+)\/v1/))[1]!;
    const path = '/v1/territories/roya/members';
    const sample = await fetch(`${base}${path}`);
    const etag = sample.headers.get('etag')!;
    const bytes = await sample.text();
    const plainHeaders = {};
    const brotliHeaders = { 'accept-encoding': 'gzip, deflate, br' };
    const notModifiedHeaders = { 'if-none-match': etag };
    const kinds = {
      plain: await record(`${base}${path}`, plainHeaders),
      brotli: await record(`${base}${path}`, brotliHeaders),
      notModified: await record(`${base}${path}`, notModifiedHeaders),
    };
    if (
      kinds.plain.status !== 200 ||
      kinds.brotli.headers['content-encoding'] !== 'br' ||
      kinds.notModified.status !== 304
    ) {
      throw new Error(
        `unexpected answers: ${kinds.plain.status}, ${kinds.brotli.headers['content-encoding']}, ${kinds.notModified.status}`,
      );
    }

    bare = spawn(process.execPath, ['-e', BARE], { stdio: ['pipe', 'pipe', 'inherit'] });
    bare.stdin!.end(JSON.stringify({ ...kinds, notModified: { ...kinds.notModified, etag } }));
    const barePort = (await waitForLine(bare, /BARE (\d+)/))[1]!;
    const ceiling = `http://127.0.0.1:${barePort}`;

    console.log(
      `members page: ${bytes.length} bytes (${Buffer.from(kinds.brotli.body, 'base64').length} brotli); ` +
        `${CONNECTIONS} connections, ${DURATION} s per run, API and ceiling in turn, ${ROUNDS} rounds`,
    );
    /** The API and the ceiling in turn, ROUNDS times, after a warm-up; medians of each. */
    async function pair(headers: Record<string, string>): Promise<[Load, Load, number[]]> {
      const api: Load[] = [];
      const top: Load[] = [];
      // Both warmed up first on this kind of request (not counted): the first second of a new
      // path runs code not yet optimized, which made the first round of each kind the slowest.
      await load(`${base}${path}`, { headers, duration: 2 });
      await load(`${ceiling}${path}`, { headers, duration: 2 });
      for (let i = 0; i < ROUNDS; i += 1) {
        api.push(await load(`${base}${path}`, { headers }));
        top.push(await load(`${ceiling}${path}`, { headers }));
      }
      const median = (runs: Load[]) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)]!;
      return [median(api), median(top), api.map((a, i) => a.rps / top[i]!.rps)];
    }
    const [apiOk, bareOk, okRatios] = await pair(plainHeaders);
    // Browsers ask for brotli: precompressed when cached, so this is the fast path's cost.
    const [apiBr, bareBr, brRatios] = await pair(brotliHeaders);
    const [api304, bare304, notModifiedRatios] = await pair(notModifiedHeaders);
    const signups = await load(`${base}/v1/territories/roya/engagements`, {
      method: 'POST',
      connections: 10,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        opportunityId: 'opp_roya_1',
        firstName: 'Bench',
        email: 'bench@example.org',
        availability: ['week-end'],
        consent: true,
      }),
    });
    const delay = await streamsDelay(base);
    const memory = peakMemoryMb(api.pid!);

    const row = (name: string, a: Load, b?: Load, ratios?: number[]) =>
      `| ${name} | ${a.rps} | ${a.p50} | ${a.p99} | ${b ? b.rps : '—'} | ${b ? (a.rps / b.rps).toFixed(2) : '—'} | ${
        ratios ? ratios.map((r) => r.toFixed(2)).join(', ') : '—'
      } | ${a.non2xx + a.errors} |`;
    console.log(
      '\n| run | API req/s | p50 ms | p99 ms | ceiling req/s | API / ceiling (medians) | each round | non-2xx (304s count here) + errors |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(row('GET members → 200', apiOk, bareOk, okRatios));
    console.log(
      row('GET members → 200, brotli (Accept-Encoding: gzip, deflate, br)', apiBr, bareBr, brRatios),
    );
    console.log(row('GET members → 304', api304, bare304, notModifiedRatios));
    console.log(row('POST engagement → 201 (10 connections)', signups));
    console.log(
      `\nEvent delivery to ${STREAMS} streams, ${CHANGES} admin changes: p50 ${delay.p50} ms, p99 ${delay.p99} ms, ` +
        `max ${delay.max} ms (${delay.delivered} of ${STREAMS * CHANGES} deliveries)`,
    );
    console.log(`Peak memory of the API process (VmHWM): ${memory} MB`);
  } finally {
    api.kill('SIGTERM');
    bare?.kill('SIGTERM');
    await new Promise((r) => api.once('exit', r));
    if (!process.env.BENCH_DATA) rmSync(data, { recursive: true, force: true });
  }
}

await main();
