// Property-based tests over every route of the endpoint table, on both engines: hostile bodies,
// paths, queries and headers derived from the contract's own schemas, against the real server.
// Never a 5xx; every refusal is problem+json, a 400 names its fields; nothing refused is stored.
// Bounded and seeded here (TEC_FUZZ_RUNS cases per engine, TEC_FUZZ_SEED); `npm run fuzz` runs
// many more.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { endpoints, type Endpoint, type EndpointId, type Problem } from '@tec/contract';
import { ENGINES, startTestServer, type TestServer } from '@tec/api/testing';
import { hostile, hostileSegment, rawBody } from './fuzz/arbitraries.js';

/** `npm run fuzz` runs longer: 20,000 cases per engine unless TEC_FUZZ_RUNS says otherwise. */
const RUNS = Number(
  process.env.TEC_FUZZ_RUNS ?? (process.env.npm_lifecycle_event === 'fuzz' ? 20_000 : 1500),
);
const SEED = Number(process.env.TEC_FUZZ_SEED ?? 13);

/** Real values for each path parameter, so that most cases reach the handler. */
const REAL: Record<string, string[]> = {
  slug: ['roya', 'entre-deux-mers', 'haute-garonne', 'nowhere'],
  phase: ['portrait', 'cooperations', 'coalition'],
  milestoneId: ['ms_roya_portrait_1', 'ms_roya_cooperations_1', 'ms_nowhere'],
  memberId: ['mbr_roya_001', 'mbr_roya_002', 'mbr_nowhere'],
  opportunityId: ['opp_roya_1', 'opp_roya_2', 'opp_nowhere'],
};

const ROUTES = Object.entries(endpoints) as [EndpointId, Endpoint][];

interface Case {
  id: EndpointId;
  url: string;
  init: RequestInit & { headers: Record<string, string> };
  what: string;
}

function caseFor(id: EndpointId, endpoint: Endpoint, token: string): fc.Arbitrary<Case> {
  const names = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const segment = (name: string) =>
    fc.oneof(
      { weight: 5, arbitrary: fc.constantFrom(...(REAL[name] ?? ['x'])) },
      { weight: 1, arbitrary: hostileSegment },
    );
  const params = fc.tuple(...names.map(segment));
  const query = endpoint.query
    ? fc.oneof(
        { weight: 4, arbitrary: hostile(endpoint.query).map((q) => q.value) },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'q=%',
            'limit=1e309',
            'cursor=%00',
            'q=%E0%A4%A',
            'lastEventId=%FF',
            'x=1&x=2',
          ),
        },
      )
    : fc.option(fc.constantFrom('flush=1', 'a=%00', 'callback=x'), { nil: undefined });
  const body = endpoint.body
    ? fc.oneof(
        {
          weight: 5,
          // Mostly about a real opportunity: otherwise nearly every sign-up stops at its 404,
          // before any hostile text could reach the database.
          arbitrary: fc.tuple(hostile(endpoint.body), fc.nat(3)).map(([b, n]) => ({
            json:
              n > 0 && b.value !== null && typeof b.value === 'object' && 'opportunityId' in b.value
                ? { ...b.value, opportunityId: REAL.opportunityId![n % 2] }
                : b.value,
          })),
        },
        { weight: 1, arbitrary: rawBody.map((raw) => ({ raw })) },
      )
    : fc.constant(undefined);
  const auth =
    endpoint.auth === 'admin'
      ? fc.oneof(
          { weight: 8, arbitrary: fc.constant(`Bearer ${token}`) },
          {
            weight: 1,
            arbitrary: fc.constantFrom('', 'Bearer', 'Bearer tec_x_y', `Basic ${token}`, `Bearer ${token}x`),
          },
        )
      : fc.constant('');
  const headers = fc.record({
    idempotency: fc.option(fc.constantFrom('key-0123456789', 'short', 'x'.repeat(200), '../../etc'), {
      nil: undefined,
    }),
    lastEventId: fc.option(
      fc.constantFrom('0', '1', '99999999999999999999', '9223372036854775807', '-1', 'abc', '1'.repeat(40)),
      { nil: undefined },
    ),
    contentType: fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/json') },
      { weight: 1, arbitrary: fc.constantFrom('text/plain', 'application/json; charset=latin1') },
    ),
  });
  return fc
    .record({ params, query, body, auth, headers })
    .map(({ params, query, body, auth, headers: h }) => {
      let path = endpoint.path;
      names.forEach((name, i) => (path = path.replace(`{${name}}`, params[i]!)));
      let search = '';
      if (typeof query === 'string') search = query;
      else if (query && typeof query === 'object' && !Array.isArray(query)) {
        const s = new URLSearchParams();
        for (const [k, v] of Object.entries(query as Record<string, unknown>)) {
          if (v !== undefined) s.append(k, typeof v === 'string' ? v : JSON.stringify(v));
        }
        search = s.toString();
      } else if (query !== undefined) search = `q=${encodeURIComponent(JSON.stringify(query))}`;
      const headers: Record<string, string> = {};
      if (auth) headers.authorization = auth;
      if (h.idempotency && id === 'createEngagement') headers['idempotency-key'] = h.idempotency;
      if (h.lastEventId && id === 'events') headers['last-event-id'] = h.lastEventId;
      let payload: BodyInit | undefined;
      if (body) {
        headers['content-type'] = h.contentType;
        payload =
          'raw' in body ? new Blob([new Uint8Array(body.raw)]) : (JSON.stringify(body.json) ?? 'undefined');
      }
      const url = `${path}${search ? `?${search}` : ''}`;
      return {
        id,
        url,
        init: { method: endpoint.method, headers, body: payload },
        what: `${endpoint.method} ${url} ${typeof payload === 'string' ? payload.slice(0, 300) : body && 'raw' in body ? `<bytes ${Buffer.from(body.raw).toString('hex').slice(0, 120)}>` : ''}`,
      };
    });
}

async function snapshot(server: TestServer): Promise<string> {
  const [row] = await server.db.query(
    `select (select coalesce(max(id), 0) from events)::text as events,
       (select count(*) from engagements)::int as engagements, (select count(*) from members)::int as members,
       (select count(*) from opportunities)::int as opportunities, (select count(*) from milestones)::int as milestones,
       (select count(*) from admin_tokens where revoked_at is null)::int as tokens,
       (select count(*) from cooperations)::int as cooperations,
       (select count(*) from cooperation_actors)::int as actors,
       (select coalesce(max(updated_at), 'epoch')::text from portraits) as portraits,
       (select string_agg(status || coalesce(closing_reason, ''), ',' order by territory, ord) from phases) as phases`,
  );
  return JSON.stringify(row);
}

for (const engine of ENGINES) {
  describe(`fuzzing every route on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ engine });
    });
    after(() => server.close());

    it(`${RUNS} hostile requests (seed ${SEED}): no 5xx, problems name their fields, refusals store nothing`, async () => {
      const counts = new Map<string, number>();
      const perRoute = new Map<string, number>();
      const arbitrary = fc.oneof(...ROUTES.map(([id, e]) => caseFor(id, e, server.adminToken)));
      await fc.assert(
        fc.asyncProperty(arbitrary, async (c) => {
          const writes = c.init.method !== 'GET';
          const before = writes ? await snapshot(server) : '';
          let response: Response;
          try {
            response = await fetch(`${server.url}${c.url}`, c.init);
          } catch (error) {
            // A URL or header fetch itself refuses to send is no case for the server.
            if (error instanceof TypeError && !/fetch failed/.test(error.message)) return;
            throw error;
          }
          const status = response.status;
          const type = response.headers.get('content-type') ?? '';
          const key = status >= 500 ? '5xx' : String(status);
          counts.set(key, (counts.get(key) ?? 0) + 1);
          perRoute.set(c.id, (perRoute.get(c.id) ?? 0) + 1);
          if (type.startsWith('text/event-stream')) {
            await response.body?.cancel();
          }
          const text = type.startsWith('text/event-stream') ? '' : await response.text();
          assert.ok(status < 500, `${status} for ${c.what}: ${text}`);
          if (status >= 400) {
            assert.match(type, /^application\/problem\+json/, `${c.what}: ${text}`);
            const problem = JSON.parse(text) as Problem;
            assert.match(problem.type, /^urn:tec:problem:/);
            assert.equal(problem.status, status);
            if (status === 400) {
              assert.ok(problem.errors && problem.errors.length > 0, `no field named for ${c.what}: ${text}`);
              for (const e of problem.errors) {
                assert.match(e.path, /^(body|query|path|headers)\b/, `${c.what}: ${text}`);
              }
            }
            if (writes) assert.equal(await snapshot(server), before, `a refused ${c.what} stored something`);
          }
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
      const summary = [...counts]
        .sort()
        .map(([k, n]) => `${k}: ${n}`)
        .join(', ');
      console.log(`fuzz ${engine}: ${RUNS} cases over ${perRoute.size} routes, seed ${SEED} — ${summary}`);
      assert.equal(counts.get('5xx') ?? 0, 0);
      assert.equal(perRoute.size, ROUTES.length, 'every route of the table was tried');
    });
  });
}
