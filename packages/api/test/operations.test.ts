// What operations rely on: migrations run once however many processes start together, readiness
// versus liveness, and the Prometheus endpoint with its access rule.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import postgres from 'postgres';
import { migrations } from '@tec/api';
import { createTestDatabase, startTestServer, type TestServer } from '@tec/api/testing';
import { assertProblem, get, request, signup } from './helpers.js';

const servers: TestServer[] = [];
after(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

/** GET with raw headers over node:http (fetch may not send `Forwarded`-like headers as given). */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; text: string; type: string; etag: string }>((resolve, reject) => {
    httpRequest(url, { headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          text,
          type: String(res.headers['content-type'] ?? ''),
          etag: String(res.headers.etag ?? ''),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

describe('several processes starting at once on one PostgreSQL', () => {
  it('migrate an empty database exactly once and all start', async () => {
    const databaseUrl = await createTestDatabase();
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => startTestServer({ engine: 'postgres', databaseUrl })),
    );
    const started = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    servers.push(...started);
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    assert.deepEqual(failed, [], 'every process started');
    const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
    try {
      const rows = await sql<{ version: number }[]>`select version from schema_migrations order by version`;
      assert.deepEqual(
        rows.map((r) => r.version),
        migrations.map((m) => m.version),
      );
    } finally {
      await sql.end({ timeout: 2 });
    }
    for (const server of started) assert.equal((await get(server, '/v1/health')).status, 200);
  });

  it('reports not ready on a database whose migrations are not done, while still live', async () => {
    const server = await startTestServer({ engine: 'postgres' });
    servers.push(server);
    const sql = postgres(server.databaseUrl!, { max: 1, onnotice: () => {} });
    try {
      // The state of a database an older release migrated: the last migration not applied yet.
      await sql`delete from schema_migrations where version = ${migrations[migrations.length - 1]!.version}`;
      const ready = assertProblem(await get(server, '/v1/health'), 503, 'unavailable');
      assert.match(ready.detail ?? '', /migrations not done/);
      const live = await get<{ status: string; draining: boolean }>(server, '/v1/health/live');
      assert.equal(live.status, 200);
      assert.deepEqual([live.body.status, live.body.draining], ['ok', false]);
    } finally {
      await sql.end({ timeout: 2 });
    }
  });
});

describe('metrics', () => {
  it('serves Prometheus text to the loopback, counting requests, sign-ups, streams and the pool', async () => {
    const server = await startTestServer({
      engine: 'postgres',
      config: { metricsToken: 'metrics-token-0123456789' },
    });
    servers.push(server);
    await get(server, '/v1/territories/roya');
    const created = await request(server, 'POST', '/v1/territories/roya/engagements', {
      body: signup('opp_roya_1', { email: 'metrics@example.org' }),
    });
    assert.equal(created.status, 201, created.text);
    const reply = await rawGet(`${server.url}/metrics`);
    assert.equal(reply.status, 200);
    assert.match(reply.type, /^text\/plain/);
    assert.match(reply.text, /tec_http_requests_total\{route="getTerritory",status="200"\} 1$/m);
    assert.match(reply.text, /tec_http_request_duration_seconds_count\{route="getTerritory"\} 1$/m);
    // Then read from the cache (the fast path): a 200, and two 304s, each counted and timed once.
    const again = await rawGet(`${server.url}/v1/territories/roya`, { 'accept-encoding': 'br' });
    assert.equal(again.status, 200);
    for (const tag of [again.etag, `W/${again.etag}`]) {
      const same = await rawGet(`${server.url}/v1/territories/roya`, { 'if-none-match': tag });
      assert.equal(same.status, 304, tag);
    }
    const later = (await rawGet(`${server.url}/metrics`)).text;
    assert.match(later, /tec_http_requests_total\{route="getTerritory",status="200"\} 2$/m);
    assert.match(later, /tec_http_requests_total\{route="getTerritory",status="304"\} 2$/m);
    assert.match(later, /tec_http_request_duration_seconds_count\{route="getTerritory"\} 4$/m);
    assert.match(reply.text, /tec_signups_total\{territory="roya"\} 1/);
    assert.match(reply.text, /tec_open_streams 0/);
    assert.match(reply.text, /tec_db_pool_size 10/);
    // Background work (the event poll, housekeeping) may hold a connection at this moment.
    const busy = Number(/^tec_db_pool_busy (\d+)$/m.exec(reply.text)?.[1]);
    assert.ok(busy >= 0 && busy <= 10, `pool busy ${busy}`);
    assert.match(reply.text, /tec_event_delivery_lag_seconds_count \d+/);
  });

  it('refuses what came through a proxy unless it carries the token', async () => {
    const server = await startTestServer({ config: { metricsToken: 'metrics-token-0123456789' } });
    servers.push(server);
    const proxied = await rawGet(`${server.url}/metrics`, { 'x-forwarded-for': '203.0.113.9' });
    assert.equal(proxied.status, 403);
    assert.match(proxied.type, /^application\/problem\+json/);
    const wrong = await rawGet(`${server.url}/metrics`, {
      'x-forwarded-for': '203.0.113.9',
      authorization: 'Bearer metrics-token-0123456780',
    });
    assert.equal(wrong.status, 403);
    const withToken = await rawGet(`${server.url}/metrics`, {
      'x-forwarded-for': '203.0.113.9',
      authorization: 'Bearer metrics-token-0123456789',
    });
    assert.equal(withToken.status, 200);
    assert.match(withToken.text, /tec_http_requests_total/);
  });
});
