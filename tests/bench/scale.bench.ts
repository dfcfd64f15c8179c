/**
 * `npm run bench:scale` — what one more API process buys behind nginx (issue 18).
 *
 * The production setup of tests/e2e/deployment.ts (PostgreSQL with its roles, API processes,
 * nginx running deploy/nginx/tec.conf over TLS) twice side by side in one run: nginx A in front
 * of one process, nginx B in front of two. Per-client limits are lifted (the load comes from one
 * address); everything else is the shipped configuration.
 *
 * 1. GET /v1/territories/roya/members through A and through B, and the same JSON bytes served by
 *    nginx from a file (the ceiling: no API at all).
 * 2. Event fan-out: STREAMS streams through A, then through B (spread over both processes), and
 *    the delay from an admin change to its arrival on every stream (p50 / p99).
 */
import { Agent, request } from 'node:https';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { freePort } from '@tec/api/testing';
import {
  ADMIN_TOKEN,
  cleanup,
  createDeploymentDatabase,
  privateFolder,
  startApi,
  startNginx,
  waitReady,
  type ApiProcess,
  type Nginx,
} from '../e2e/deployment.js';

const DURATION = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 50;
const STREAMS = Number(process.env.BENCH_STREAMS ?? 1000);
const CHANGES = 10;
const PATH = '/v1/territories/roya/members';

interface Load {
  rps: number;
  p50: number;
  p99: number;
  bad: number;
}

async function load(url: string): Promise<Load> {
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION,
    // The certificate is the test's own, self-signed.
    tlsOptions: { rejectUnauthorized: false },
  } as autocannon.Options);
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    bad: result.non2xx + result.errors,
  };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** Opens STREAMS streams through `nginx`, makes CHANGES admin changes, measures each arrival. */
async function fanOut(nginx: Nginx, api: ApiProcess) {
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity, rejectUnauthorized: false });
  const arrivals: number[][] = Array.from({ length: CHANGES }, () => []);
  const sentAt: number[] = [];
  const requests: ReturnType<typeof request>[] = [];
  let ready = 0;
  await new Promise<void>((resolve, reject) => {
    for (let i = 0; i < STREAMS; i += 1) {
      const req = request(`${nginx.url}/v1/events?territory=roya`, { agent }, (res) => {
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const message = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            if (message.startsWith('event: ready')) {
              ready += 1;
              if (ready === STREAMS) resolve();
            } else if (message.startsWith('event: phase.updated')) {
              const n = Math.round((Number(/"progress":(0\.\d+)/.exec(message)?.[1]) - 0.501) * 100);
              if (n >= 0 && n < CHANGES) arrivals[n]!.push(performance.now() - sentAt[n]!);
            }
          }
        });
      });
      req.on('error', reject);
      req.end();
      requests.push(req);
    }
  });
  for (let n = 0; n < CHANGES; n += 1) {
    sentAt[n] = performance.now();
    const patched = await fetch(`${api.url}/v1/admin/territories/roya/phases/coalition`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ progress: Number((0.501 + n / 100).toFixed(3)) }),
    });
    if (!patched.ok) throw new Error(`admin change ${n}: ${patched.status} ${await patched.text()}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  await new Promise((r) => setTimeout(r, 1500));
  for (const r of requests) r.destroy();
  agent.destroy();
  const all = arrivals.flat().sort((a, b) => a - b);
  return {
    p50: Math.round(percentile(all, 50)),
    p99: Math.round(percentile(all, 99)),
    delivered: all.length,
  };
}

async function main() {
  const folders = [privateFolder('tec-bench-nginx-'), privateFolder('tec-bench-nginx-')];
  const apis: ApiProcess[] = [];
  const proxies: Nginx[] = [];
  try {
    const urls = await createDeploymentDatabase();
    const env = {
      DATABASE_URL: urls.api,
      TEC_MIGRATION_DATABASE_URL: urls.owner,
      TEC_TRUST_PROXY: '1',
      TEC_ADMIN_TOKEN: ADMIN_TOKEN,
      TEC_SIGNUP_RATE: '0',
      TEC_READ_RATE: '0',
      TEC_STREAMS_PER_CLIENT: '0',
      TEC_PG_POOL: '10',
    };
    const ports = [await freePort(), await freePort()];
    for (const port of ports) apis.push(await startApi(port, env));
    for (const api of apis) await waitReady(api);
    proxies.push(await startNginx({ folder: folders[0]!, upstreams: [ports[0]!], limits: false }));
    proxies.push(await startNginx({ folder: folders[1]!, upstreams: ports, limits: false }));
    const [one, two] = proxies as [Nginx, Nginx];

    // The ceiling: the same bytes from a file, by nginx B (its site root).
    const bytes = await (await fetch(`${apis[0]!.url}${PATH}`)).text();
    writeFileSync(join(folders[1]!, 'site', 'members.json'), bytes);

    console.log(
      `members page: ${bytes.length} bytes; ${CONNECTIONS} connections over TLS, ${DURATION} s per run; ` +
        `${STREAMS} streams, ${CHANGES} changes`,
    );
    // Warm each path once (TLS session cache, API caches).
    for (const base of [one.url, two.url]) await load(`${base}${PATH}`).catch(() => undefined);
    const reads1 = await load(`${one.url}${PATH}`);
    const reads2 = await load(`${two.url}${PATH}`);
    const ceiling = await load(`${two.url}/members.json`);
    const fan1 = await fanOut(one, apis[0]!);
    // Let the first run's 1,000 closed streams be torn down before the second opens its own.
    await new Promise((r) => setTimeout(r, 3000));
    const fan2 = await fanOut(two, apis[1]!);

    const row = (name: string, a: Load) =>
      `| ${name} | ${a.rps} | ${a.p50} | ${a.p99} | ${(a.rps / ceiling.rps).toFixed(2)} | ${a.bad} |`;
    console.log('\n| through nginx | req/s | p50 ms | p99 ms | / ceiling | non-2xx + errors |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    console.log(row('GET members, 1 API process', reads1));
    console.log(row('GET members, 2 API processes', reads2));
    console.log(row('same JSON from a file (ceiling)', ceiling));
    console.log(`\nReads, 2 processes / 1 process: ${(reads2.rps / reads1.rps).toFixed(2)}`);
    console.log(
      `Fan-out to ${STREAMS} streams, 1 process: p50 ${fan1.p50} ms, p99 ${fan1.p99} ms ` +
        `(${fan1.delivered} of ${STREAMS * CHANGES} deliveries)`,
    );
    console.log(
      `Fan-out to ${STREAMS} streams, 2 processes: p50 ${fan2.p50} ms, p99 ${fan2.p99} ms ` +
        `(${fan2.delivered} of ${STREAMS * CHANGES} deliveries)`,
    );
    console.log(`Fan-out p99, 2 processes / 1 process: ${(fan2.p99 / fan1.p99).toFixed(2)}`);
  } finally {
    await Promise.all(apis.map((a) => a.stop('SIGTERM')));
    await Promise.all(proxies.map((p) => p.stop()));
    cleanup(folders);
  }
}

await main();
process.exit(0);
