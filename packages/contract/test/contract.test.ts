import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  EngagementRequest,
  HttpUrl,
  InseeCode,
  LIVE_EVENT_TYPES,
  LiveEvent,
  Member,
  MemberPage,
  MemberQuery,
  Opportunity,
  Phase,
  Problem,
  Slug,
  TerritoryDetail,
  Topology,
  MAX_ARCS,
  MAX_ARC_POSITIONS,
  buildPath,
  check,
  describeIssues,
  endpoints,
  formatPath,
  summarizeIssues,
  type Endpoint,
  type FieldError,
} from '../src/index.js';
import * as samples from './samples.js';

type Schema = Parameters<typeof check>[0];

/** Asserts that `input` is rejected with an error at `path` whose message matches `reason`. */
function rejectsWith(schema: Schema, input: unknown, path: string, reason: RegExp): FieldError[] {
  const result = check(schema, input);
  assert.equal(result.ok, false, `expected ${JSON.stringify(input)?.slice(0, 80)} to be rejected`);
  if (result.ok) throw new Error('unreachable');
  const hit = result.errors.find((e) => e.path === path);
  assert.ok(hit, `no error at ${path}; got ${JSON.stringify(result.errors)}`);
  assert.match(hit.message, reason);
  return result.errors;
}

function rejects(schema: Schema, input: unknown, path: string, reason: RegExp): void {
  rejectsWith(schema, input, path, reason);
}

function parsed(schema: Schema, input: unknown): unknown {
  const result = check(schema, input);
  assert.ok(result.ok, `expected acceptance; got ${result.ok ? '' : JSON.stringify(result.errors)}`);
  return result.data;
}

function accepts(schema: Schema, input: unknown): void {
  parsed(schema, input);
}

describe('samples', () => {
  it('are valid, so each test below breaks exactly one thing', () => {
    accepts(TerritoryDetail, samples.territory);
    accepts(Phase, samples.phase);
    accepts(Member, samples.member);
    accepts(Opportunity, samples.opportunity);
    accepts(EngagementRequest, samples.engagement);
  });
});

describe('slugs', () => {
  for (const good of ['roya', 'entre-deux-mers', 'a', 'x'.repeat(64), 'forbach-57']) {
    it(`accepts ${good.slice(0, 20)}`, () => accepts(Slug, good));
  }
  for (const bad of ['', 'Roya', 'roya!', 'x'.repeat(65), '../etc', 'roya vallée', 'ro_ya', 'é']) {
    it(`rejects ${JSON.stringify(bad.slice(0, 20))}`, () =>
      rejects(Slug, bad, '(root)', /lowercase letters, digits or hyphens/));
  }
  it('names the field path inside a territory', () =>
    rejects(TerritoryDetail, { ...samples.territory, slug: 'Bad Slug' }, 'slug', /lowercase/));
});

describe('INSEE codes', () => {
  for (const good of ['06163', '2A004', '2B033', '97411']) {
    it(`accepts ${good}`, () => accepts(InseeCode, good));
  }
  for (const bad of ['6163', '061630', '2C004', '2a004', 'ABCDE', '', ' 06163']) {
    it(`rejects ${JSON.stringify(bad)}`, () => rejects(InseeCode, bad, '(root)', /INSEE commune code/));
  }
  it('names the index of a bad commune', () =>
    rejects(
      TerritoryDetail,
      {
        ...samples.territory,
        communes: [
          { insee: '06163', name: 'Tende' },
          { insee: '999', name: 'X' },
        ],
      },
      'communes[1].insee',
      /INSEE/,
    ));
});

describe('URLs', () => {
  for (const good of ['https://example.org', 'http://example.org/a?b=c#d', 'https://xn--mairie-tende.fr/']) {
    it(`accepts ${good}`, () => accepts(HttpUrl, good));
  }
  for (const bad of [
    'javascript:alert(1)',
    'JavaScript:alert(document.cookie)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/x',
    '//example.org/x',
    '/relative/path',
    'not a url',
  ]) {
    it(`rejects ${bad}`, () => rejects(HttpUrl, bad, '(root)', /http:\/\/ or https:\/\//));
  }
  it('rejects a URL longer than 2,048 characters', () =>
    rejects(HttpUrl, `https://example.org/${'a'.repeat(2100)}`, '(root)', /at most 2048 characters/));
  it('rejects a javascript: website on a member, naming the field', () =>
    rejects(Member, { ...samples.member, website: 'javascript:alert(1)' }, 'website', /https?:\/\//));
  it('rejects a data: logo on a member', () =>
    rejects(Member, { ...samples.member, logo: 'data:image/svg+xml,<svg onload=alert(1)>' }, 'logo', /http/));
});

describe('bounded strings', () => {
  it('rejects a 100,000-character name', () => {
    const errors = rejectsWith(
      Member,
      { ...samples.member, name: 'x'.repeat(100_000) },
      'name',
      /at most 200 characters/,
    );
    assert.equal(errors.length, 1);
  });
  it('rejects an empty name, and one made only of spaces', () => {
    rejects(Member, { ...samples.member, name: '' }, 'name', /at least 1 characters/);
    rejects(Member, { ...samples.member, name: '    ' }, 'name', /at least 1 characters/);
  });
  it('trims text, and keeps script and HTML as plain text', () => {
    const data = parsed(Member, { ...samples.member, name: '  <script>alert(1)</script> ' }) as Member;
    assert.equal(data.name, '<script>alert(1)</script>');
  });
  it('rejects a 100,000-character message in a sign-up', () =>
    rejects(
      EngagementRequest,
      { ...samples.engagement, message: 'm'.repeat(100_000) },
      'message',
      /at most 2000/,
    ));
  it('bounds the number of items in a list', () =>
    rejects(
      EngagementRequest,
      { ...samples.engagement, availability: ['week-end', 'week-end', 'week-end', 'week-end'] },
      'availability',
      /at most 3 items/,
    ));
});

describe('enums', () => {
  it('rejects an unknown member kind, listing the accepted ones', () =>
    rejects(Member, { ...samples.member, kind: 'secte' }, 'kind', /one of "association", "entreprise"/));
  it('rejects an unknown opportunity kind', () =>
    rejects(Opportunity, { ...samples.opportunity, kind: 'soiree' }, 'kind', /one of/));
  it('rejects an unknown phase', () =>
    rejects(Phase, { ...samples.phase, key: 'phase-4' }, 'key', /one of "portrait"/));
  it('requires a tangible vulnerability to have a nature', () => {
    const bad = { ...samples.territory, vulnerabilities: [{ kind: 'tangible', label: 'Crue' }] };
    rejects(TerritoryDetail, bad, 'vulnerabilities[0].nature', /one of "structurelle"|is required/);
  });
  it('rejects a vulnerability kind that does not exist', () => {
    const bad = { ...samples.territory, vulnerabilities: [{ kind: 'imaginaire', label: 'X' }] };
    const result = check(TerritoryDetail, bad);
    assert.equal(result.ok, false);
  });
});

describe('consent and the sign-up', () => {
  it('rejects a missing consent', () => {
    const { consent: _consent, ...rest } = samples.engagement;
    rejects(EngagementRequest, rest, 'consent', /consent box/);
  });
  for (const bad of [false, 'true', 1, 'yes', null]) {
    it(`rejects consent ${JSON.stringify(bad)}`, () =>
      rejects(EngagementRequest, { ...samples.engagement, consent: bad }, 'consent', /must be true/));
  }
  for (const bad of ['camille', 'camille@', '@example.org', 'camille@example', 'a b@example.org']) {
    it(`rejects the e-mail ${bad}`, () =>
      rejects(EngagementRequest, { ...samples.engagement, email: bad }, 'email', /valid e-mail/));
  }
  it('rejects an e-mail longer than 254 characters', () =>
    rejects(
      EngagementRequest,
      { ...samples.engagement, email: `${'a'.repeat(250)}@example.org` },
      'email',
      /254/,
    ));
  it('rejects a phone number with letters', () =>
    rejects(EngagementRequest, { ...samples.engagement, phone: '06 12 AB 34' }, 'phone', /phone number/));
  it('accepts a French phone number with spaces', () =>
    accepts(EngagementRequest, { ...samples.engagement, phone: '+33 6 12 34 56 78' }));
  it('rejects unknown fields, so nothing unexpected is stored', () =>
    rejects(
      EngagementRequest,
      { ...samples.engagement, lastName: 'Martin' },
      '(root)',
      /unknown field "lastName"/,
    ));
  it('requires availability', () =>
    rejects(
      EngagementRequest,
      { ...samples.engagement, availability: [] },
      'availability',
      /at least 1 items/,
    ));
  it('rejects a sign-up that is not an object', () =>
    rejects(EngagementRequest, 'camille@example.org', '(root)', /must be an object, not a string/));
  it('reports every broken field at once', () => {
    const result = check(EngagementRequest, { opportunityId: 'opp_01', email: 'x' });
    assert.equal(result.ok, false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path).sort();
    assert.deepEqual(paths, ['availability', 'consent', 'email', 'firstName']);
    assert.match(summarizeIssues(result.errors), /^firstName is required; email must be a valid e-mail/);
  });
});

describe('dates', () => {
  for (const bad of [
    '2026-13-01',
    '2026-02-30',
    '26-11-2026',
    '2026/11/26',
    '2026-11-26T10:00:00Z',
    'demain',
  ]) {
    it(`rejects the date ${bad}`, () =>
      rejects(Member, { ...samples.member, joinedAt: bad }, 'joinedAt', /YYYY-MM-DD/));
  }
  for (const bad of ['2026-12-05 14:00', '2026-12-05T14:00:00', '2026-12-05', 'tomorrow']) {
    it(`rejects the instant ${bad}`, () =>
      rejects(
        Opportunity,
        { ...samples.opportunity, startsAt: bad },
        'startsAt',
        /ISO 8601 with a time zone/,
      ));
  }
});

describe('numbers', () => {
  it('rejects progress above 1', () =>
    rejects(Phase, { ...samples.phase, progress: 1.5 }, 'progress', /at most 1/));
  it('rejects negative places left', () =>
    rejects(Opportunity, { ...samples.opportunity, placesLeft: -1 }, 'placesLeft', /at least 0/));
  it('rejects a fractional population', () =>
    rejects(TerritoryDetail, { ...samples.territory, population: 12.5 }, 'population', /whole number/));
  it('rejects a number written as a string', () =>
    rejects(
      Opportunity,
      { ...samples.opportunity, capacity: '20' },
      'capacity',
      /must be a number, not a string/,
    ));
});

describe('live events', () => {
  it('accepts each kind of change', () => {
    const base = { id: '42', at: '2026-11-26T09:00:00Z', territory: 'roya' };
    accepts(LiveEvent, { ...base, type: 'member.added', member: samples.member });
    accepts(LiveEvent, { ...base, type: 'phase.updated', phase: samples.phase });
    accepts(LiveEvent, { ...base, type: 'places.changed', opportunityId: 'opp_01', placesLeft: 0 });
    accepts(LiveEvent, { ...base, type: 'geometry.updated' });
    assert.ok(LIVE_EVENT_TYPES.includes('member.removed'));
    assert.equal(LIVE_EVENT_TYPES.length, 14);
  });
  it('rejects an unknown event type', () => {
    const result = check(LiveEvent, { id: '1', at: '2026-11-26T09:00:00Z', territory: 'roya', type: 'hack' });
    assert.equal(result.ok, false);
  });
  it('rejects an event whose payload does not match its type', () =>
    rejects(
      LiveEvent,
      { id: '1', at: '2026-11-26T09:00:00Z', territory: 'roya', type: 'member.added', member: { id: 'x' } },
      'member.territory',
      /is required/,
    ));
  it('rejects a non-numeric event id', () =>
    rejects(
      LiveEvent,
      { id: 'abc', at: '2026-11-26T09:00:00Z', territory: 'roya', type: 'geometry.updated' },
      'id',
      /event number/,
    ));
});

describe('pages and queries', () => {
  it('accepts a page with a cursor', () =>
    accepts(MemberPage, {
      items: [samples.member],
      nextCursor: 'eyJhIjoxfQ',
      total: 1,
      kinds: { association: 1 },
      communes: { '06163': 1 },
    }));
  it('rejects a commune count under something that is not an INSEE code', () =>
    rejects(
      MemberPage,
      { items: [], nextCursor: null, total: 0, kinds: {}, communes: { '<script>': 1 } },
      'communes.<script>',
      /invalid key/,
    ));
  it('rejects a cursor with characters outside base64url', () =>
    rejects(
      MemberPage,
      { items: [], nextCursor: "'; DROP TABLE members;--", total: 0 },
      'nextCursor',
      /cursor/,
    ));
  it('coerces the limit from a query string and bounds it', () => {
    const data = parsed(MemberQuery, { limit: '20', kind: 'association' }) as { limit: number };
    assert.equal(data.limit, 20);
    rejects(MemberQuery, { limit: '1000' }, 'limit', /at most 100/);
    rejects(MemberQuery, { limit: 'ten' }, 'limit', /number/);
  });
  it('rejects unknown query parameters', () =>
    rejects(MemberQuery, { sort: 'name' }, '(root)', /unknown field "sort"/));
});

describe('problem details', () => {
  it('accepts an RFC 9457 body with field errors', () =>
    accepts(Problem, {
      type: 'urn:tec:problem:validation',
      title: 'Invalid request',
      status: 400,
      errors: [{ path: 'email', message: 'must be a valid e-mail address' }],
    }));
  it('rejects a status outside HTTP', () =>
    rejects(Problem, { type: 'x', title: 'y', status: 700 }, 'status', /at most 599/));
});

describe('issue formatting', () => {
  it('formats paths with indices and dots', () => {
    assert.equal(formatPath(['communes', 0, 'insee']), 'communes[0].insee');
    assert.equal(formatPath([]), '(root)');
    assert.equal(formatPath([2]), '[2]');
  });
  it('describes every issue of a raw zod error', () => {
    const result = Member.safeParse({});
    assert.equal(result.success, false);
    if (result.success) return;
    const errors = describeIssues(result.error);
    assert.ok(errors.length >= 5);
    assert.ok(
      errors.every((e) => e.message !== 'Invalid input'),
      JSON.stringify(errors),
    );
  });
});

describe('endpoint table', () => {
  const table = Object.entries(endpoints) as [string, Endpoint][];
  it('declares every route under /v1', () => {
    for (const [id, endpoint] of table) assert.match(endpoint.path, /^\/v1\//, id);
  });
  it('declares a schema for each path parameter, and only those', () => {
    for (const [id, endpoint] of table) {
      const inPath = [...endpoint.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = Object.keys(endpoint.params?.shape ?? {}).sort();
      assert.deepEqual(declared, inPath, id);
    }
  });
  it('has one operation per method and path', () => {
    const keys = table.map(([, e]) => `${e.method} ${e.path}`);
    assert.equal(new Set(keys).size, keys.length);
  });
  it('protects every admin route and no public one', () => {
    for (const [id, endpoint] of table) {
      assert.equal(endpoint.auth === 'admin', endpoint.path.startsWith('/v1/admin/'), id);
    }
  });
  it('lists the routes the programme needs', () => {
    const keys = new Set(table.map(([, e]) => `${e.method} ${e.path}`));
    for (const route of [
      'GET /v1/territories',
      'GET /v1/territories/{slug}',
      'GET /v1/territories/{slug}/phases',
      'GET /v1/territories/{slug}/members',
      'GET /v1/territories/{slug}/opportunities',
      'GET /v1/territories/{slug}/geometry',
      'GET /v1/geometry',
      'POST /v1/territories/{slug}/engagements',
      'GET /v1/events',
      'GET /v1/health',
      'GET /v1/openapi.json',
    ]) {
      assert.ok(keys.has(route), route);
    }
  });
  it('builds paths with encoded parameters and refuses missing ones', () => {
    assert.equal(buildPath(endpoints.getTerritory.path, { slug: 'roya' }), '/v1/territories/roya');
    assert.equal(buildPath('/v1/territories/{slug}', { slug: '../admin' }), '/v1/territories/..%2Fadmin');
    assert.throws(() => buildPath('/v1/territories/{slug}', {}), /missing path parameter slug/);
  });
});

describe('geometry', () => {
  it('keeps the geometries and properties of a topology (the map needs them)', () => {
    const topology = {
      type: 'Topology',
      objects: {
        outline: {
          type: 'GeometryCollection',
          geometries: [{ type: 'Polygon', arcs: [[0]], properties: { slug: 'roya' } }],
        },
      },
      arcs: [
        [
          [0, 0],
          [1, 0],
          [0, 1],
          [-1, -1],
        ],
      ],
    };
    const data = parsed(Topology, topology) as typeof topology;
    assert.deepEqual(data.objects.outline.geometries[0]!.properties, { slug: 'roya' });
    assert.equal(data.arcs, topology.arcs, 'the arcs are kept as they came, not copied');
  });

  const topologyWith = (arcs: unknown) => ({ type: 'Topology', objects: {}, arcs });
  it('accepts positions of two or three numbers', () =>
    accepts(
      Topology,
      topologyWith([
        [
          [0, 0],
          [1, 2, 3],
        ],
        [[5, 5]],
      ]),
    ));
  for (const [name, arcs, path] of [
    [
      'NaN',
      [
        [
          [0, 0],
          [Number.NaN, 1],
        ],
      ],
      'arcs[0][1]',
    ],
    ['Infinity', [[[0, 0]], [[1, Number.POSITIVE_INFINITY]]], 'arcs[1][0]'],
    [
      'strings',
      [
        [
          [0, 0],
          ['1', '2'],
        ],
      ],
      'arcs[0][1]',
    ],
    [
      'null',
      [
        [
          [0, 0],
          [1, null],
        ],
      ],
      'arcs[0][1]',
    ],
    ['one number', [[[0, 0], [1]]], 'arcs[0][1]'],
    ['four numbers', [[[0, 0, 0, 0]]], 'arcs[0][0]'],
    ['a third value that is no number', [[[0, 0, 'z']]], 'arcs[0][0]'],
    ['a flat arc (one nesting too few)', [[0, 0, 1, 1]], 'arcs[0][0]'],
    ['one nesting too many', [[[[0, 0]]]], 'arcs[0][0]'],
    ['an empty arc', [[[0, 0]], []], 'arcs[1]'],
    ['an object for an arc', [{ 0: [0, 0], length: 1 }], 'arcs[0]'],
  ] as const) {
    it(`refuses arcs with ${name}, naming the position`, () =>
      rejects(Topology, topologyWith(arcs), path, /Expected an? (position|arc)/));
  }
  it('refuses arcs that are no array', () =>
    rejects(Topology, topologyWith('[[0,0]]'), 'arcs', /at most 200000 arcs/));
  // Huge inputs: checked directly (rejects() would print them whole in its message).
  const errorsOf = (input: unknown) => {
    const result = check(Topology, input);
    assert.equal(result.ok, false);
    return result.ok ? [] : result.errors;
  };
  it('refuses too many arcs, before reading them', () =>
    assert.deepEqual(errorsOf(topologyWith(new Array(MAX_ARCS + 1).fill([[0, 0]]))), [
      { path: 'arcs', message: 'Expected at most 200000 arcs.' },
    ]));
  it('refuses too many positions in all', () => {
    const arc = new Array(MAX_ARC_POSITIONS / 4).fill([0, 0]);
    assert.deepEqual(errorsOf(topologyWith([arc, arc, arc, arc, [[0, 0]]])), [
      { path: 'arcs[4]', message: 'Expected an arc, at most 4000000 positions in all.' },
    ]);
  });
});
