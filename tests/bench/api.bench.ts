/**
 * `npm run bench:api` — the API under load on loopback, side by side with its practical ceiling.
 *
 * 1. GET /v1/territories/roya/members (200, 200 brotli as browsers ask, and 304 with
 *    If-None-Match) against a bare node:http server that returns the same (uncompressed) bytes
 *    from memory; ratio API / ceiling.
 * 2. Sign-ups per second (POST …/engagements, unlimited opportunity).
 * 3. Delay from an admin change to its arrival on 2,000 open event streams (p50 / p99).
 * 4. Peak memory (VmHWM) of the API process.
 *
 * The servers run in their own processes; autocannon and the stream clients run here. Bounded
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

/** The ceiling: the same bytes and headers from memory, with the same 304 handling. */
const BARE = `
const http = require('node:http');
let body = '', etag = '';
process.stdin.on('data', (c) => (body += c)).on('end', () => {
  const [tag, ...rest] = body.split('\\n'); etag = tag; body = rest.join('\\n');
  const server = http.createServer((req, res) => {
    const headers = { etag, 'cache-control': 'public, max-age=60, stale-while-revalidate=300',
      'access-control-allow-origin': '*', 'content-type': 'application/json; charset=utf-8' };
    if (req.headers['if-none-match'] === etag) { res.writeHead(304, headers); res.end(); return; }
    res.writeHead(200, headers); res.end(body);
  });
  server.keepAliveTimeout = 5000;
  server.listen(0, '127.0.0.1', () => console.log('BARE ' + server.address().port));
});`;

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
  const data = mkdtempSync(join(tmpdir(), 'tec-bench-'));
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

    bare = spawn(process.execPath, ['-e', BARE], { stdio: ['pipe', 'pipe', 'inherit'] });
    bare.stdin!.end(`${etag}\n${bytes}`);
    const barePort = (await waitForLine(bare, /BARE (\d+)/))[1]!;
    const ceiling = `http://127.0.0.1:${barePort}`;

    console.log(`members page: ${bytes.length} bytes; ${CONNECTIONS} connections, ${DURATION} s per run`);
    const apiOk = await load(`${base}${path}`);
    const bareOk = await load(`${ceiling}${path}`);
    // Browsers ask for brotli: precompressed when cached, so this is the fast path's cost.
    const apiBr = await load(`${base}${path}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const api304 = await load(`${base}${path}`, { headers: { 'if-none-match': etag } });
    const bare304 = await load(`${ceiling}${path}`, { headers: { 'if-none-match': etag } });
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

    const row = (name: string, a: Load, b?: Load) =>
      `| ${name} | ${a.rps} | ${a.p50} | ${a.p99} | ${b ? b.rps : '—'} | ${b ? (a.rps / b.rps).toFixed(2) : '—'} | ${a.non2xx + a.errors} |`;
    console.log(
      '\n| run | API req/s | p50 ms | p99 ms | ceiling req/s | API / ceiling | non-2xx (304s count here) + errors |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(row('GET members → 200', apiOk, bareOk));
    console.log(row('GET members → 200, brotli (Accept-Encoding: gzip, deflate, br)', apiBr, bareOk));
    console.log(row('GET members → 304', api304, bare304));
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
    rmSync(data, { recursive: true, force: true });
  }
}

await main();
