/**
 * End to end, production as deploy/ ships it (issue 18): PostgreSQL with the least-privilege
 * roles, two API processes, nginx in front with deploy/nginx/tec.conf (templated only for ports
 * and paths) over TLS — all on the loopback, in private folders, stopped at the end. Simulated
 * clients come from distinct loopback addresses (127.x.y.z), as nginx and the API key their
 * per-client limits on the address.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import postgres from 'postgres';
import { migrations } from '@tec/api';
import { freePort } from '@tec/api/testing';
import { chromium } from 'playwright';
import { buildDemo, settled, startDemoServer } from '../../scripts/demo.js';
import {
  ADMIN_TOKEN,
  call,
  cleanup,
  clientAddress,
  closeAgents,
  copyCdnSet,
  createDeploymentDatabase,
  postgresBin,
  privateFolder,
  resumingStream,
  root,
  startApi,
  startNginx,
  waitReady,
  version,
  type ApiProcess,
  type DatabaseUrls,
  type Nginx,
} from './deployment.js';

const folders: string[] = [];
let urls: DatabaseUrls;
let ports: [number, number];
let apis: [ApiProcess, ApiProcess];
let nginx: Nginx;
let cdn: string;
let env: Record<string, string>;
/** Each test's simulated clients come from their own block of addresses. */
let nextClient = 0;
const newClient = () => clientAddress(10, nextClient++);

before(async () => {
  await buildDemo({ log: () => {} });
  urls = await createDeploymentDatabase();
  ports = [await freePort(), await freePort()];
  const folder = privateFolder('tec-nginx-');
  folders.push(folder);
  cdn = copyCdnSet(folder);
  const httpsPort = await freePort();
  env = {
    DATABASE_URL: urls.api,
    TEC_MIGRATION_DATABASE_URL: urls.owner,
    TEC_TRUST_PROXY: '1',
    TEC_ADMIN_TOKEN: ADMIN_TOKEN,
    // Low enough for the test to reach from one client; each sign-up burst client sends fewer.
    TEC_SIGNUP_RATE: '3',
    TEC_HEARTBEAT_MS: '5000',
    // The demo page is served by nginx itself: its origin sends the sign-up.
    TEC_ALLOWED_ORIGINS: `https://127.0.0.1:${httpsPort}`,
  };
  // Both at once on the empty database: they race for the migrations.
  apis = (await Promise.all(ports.map((port) => startApi(port, env)))) as [ApiProcess, ApiProcess];
  nginx = await startNginx({ folder, upstreams: ports, httpsPort });
  // The residents' demo page, filled in for this origin, as the docs site would publish it.
  const demo = await startDemoServer({ apiUrl: nginx.url });
  try {
    mkdirSync(join(folder, 'site', 'habitants'), { recursive: true });
    writeFileSync(
      join(folder, 'site', 'habitants', 'index.html'),
      await (await fetch(`${demo.url}/habitants/`)).text(),
    );
    writeFileSync(join(folder, 'site', 'demo.css'), await (await fetch(`${demo.url}/demo.css`)).text());
  } finally {
    await demo.close();
  }
});

after(async () => {
  closeAgents();
  await Promise.all((apis ?? []).map((api) => api.stop('SIGTERM')));
  await nginx?.stop();
  cleanup(folders);
});

const admin = (base: string, method: string, path: string, body?: unknown) =>
  call(base, method, `/v1/admin${path}`, { body, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });

/** Admin calls straight to one process (plain HTTP on its port), bypassing nginx. */
async function adminDirect(api: ApiProcess, method: string, path: string, body?: unknown) {
  const response = await fetch(`${api.url}/v1/admin${path}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.equal(response.status, 200, await response.clone().text());
  return response.json();
}

async function openStreams(api: ApiProcess): Promise<number> {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  return Number(/^tec_open_streams (\d+)$/m.exec(text)?.[1] ?? NaN);
}

describe('production deployment: PostgreSQL, two API processes, nginx', () => {
  it('migrated once with the owner role; the serving role cannot alter the schema', async () => {
    const owner = postgres(urls.owner, { max: 1, onnotice: () => {} });
    const api = postgres(urls.api, { max: 1, onnotice: () => {} });
    try {
      const rows = await owner<{ version: number }[]>`select version from schema_migrations order by version`;
      assert.deepEqual(
        rows.map((r) => r.version),
        migrations.map((m) => m.version),
      );
      for (const statement of [
        'create table intruder (id int)',
        'alter table engagements add column extra text',
        'drop table events',
        'truncate engagements',
      ]) {
        await assert.rejects(api.unsafe(statement), { code: '42501' }, statement);
      }
      // …while it reads and writes rows.
      const [count] = await api<{ n: number }[]>`select count(*)::int as n from territories`;
      assert.ok(count!.n >= 6);
    } finally {
      await owner.end({ timeout: 2 });
      await api.end({ timeout: 2 });
    }
  });

  it('serves the CDN set precompressed: brotli or gzip bytes, immutable chunks, a short-lived loader', async () => {
    const manifest = JSON.parse(readFileSync(join(cdn, 'manifest.json'), 'utf8')) as {
      files: Record<string, unknown>;
    };
    const chunk = Object.keys(manifest.files).find((f) => /-[a-z0-9]{8}\.js$/.test(f));
    assert.ok(chunk, 'the manifest lists hashed chunks');
    for (const [file, cache] of [
      ['tec.js', /max-age=300\b/],
      [chunk, /max-age=31536000, immutable/],
    ] as const) {
      const path = `/cdn/${version}/${file}`;
      const br = await call(nginx.url, 'GET', path, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
      assert.equal(br.status, 200, path);
      assert.equal(br.headers['content-encoding'], 'br', path);
      assert.equal(br.body.length, statSync(join(cdn, `${file}.br`)).size, `${path} is the .br file`);
      assert.match(String(br.headers['content-type']), /javascript/);
      assert.match(String(br.headers['cache-control']), cache);
      assert.equal(br.headers['access-control-allow-origin'], '*');
      const gz = await call(nginx.url, 'GET', path, { headers: { 'accept-encoding': 'gzip' } });
      assert.equal(gz.headers['content-encoding'], 'gzip', path);
      assert.equal(gz.body.length, statSync(join(cdn, `${file}.gz`)).size, `${path} is the .gz file`);
      const plain = await call(nginx.url, 'GET', path, { headers: { 'accept-encoding': 'identity' } });
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body.length, statSync(join(cdn, file)).size);
      assert.ok(br.body.length < plain.body.length);
    }
  });

  it('runs the demo page in Chromium through nginx: widgets from the precompressed CDN set, read and sign up', async () => {
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    try {
      const context = await browser.newContext({ ignoreHTTPSErrors: true });
      const page = await context.newPage();
      const cdnResponses: { url: string; encoding: string | undefined; status: number }[] = [];
      const errors: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/cdn/')) {
          cdnResponses.push({ url: r.url(), encoding: r.headers()['content-encoding'], status: r.status() });
        }
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${nginx.url}/habitants/`);
      await settled(page, ['loaded']);
      const scripts = cdnResponses.filter((r) => r.url.endsWith('.js'));
      assert.ok(
        scripts.length >= 3,
        `the loader and widget chunks came from /cdn/: ${JSON.stringify(cdnResponses)}`,
      );
      for (const r of cdnResponses) {
        assert.equal(r.status, 200, r.url);
        assert.equal(r.encoding, 'br', `${r.url} was sent as its .br file`);
      }
      // Sign up as a resident would, through the form.
      const cta = page.locator('tec-engagement-cta');
      await cta.locator('[data-choose="opp_roya_1"]').click();
      await cta.locator('#firstName').fill('Léa');
      await cta.locator('#email').fill('lea.chromium@example.org');
      await cta.locator('#availability').check();
      await cta.locator('#consent').check();
      await cta.locator('button[type="submit"]').click();
      await cta.locator('#confirmation').waitFor();
      assert.deepEqual(errors, []);
      const owner = postgres(urls.owner, { max: 1, onnotice: () => {} });
      try {
        const rows = await owner`select id from engagements where email = 'lea.chromium@example.org'`;
        assert.equal(rows.length, 1);
      } finally {
        await owner.end({ timeout: 2 });
      }
    } finally {
      await browser.close();
    }
  });

  it('reads and takes sign-ups through nginx, and refuses a body larger than the API would', async () => {
    const territory = await call(nginx.url, 'GET', '/v1/territories/roya', { from: newClient() });
    assert.equal(territory.status, 200, territory.text);
    assert.equal((JSON.parse(territory.text) as { slug: string }).slug, 'roya');
    const created = await call(nginx.url, 'POST', '/v1/territories/roya/engagements', {
      from: newClient(),
      body: {
        opportunityId: 'opp_roya_1',
        firstName: 'Camille',
        email: 'camille.nginx@example.org',
        availability: ['week-end'],
        consent: true,
      },
    });
    assert.equal(created.status, 201, created.text);
    const large = await call(nginx.url, 'POST', '/v1/territories/roya/engagements', {
      from: newClient(),
      raw: JSON.stringify({ message: 'x'.repeat(20_000) }),
      headers: { 'content-type': 'application/json' },
    });
    assert.equal(large.status, 413);
  });

  it('delivers an admin change made on one process to streams held by the other within 1 s', async () => {
    const streams = Array.from({ length: 4 }, () =>
      resumingStream(nginx.url, '/v1/events?territory=roya', newClient()),
    );
    try {
      for (const s of streams) await s.until(() => s.events.some((e) => e.event === 'ready'), 'ready');
      // nginx spread them: each process holds some (read from each one's own metrics).
      assert.ok((await openStreams(apis[0])) >= 1, 'process 1 holds a stream');
      assert.ok((await openStreams(apis[1])) >= 1, 'process 2 holds a stream');
      for (const [i, api] of apis.entries()) {
        const progress = 0.3 + i / 10;
        await adminDirect(api, 'PATCH', '/territories/roya/phases/cooperations', { progress });
        const arrived = (s: ReturnType<typeof resumingStream>) =>
          s.events.some((e) => e.event === 'phase.updated' && e.data.includes(`"progress":${progress}`));
        await Promise.all(
          streams.map((s) => s.until(() => arrived(s), `the change made on process ${i + 1}`, 1000)),
        );
      }
    } finally {
      streams.forEach((s) => s.close());
    }
  });

  it('loses no acknowledged sign-up and no event when a process is killed (SIGKILL) mid-burst', async () => {
    const startId = await lastEventId();
    const streams = Array.from({ length: 6 }, () =>
      resumingStream(nginx.url, '/v1/events?territory=roya', newClient()),
    );
    const receipts: string[] = [];
    let stop = false;
    let refused = 0;
    const signups = async (w: number) => {
      for (let i = 0; !stop; i += 1) {
        try {
          const reply = await call(nginx.url, 'POST', '/v1/territories/roya/engagements', {
            from: newClient(), // one sign-up per client: far under every limit
            body: {
              opportunityId: 'opp_roya_1',
              firstName: 'Burst',
              email: `burst-${w}-${i}@example.org`,
              availability: ['week-end'],
              consent: true,
            },
          });
          if (reply.status === 201) receipts.push((JSON.parse(reply.text) as { id: string }).id);
          else refused += 1;
        } catch {
          refused += 1;
        }
      }
    };
    let changes = 0;
    const adminChanges = async () => {
      for (let i = 0; !stop; i += 1) {
        const reply = await admin(nginx.url, 'PATCH', '/territories/roya/phases/cooperations', {
          progress: Math.round((0.4 + (i % 50) / 100) * 100) / 100,
        }).catch(() => undefined);
        if (reply?.status === 200) changes += 1;
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    try {
      for (const s of streams) await s.until(() => s.events.some((e) => e.event === 'ready'), 'ready');
      const workers = [...Array.from({ length: 6 }, (_, w) => signups(w)), adminChanges()];
      await waitFor(() => receipts.length >= 40, '40 sign-ups before the kill');
      await apis[0].stop('SIGKILL');
      const atKill = receipts.length;
      await waitFor(() => receipts.length >= atKill + 40, '40 sign-ups after the kill');
      stop = true;
      await Promise.all(workers);
      assert.ok(changes > 0, 'admin changes went through during the burst');

      // Every acknowledged sign-up is stored.
      const owner = postgres(urls.owner, { max: 1, onnotice: () => {} });
      let expected: string[];
      try {
        const stored = new Set(
          (await owner<{ id: string }[]>`select id from engagements where id = any(${receipts})`).map(
            (r) => r.id,
          ),
        );
        const lost = receipts.filter((id) => !stored.has(id));
        assert.equal(
          lost.length,
          0,
          `${lost.length} of ${receipts.length} acknowledged sign-ups were lost (${refused} refused or cut)`,
        );
        expected = (
          await owner<{ id: string }[]>`select id::text as id from events
            where events.id > ${startId}::bigint and territory = 'roya' order by events.id`
        ).map((r) => r.id);
      } finally {
        await owner.end({ timeout: 2 });
      }
      // Every stream resumed (on the survivor) and has every event, once, in order.
      const last = expected.at(-1)!;
      for (const s of streams) {
        await s.until(() => s.ids().includes(last), `event ${last} on every stream`, 5000);
        assert.deepEqual(s.ids(), expected, 'the stream saw every event once, in order');
      }
      assert.ok(
        streams.some((s) => s.connections > 1),
        'some streams were on the killed process and reconnected',
      );
    } finally {
      stop = true;
      streams.forEach((s) => s.close());
      // Bring the killed process back for the next tests.
      if (apis[0].process.exitCode === null && apis[0].process.signalCode === null)
        await apis[0].stop('SIGKILL');
      apis[0] = await startApi(ports[0], env);
      await waitReady(apis[0]);
    }
  });

  it('keeps serving during a rolling restart of both processes: no 5xx', async () => {
    const statuses = new Map<number, number>();
    let failures = 0;
    let stop = false;
    const paths = ['/v1/territories', '/v1/territories/roya', '/v1/territories/roya/phases', '/v1/health'];
    const reader = async (w: number) => {
      const from = newClient();
      for (let i = 0; !stop; i += 1) {
        try {
          const reply = await call(nginx.url, 'GET', paths[(w + i) % paths.length]!, { from });
          statuses.set(reply.status, (statuses.get(reply.status) ?? 0) + 1);
        } catch {
          failures += 1;
        }
        // Under nginx's 20 reads/s per client.
        await new Promise((r) => setTimeout(r, 60));
      }
    };
    const readers = Array.from({ length: 8 }, (_, w) => reader(w));
    try {
      for (const i of [0, 1] as const) {
        // What tec-rolling-restart does through systemd: SIGTERM, start again, wait until ready.
        assert.equal(await apis[i].stop('SIGTERM'), 0, 'drained and exited 0');
        apis[i] = await startApi(ports[i], env);
        await waitReady(apis[i]);
      }
    } finally {
      stop = true;
      await Promise.all(readers);
    }
    const total = [...statuses.values()].reduce((a, b) => a + b, 0);
    const errors = [...statuses].filter(([status]) => status >= 500);
    assert.deepEqual(errors, [], `server errors during the restart: ${JSON.stringify([...statuses])}`);
    assert.equal(failures, 0, 'no failed connection');
    assert.ok(total >= 50, `${total} reads during the restart`);
    assert.deepEqual([...statuses.keys()], [200]);
  });

  it('limits each real client: a forged X-Forwarded-For does not get past the limits', async () => {
    // TEC_SIGNUP_RATE=3 per process and two processes: at most 6 from one client per minute.
    const client = newClient();
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      const reply = await call(nginx.url, 'POST', '/v1/territories/roya/engagements', {
        from: client,
        headers: { 'x-forwarded-for': `198.51.100.${i + 1}`, 'x-real-ip': `198.51.100.${i + 1}` },
        body: {
          opportunityId: 'opp_roya_1',
          firstName: 'Forge',
          email: `forge-${i}@example.org`,
          availability: ['week-end'],
          consent: true,
        },
      });
      statuses.push(reply.status);
      if (reply.status === 429) assert.match(String(reply.headers['content-type']), /problem\+json/);
    }
    const accepted = statuses.filter((s) => s === 201).length;
    assert.ok(accepted >= 3 && accepted <= 6, `accepted ${accepted} of 10: ${statuses.join(' ')}`);
    assert.ok(statuses.includes(429), 'the API refused the rest');
    // Another real client is counted apart.
    const other = await call(nginx.url, 'POST', '/v1/territories/roya/engagements', {
      from: newClient(),
      body: {
        opportunityId: 'opp_roya_1',
        firstName: 'Autre',
        email: 'other-client@example.org',
        availability: ['week-end'],
        consent: true,
      },
    });
    assert.equal(other.status, 201, other.text);
  });
});

describe('deploy/ scripts and units', () => {
  it('backs up with tec-backup and restores the dump completely with tec-restore-drill', async () => {
    const backups = privateFolder('tec-backups-');
    folders.push(backups);
    const server = new URL(urls.superuser);
    const env = {
      ...process.env,
      PATH: `${dirname(postgresBin('pg_dump'))}:${process.env.PATH}`,
      PGHOST: server.hostname,
      PGPORT: server.port,
      PGUSER: decodeURIComponent(server.username),
      PGDATABASE: 'postgres',
      TEC_DB: server.pathname.slice(1),
      TEC_BACKUP_DIR: backups,
    };
    const backup = spawnSync(join(root, 'deploy/tec-backup'), { env, encoding: 'utf8' });
    assert.equal(backup.status, 0, backup.stderr);
    const drill = spawnSync(join(root, 'deploy/tec-restore-drill'), { env, encoding: 'utf8' });
    assert.equal(drill.status, 0, drill.stderr);
    const owner = postgres(urls.owner, { max: 1, onnotice: () => {} });
    try {
      const [live] = await owner<{ n: number }[]>`select count(*)::int as n from engagements`;
      assert.ok(live!.n > 80, 'the sign-ups of the burst are in the database');
      assert.match(drill.stdout, new RegExp(`^engagements ${live!.n}$`, 'm'));
      assert.match(drill.stdout, new RegExp(`^schema_version ${migrations.at(-1)!.version}$`, 'm'));
      // The scratch database is gone.
      const [left] = await owner<
        { n: number }[]
      >`select count(*)::int as n from pg_database where datname like '%restore_drill'`;
      assert.equal(left!.n, 0);
    } finally {
      await owner.end({ timeout: 2 });
    }
  });

  const analyze = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) => existsSync(p));
  it(
    'ships a systemd unit that systemd accepts, with an exposure level of at most 2 (OK)',
    { skip: analyze ? false : 'systemd-analyze is not installed (apt-get install systemd)' },
    () => {
      const units = privateFolder('tec-units-');
      folders.push(units);
      copyFileSync(join(root, 'deploy/systemd/tec-api@.service'), join(units, 'tec-api@.service'));
      copyFileSync(join(root, 'deploy/systemd/tec-api.target'), join(units, 'tec-api.target'));
      const unit = join(units, 'tec-api@8801.service');
      const verify = spawnSync(analyze!, ['verify', '--man=no', unit], { encoding: 'utf8' });
      assert.equal(verify.status, 0, verify.stderr);
      assert.equal(
        verify.stderr.replace(/.*(No such file|not found|Failed to connect).*\n?/g, ''),
        '',
        'no warning',
      );
      const security = spawnSync(analyze!, ['security', '--offline=true', '--no-pager', unit], {
        encoding: 'utf8',
      });
      const level = Number(/Overall exposure level for [^:]+: ([\d.]+)/.exec(security.stdout)?.[1]);
      assert.ok(level <= 2, `exposure ${level}: ${security.stdout.slice(-500)}`);
    },
  );
});

async function waitFor(test: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function lastEventId(): Promise<string> {
  const sql = postgres(urls.owner, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ id: string }[]>`select coalesce(max(id), 0)::text as id from events`;
    return row!.id;
  } finally {
    await sql.end({ timeout: 2 });
  }
}
