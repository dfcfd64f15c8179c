/** The portrait, binôme and cooperations: valid samples pass, each hostile change is refused. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CONSISTENCY_RULES,
  CooperationInput,
  CooperationList,
  CooperationQuery,
  LIVE_EVENT_TYPES,
  LiveEvent,
  PATHS,
  Phase,
  Portrait,
  PortraitPatch,
  Problem,
  check,
  endpoints,
} from '../src/index.js';
import * as samples from './samples.js';

type Schema = Parameters<typeof check>[0];

function errorsOf(schema: Schema, input: unknown) {
  const result = check(schema, input);
  assert.equal(result.ok, false, `expected ${JSON.stringify(input)?.slice(0, 100)} to be rejected`);
  return result.ok ? [] : result.errors;
}
function rejects(schema: Schema, input: unknown, path: string, reason: RegExp): void {
  const errors = errorsOf(schema, input);
  const hit = errors.find((e) => e.path === path);
  assert.ok(hit, `no error at ${path}; got ${JSON.stringify(errors)}`);
  assert.match(hit.message, reason);
}
function accepts(schema: Schema, input: unknown): void {
  const result = check(schema, input);
  assert.ok(result.ok, `expected acceptance; got ${result.ok ? '' : JSON.stringify(result.errors)}`);
}

const cooperationInput = {
  title: 'Covoiturage solidaire (démo)',
  summary: 'Des voisins conduisent leurs voisins.',
  status: 'en-preparation',
  startedAt: null,
  needs: ['Mobilité'],
  actorIds: ['mbr_01'],
  communes: ['06163'],
};

describe('portrait', () => {
  it('accepts the sample and a portrait still to come', () => {
    accepts(Portrait, samples.portrait);
    accepts(Portrait, {
      ...samples.portrait,
      status: 'a-venir',
      publishedAt: null,
      summary: null,
      forcesVives: { acteursMoteurs: [], ressources: [], savoirFaire: [] },
      vulnerabilites: { tangibles: [], ressenties: [] },
      maturite: null,
      cultureLocale: null,
      entretiens: 0,
      binome: null,
    });
  });
  it('refuses an unknown status', () =>
    rejects(Portrait, { ...samples.portrait, status: 'fini' }, 'status', /./));
  it('refuses a tangible vulnerability without its nature', () =>
    rejects(
      Portrait,
      { ...samples.portrait, vulnerabilites: { tangibles: [{ label: 'x' }], ressenties: [] } },
      'vulnerabilites.tangibles[0].nature',
      /./,
    ));
  it('refuses a contact that is not an http(s) page (a mailto or a script)', () => {
    for (const url of ['mailto:marie.dupont@example.org', 'javascript:alert(1)']) {
      const binome = { ...samples.portrait.binome!, contact: { label: 'Écrire', url } };
      rejects(Portrait, { ...samples.portrait, binome }, 'binome.contact.url', /./);
    }
  });
  it('refuses negative counts and unknown fields', () => {
    rejects(Portrait, { ...samples.portrait, entretiens: -1 }, 'entretiens', /./);
    errorsOf(Portrait, { ...samples.portrait, secret: 1 });
  });
  it('a patch takes any subset, and refuses what the portrait refuses', () => {
    accepts(PortraitPatch, {});
    accepts(PortraitPatch, { benevoles: 14 });
    rejects(PortraitPatch, { benevoles: 1.5 }, 'benevoles', /./);
    rejects(PortraitPatch, { summary: 'x'.repeat(4001) }, 'summary', /./);
    errorsOf(PortraitPatch, { territory: 'nantes' });
    errorsOf(PortraitPatch, { forcesVives: { acteursMoteurs: Array(31).fill({ label: 'x' }) } });
  });
});

describe('cooperations', () => {
  it('accepts the sample in a list, and an input', () => {
    accepts(CooperationList, {
      territory: 'roya',
      items: [samples.cooperation],
      communes: [{ insee: '06163', name: 'Tende', count: 1 }],
    });
    accepts(CooperationInput, cooperationInput);
  });
  it('refuses an unknown status, a bad member id and a bad INSEE code', () => {
    rejects(CooperationInput, { ...cooperationInput, status: 'terminee' }, 'status', /./);
    rejects(CooperationInput, { ...cooperationInput, actorIds: ['../x'] }, 'actorIds[0]', /letters, digits/);
    rejects(CooperationInput, { ...cooperationInput, communes: ['6163'] }, 'communes[0]', /INSEE/);
    rejects(CooperationInput, { ...cooperationInput, communes: Array(201).fill('06163') }, 'communes', /./);
    rejects(CooperationQuery, { commune: 'tende' }, 'commune', /INSEE/);
  });
  it('refuses a missing title and actors given as names instead of ids', () => {
    const { title: _title, ...untitled } = cooperationInput;
    rejects(CooperationInput, untitled, 'title', /./);
    errorsOf(CooperationInput, { ...cooperationInput, actors: [{ name: 'x' }] });
  });
});

describe('phase closing and consistency', () => {
  it('a phase carries why it was closed with milestones unmet', () => {
    accepts(Phase, { ...samples.phase, status: 'terminee', closingReason: 'Jalon reporté en phase 2.' });
    errorsOf(Phase, { ...samples.phase, closingReason: undefined });
  });
  it('an inconsistent problem names its rule, from a closed list', () => {
    const problem = {
      type: 'urn:tec:problem:inconsistent',
      title: 'Inconsistent change',
      status: 422,
      rule: 'phase-dates-overlap',
    };
    accepts(Problem, problem);
    assert.equal(check(Problem, { ...problem, rule: 'made-up' }).ok, false);
    assert.equal(CONSISTENCY_RULES.length, 6);
  });
});

describe('routes and events', () => {
  it('the portrait and cooperation routes are public reads, their writes admin', () => {
    assert.equal(endpoints.getPortrait.path, PATHS.getPortrait);
    assert.equal(endpoints.listCooperations.cache, 'public');
    for (const id of [
      'updatePortrait',
      'createCooperation',
      'updateCooperation',
      'deleteCooperation',
    ] as const)
      assert.equal(endpoints[id].auth, 'admin');
    assert.ok((endpoints.createCooperation.errors as readonly string[]).includes('inconsistent'));
  });
  it('live events carry the portrait and cooperations', () => {
    const base = { id: '7', at: '2026-11-26T09:00:00Z', territory: 'roya' };
    accepts(LiveEvent, { ...base, type: 'portrait.updated', portrait: samples.portrait });
    accepts(LiveEvent, { ...base, type: 'cooperation.added', cooperation: samples.cooperation });
    accepts(LiveEvent, { ...base, type: 'cooperation.removed', cooperationId: 'coop_01' });
    errorsOf(LiveEvent, { ...base, type: 'cooperation.updated', cooperation: { id: 'coop_01' } });
    for (const t of ['portrait.updated', 'cooperation.added', 'cooperation.updated', 'cooperation.removed'])
      assert.ok(LIVE_EVENT_TYPES.includes(t as never), t);
  });
});
