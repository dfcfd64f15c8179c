// Issue 13's findings, each as a regression test against the real server on both engines:
// hostile text and dates, oversold places, proxy headers, admin guessing, event stream bounds,
// and the low ones (honeypot, cache flushing, aborted uploads, headers, DNS rebinding, 1e309).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EngagementReceipt, Opportunity, Problem } from '@tec/contract';
import { readConfig } from '@tec/api';
import { ENGINES, createTestDatabase, startTestServer, type Engine, type TestServer } from '@tec/api/testing';
import { clientAddress } from '../src/http/client-address.js';
import { runAdminCommand } from '../src/admin/commands.js';
import { admin, assertProblem, get, openStream, request, signup } from './helpers.js';

const OPPORTUNITY = {
  kind: 'atelier-cooperation',
  title: 'Atelier mobilité',
  startsAt: '2026-12-10T18:00:00Z',
  endsAt: '2026-12-10T20:00:00Z',
  place: null,
  capacity: 3,
};

async function newOpportunity(server: TestServer, fields: Record<string, unknown> = {}) {
  const reply = await admin<Opportunity>(server, 'POST', '/territories/roya/opportunities', {
    ...OPPORTUNITY,
    ...fields,
  });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

async function stored(server: TestServer, opportunityId: string): Promise<number> {
  const [row] = await server.db.query<{ n: number }>(
    'select count(*)::int as n from engagements where opportunity_id = $1',
    [opportunityId],
  );
  return row!.n;
}

/** A request with a Host header of our choosing (fetch does not let one set it). */
function withHost(server: TestServer, path: string, host: string, token: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const url = new URL(server.url);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path,
        headers: { host, authorization: `Bearer ${token}` },
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

for (const engine of ENGINES) {
  describe(`hardening on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ engine });
    });
    after(() => server.close());

    describe('text and dates PostgreSQL would refuse are refused at the contract, naming the field', () => {
      const cases: [string, Record<string, unknown>, string][] = [
        ['NUL in a first name', { firstName: 'Ca\u0000mille' }, 'body.firstName'],
        ['a C0 control in a first name', { firstName: 'Ca\u0007mille' }, 'body.firstName'],
        ['a C1 control in a message', { message: 'Bonjour\u0085' }, 'body.message'],
        ['NUL in a message', { message: 'a\u0000b' }, 'body.message'],
        ['an unpaired surrogate', { firstName: 'Ca\ud800mille' }, 'body.firstName'],
        ['a right-to-left override in a name', { firstName: 'Ca\u202emille' }, 'body.firstName'],
      ];
      for (const [what, fields, path] of cases) {
        it(`${what}: 400 naming ${path}, nothing stored`, async () => {
          const before = await stored(server, 'opp_roya_1');
          const reply = await request(server, 'POST', '/v1/territories/roya/engagements', {
            body: signup('opp_roya_1', fields),
          });
          const problem = assertProblem(reply, 400, 'validation');
          assert.ok(
            problem.errors?.some((e) => e.path === path),
            JSON.stringify(problem.errors),
          );
          assert.equal(await stored(server, 'opp_roya_1'), before);
        });
      }

      it('keeps line breaks and tabs in a multi-line message', async () => {
        const reply = await request<EngagementReceipt>(server, 'POST', '/v1/territories/roya/engagements', {
          body: signup('opp_roya_1', { message: 'Bonjour,\n\tà bientôt', email: 'lines@example.org' }),
        });
        assert.equal(reply.status, 201, reply.text);
      });

      it('NUL in q, and a cursor that decodes to NUL: 400 naming the query field', async () => {
        const q = await get(server, '/v1/territories/roya/members?q=a%00b');
        assert.equal(assertProblem(q, 400, 'validation').errors?.[0]?.path, 'query.q');
        const cursor = Buffer.from(JSON.stringify(['\u0000', 'x'])).toString('base64url');
        const c = await get(server, `/v1/territories/roya/members?cursor=${cursor}`);
        assert.equal(assertProblem(c, 400, 'validation').errors?.[0]?.path, 'query.cursor');
      });

      it('dates in year 0000 or far away: 400 naming the field', async () => {
        for (const [field, value] of [
          ['startsAt', '0000-01-01T00:00:00Z'],
          ['endsAt', '9999-12-31T00:00:00Z'],
        ] as const) {
          const reply = await admin(server, 'POST', '/territories/roya/opportunities', {
            ...OPPORTUNITY,
            [field]: value,
          });
          const problem = assertProblem(reply, 400, 'validation');
          assert.deepEqual(
            problem.errors?.map((e) => e.path),
            [`body.${field}`],
          );
        }
        const phase = await admin(server, 'PATCH', '/territories/roya/phases/coalition', {
          startDate: '0000-01-01',
        });
        assert.equal(assertProblem(phase, 400, 'validation').errors?.[0]?.path, 'body.startDate');
      });

      it('a body that is not valid UTF-8: 400 naming the body, not stored as U+FFFD', async () => {
        const json = JSON.stringify(signup('opp_roya_1', { firstName: 'XX', email: 'utf8@example.org' }));
        const bytes = Buffer.from(json);
        const at = bytes.indexOf('XX');
        bytes[at] = 0xc3; // a lead byte followed by an ASCII one: invalid
        const response = await fetch(`${server.url}/v1/territories/roya/engagements`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: bytes,
        });
        const problem = (await response.json()) as Problem;
        assert.equal(response.status, 400);
        assert.equal(problem.errors?.[0]?.path, 'body');
        const rows = await server.db.query("select 1 from engagements where email = 'utf8@example.org'");
        assert.equal(rows.length, 0);
      });

      it('says why 1e309 is refused (not "must be a number, not a number")', async () => {
        const reply = await request(server, 'POST', '/v1/admin/territories/roya/opportunities', {
          raw: JSON.stringify(OPPORTUNITY).replace('"capacity":3', '"capacity":1e309'),
          headers: { 'content-type': 'application/json' },
          token: server.adminToken,
        });
        const problem = assertProblem(reply, 400, 'validation');
        const message = problem.errors?.find((e) => e.path === 'body.capacity')?.message ?? '';
        assert.doesNotMatch(message, /not a number$/);
        assert.match(message, /too large/);
      });
    });

    describe('places cannot be oversold', () => {
      it('counts sign-ups: capacity null then 3 after 3 sign-ups keeps the 3 taken', async () => {
        const opp = await newOpportunity(server);
        for (let i = 0; i < 3; i += 1) {
          const r = await request(server, 'POST', '/v1/territories/roya/engagements', {
            body: signup(opp.id, { email: `first-${i}@example.org` }),
          });
          assert.equal(r.status, 201, r.text);
        }
        assert.equal(
          (await admin(server, 'PATCH', `/territories/roya/opportunities/${opp.id}`, { capacity: null }))
            .status,
          200,
        );
        const back = await admin<Opportunity>(server, 'PATCH', `/territories/roya/opportunities/${opp.id}`, {
          capacity: 3,
        });
        assert.equal(back.status, 200, back.text);
        assert.equal(back.body.placesLeft, 0);
        for (let i = 0; i < 3; i += 1) {
          const r = await request(server, 'POST', '/v1/territories/roya/engagements', {
            body: signup(opp.id, { email: `second-${i}@example.org` }),
          });
          assertProblem(r, 409, 'opportunity-full');
        }
        assert.equal(await stored(server, opp.id), 3);
      });

      it('refuses a capacity below the places taken, naming body.capacity', async () => {
        const opp = await newOpportunity(server, { capacity: 5 });
        for (let i = 0; i < 2; i += 1) {
          await request(server, 'POST', '/v1/territories/roya/engagements', {
            body: signup(opp.id, { email: `below-${i}@example.org` }),
          });
        }
        const reply = await admin(server, 'PATCH', `/territories/roya/opportunities/${opp.id}`, {
          capacity: 1,
        });
        const problem = assertProblem(reply, 400, 'validation');
        assert.equal(problem.errors?.[0]?.path, 'body.capacity');
        assert.match(problem.detail ?? '', /2 places already taken/);
        const ok = await admin<Opportunity>(server, 'PATCH', `/territories/roya/opportunities/${opp.id}`, {
          capacity: 2,
        });
        assert.equal(ok.body.placesLeft, 0);
      });
    });

    describe('the honeypot answers as a real sign-up would', () => {
      it('the same places left, the same 404 and the same 409', async () => {
        const opp = await newOpportunity(server, { capacity: 2 });
        const trap = await request<EngagementReceipt>(server, 'POST', '/v1/territories/roya/engagements', {
          body: signup(opp.id, { website: 'https://spam.example', email: 'bot@example.org' }),
        });
        const real = await request<EngagementReceipt>(server, 'POST', '/v1/territories/roya/engagements', {
          body: signup(opp.id, { email: 'person@example.org' }),
        });
        assert.equal(trap.status, 201);
        assert.equal(trap.body.placesLeft, 1, 'a trap answers the places a sign-up would leave');
        assert.equal(real.body.placesLeft, 1, 'and takes none');
        assert.deepEqual(Object.keys(trap.body).sort(), Object.keys(real.body).sort());
        await request(server, 'POST', '/v1/territories/roya/engagements', {
          body: signup(opp.id, { email: 'person2@example.org' }),
        });
        for (const website of [undefined, 'https://spam.example']) {
          const full = await request(server, 'POST', '/v1/territories/roya/engagements', {
            body: signup(opp.id, { email: 'late@example.org', ...(website ? { website } : {}) }),
          });
          assertProblem(full, 409, 'opportunity-full');
          const missing = await request(server, 'POST', '/v1/territories/roya/engagements', {
            body: signup('opp_nowhere', { email: 'late@example.org', ...(website ? { website } : {}) }),
          });
          const problem = assertProblem(missing, 404, 'not-found');
          assert.equal(problem.detail, 'The opportunity opp_nowhere does not exist.');
        }
        assert.equal(await stored(server, opp.id), 2);
      });
    });

    describe('the read cache', () => {
      it('unknown query parameters do not make new entries', async () => {
        server.cache.clear();
        await get(server, '/v1/territories');
        for (let i = 0; i < 40; i += 1) {
          const reply = await get(server, `/v1/territories?flush=${i}`);
          assert.equal(reply.status, 200);
        }
        const members = await get(server, '/v1/territories/roya/members?limit=5&kind=association');
        const reordered = await get(server, '/v1/territories/roya/members?kind=association&limit=5');
        assert.equal(members.headers.get('etag'), reordered.headers.get('etag'));
        assert.equal(server.cache.size, 2);
      });
    });

    describe('headers on every API response', () => {
      it('nosniff and Referrer-Policy on reads (cold and cached), problems, 304 and streams', async () => {
        const cold = await get(server, '/v1/territories/roya');
        const warm = await get(server, '/v1/territories/roya');
        const notModified = await get(server, '/v1/territories/roya', {
          'if-none-match': warm.headers.get('etag')!,
        });
        const problem = await get(server, '/v1/territories/nowhere');
        const stream = await fetch(`${server.url}/v1/events`);
        for (const reply of [cold, warm, notModified, problem, stream]) {
          assert.equal(reply.headers.get('x-content-type-options'), 'nosniff');
          assert.equal(reply.headers.get('referrer-policy'), 'no-referrer');
        }
        await stream.body?.cancel();
      });
    });

    describe('admin routes check the Host header (DNS rebinding)', () => {
      it('refuse a host name that is not configured, answer an address', async () => {
        const port = new URL(server.url).port;
        const rebound = await withHost(
          server,
          '/v1/admin/territories/roya/engagements',
          `evil.example:${port}`,
          server.adminToken,
        );
        assert.equal(rebound.status, 403, rebound.body);
        assert.match(rebound.body, /TEC_PUBLIC_HOSTS/);
        const direct = await withHost(
          server,
          '/v1/admin/territories/roya/engagements',
          `127.0.0.1:${port}`,
          server.adminToken,
        );
        assert.equal(direct.status, 200, direct.body);
        const local = await withHost(
          server,
          '/v1/admin/territories/roya/engagements',
          `localhost:${port}`,
          server.adminToken,
        );
        assert.equal(local.status, 200, local.body);
        const publicRead = await withHost(server, '/v1/territories', `evil.example:${port}`, '');
        assert.equal(publicRead.status, 200, 'public reads answer any host');
      });
    });

    describe('event streams', () => {
      it('a 20-digit or out-of-range Last-Event-ID gets one reload, then live events', async () => {
        for (const id of ['99999999999999999999', '9223372036854775807', '9223372036854775808']) {
          const stream = openStream(`${server.url}/v1/events?territory=roya`, { 'last-event-id': id });
          try {
            const [reload] = await stream.until('reload');
            const data = JSON.parse(reload!.data) as { lastEventId: string; reason: string };
            assert.equal(data.reason, 'unknown-id');
            assert.equal(reload!.id, data.lastEventId);
            await admin(server, 'PATCH', '/territories/roya/phases/coalition', {
              progress: Math.random() / 2,
            });
            await stream.until('phase.updated');
            assert.equal(stream.ended, false);
          } finally {
            stream.close();
          }
        }
      });
    });

    it('aborted uploads are not logged as 500', async () => {
      const logged: string[] = [];
      const quiet = await startTestServer({
        engine,
        config: { log: 'info' },
        databaseUrl: server.databaseUrl,
      });
      const write = process.stdout.write.bind(process.stdout);
      process.stdout.write = ((chunk: string | Uint8Array) => {
        logged.push(String(chunk));
        return true;
      }) as typeof process.stdout.write;
      try {
        const url = new URL(quiet.url);
        await new Promise<void>((resolve) => {
          const socket = connect(Number(url.port), url.hostname, () => {
            socket.write(
              'POST /v1/territories/roya/engagements HTTP/1.1\r\nHost: 127.0.0.1\r\n' +
                'Content-Type: application/json\r\nContent-Length: 400\r\n\r\n{"opportunityId":',
            );
            setTimeout(() => {
              socket.destroy();
              resolve();
            }, 50);
          });
        });
        // The server notices the abort when it reads; a normal request after it is the barrier.
        await get(quiet, '/v1/territories');
        await new Promise((r) => setTimeout(r, 200));
      } finally {
        process.stdout.write = write;
        await quiet.close();
      }
      const lines = logged.join('').split('\n').filter(Boolean);
      assert.ok(
        lines.some((l) => l.includes('"path":"/v1/territories"')),
        'the log is captured',
      );
      assert.ok(
        lines.some(
          (l) => l.includes('"path":"/v1/territories/roya/engagements"') && l.includes('"status":400'),
        ),
        `the aborted upload was read and answered 400: ${lines.join('\n')}`,
      );
      assert.ok(
        !lines.some((l) => l.includes('"status":500') || l.includes('unhandled error')),
        lines.join('\n'),
      );
    });
  });
}

describe('limits that need their own server', () => {
  const servers: TestServer[] = [];
  after(() => Promise.all(servers.map((s) => s.close())));
  const start = async (config: Parameters<typeof startTestServer>[0] = {}) => {
    const s = await startTestServer(config);
    servers.push(s);
    return s;
  };

  it('TEC_TRUST_PROXY takes hops from the right: a client cannot pick its own address', async () => {
    const server = await start({ config: { trustProxy: 1, signupRatePerMinute: 2 } });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const reply = await request(server, 'POST', '/v1/territories/roya/engagements', {
        body: signup('opp_roya_1', { email: `proxy-${i}@example.org` }),
        // The client wrote the first entry; our one proxy appended the real address.
        headers: { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` },
      });
      statuses.push(reply.status);
    }
    assert.deepEqual(statuses, [201, 201, 429, 429, 429]);
  });

  it('reads the address N hops away, or past a list of trusted proxies', () => {
    const xff = '198.51.100.1, 203.0.113.7, 10.0.0.2';
    assert.equal(clientAddress(xff, '10.0.0.1', 1), '10.0.0.2');
    assert.equal(clientAddress(xff, '10.0.0.1', 2), '203.0.113.7');
    assert.equal(clientAddress(xff, '10.0.0.1', 9), '198.51.100.1');
    assert.equal(clientAddress(xff, '10.0.0.1', false), '10.0.0.1');
    assert.equal(clientAddress(xff, '::ffff:10.0.0.1', ['10.0.0.1', '10.0.0.2']), '203.0.113.7');
    assert.equal(clientAddress(xff, '192.0.2.9', ['10.0.0.1', '10.0.0.2']), '192.0.2.9', 'an untrusted peer');
    assert.equal(readConfig({ TEC_TRUST_PROXY: '1' }).trustProxy, 1);
    assert.equal(readConfig({ TEC_TRUST_PROXY: '2' }).trustProxy, 2);
    assert.deepEqual(readConfig({ TEC_TRUST_PROXY: '10.0.0.1, 10.0.0.2' }).trustProxy, [
      '10.0.0.1',
      '10.0.0.2',
    ]);
    assert.equal(readConfig({}).trustProxy, false);
    assert.throws(
      () => readConfig({ TEC_TRUST_PROXY: 'yes' }),
      /TEC_TRUST_PROXY must be a number of trusted proxy hops/,
    );
  });

  it('throttles failed admin authentication per address, with Retry-After, even for a right token', async () => {
    const server = await start({ config: { adminFailuresPerMinute: 3 } });
    for (let i = 0; i < 3; i += 1) {
      const reply = await request(server, 'GET', '/v1/admin/territories/roya/engagements', {
        token: `tec_guess${i}abc_${'x'.repeat(30)}`,
      });
      assertProblem(reply, 401, 'unauthorized');
    }
    const throttled = await request(server, 'GET', '/v1/admin/territories/roya/engagements', {
      token: server.adminToken,
    });
    assertProblem(throttled, 429, 'rate-limited');
    assert.ok(Number(throttled.headers.get('retry-after')) > 0);
  });

  it('refuses to start with a short or repetitive TEC_ADMIN_TOKEN, saying why', () => {
    assert.throws(
      () => readConfig({ TEC_ADMIN_TOKEN: 'a-sixteen-chars!' }),
      /32 to 256 characters.*openssl rand/,
    );
    assert.throws(() => readConfig({ TEC_ADMIN_TOKEN: 'ab'.repeat(20) }), /too repetitive/);
    assert.ok(readConfig({ TEC_ADMIN_TOKEN: 'Zq3v9LkP0s7XwYt2Nb8RfG4hJm6Dc1Ae5U' }).adminToken);
  });

  it('caps event streams in all: 503 with Retry-After past the cap', async () => {
    const server = await start({ config: { maxStreams: 2 } });
    const open = [openStream(`${server.url}/v1/events`), openStream(`${server.url}/v1/events`)];
    try {
      await Promise.all(open.map((s) => s.until('ready')));
      const third = await get(server, '/v1/events');
      const problem = assertProblem(third, 503, 'unavailable');
      assert.equal(third.headers.get('retry-after'), '30');
      assert.equal(problem.retryAfter, 30);
    } finally {
      open.forEach((s) => s.close());
    }
  });

  it('bounds the replay: Last-Event-ID 0 past the bound gets reload, not every event', async () => {
    const server = await start({ config: { replayMaxEvents: 5 } });
    for (let i = 0; i < 8; i += 1) {
      await admin(server, 'PATCH', '/territories/roya/phases/coalition', { progress: i / 10 });
    }
    const far = openStream(`${server.url}/v1/events`, { 'last-event-id': '0' });
    const near = openStream(`${server.url}/v1/events?territory=roya`, {
      'last-event-id': String(Number(server.bus.lastId) - 2),
    });
    try {
      const [reload] = await far.until('reload');
      assert.equal(JSON.parse(reload!.data).reason, 'too-many');
      assert.equal(far.named('phase.updated').length, 0);
      await near.until('phase.updated', 1);
      assert.equal(near.named('reload').length, 0);
      await admin(server, 'PATCH', '/territories/roya/phases/coalition', { progress: 0.9 });
      await far.until('phase.updated', 1);
    } finally {
      far.close();
      near.close();
    }
  });
});

describe('the token of TEC_ADMIN_TOKEN', () => {
  const folders: string[] = [];
  after(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));
  const TOKEN = 'Zq3v9LkP0s7XwYt2Nb8RfG4hJm6Dc1Ae5U';

  for (const engine of ENGINES) {
    it(`on ${engine}: removing the variable revokes it; revoking it by command sticks`, async () => {
      let databaseUrl: string | undefined;
      let dataDir = 'memory://';
      if (engine === 'postgres') databaseUrl = await createTestDatabase();
      else {
        dataDir = mkdtempSync(join(tmpdir(), 'tec-token-'));
        folders.push(dataDir);
      }
      const boot = (adminToken: string | undefined) =>
        startTestServer({ engine: engine as Engine, databaseUrl, config: { dataDir, adminToken } });
      const works = async (server: TestServer) =>
        (await request(server, 'GET', '/v1/admin/territories/roya/engagements', { token: TOKEN })).status;

      let server = await boot(TOKEN);
      assert.equal(await works(server), 200);
      await server.close();
      server = await boot(undefined);
      assert.equal(await works(server), 401, 'the variable is gone: so is its token');
      await server.close();
      server = await boot(TOKEN);
      assert.equal(await works(server), 200, 'set again: it works again');
      await runAdminCommand(server.db, { command: 'revoke', id: 'bootstrap' });
      assert.equal(await works(server), 401, 'revoked at once');
      await server.close();
      server = await boot(TOKEN);
      assert.equal(await works(server), 401, 'and after a restart with the same value');
      await server.close();
    });
  }
});
