// The consistency rules at the API (issue 14): each broken rule is a 422 `inconsistent` problem
// naming it, with nothing written and no live event; the demo seed keeps them all. Against the
// real server, on PGlite and on PostgreSQL alike.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { MemberPage, OpportunityList, PhaseList, TerritoryList } from '@tec/contract';
import { ENGINES, startTestServer, type TestServer } from '@tec/api/testing';
import { phaseViolation } from '../src/store/consistency.js';
import { admin, assertNoEvent, assertProblem, get, type Reply } from './helpers.js';

function assertRule(reply: Reply, rule: string): void {
  const problem = assertProblem(reply, 422, 'inconsistent') as { rule?: string; detail?: string };
  assert.equal(problem.rule, rule, reply.text);
  assert.ok(problem.detail && problem.detail.length > 20, 'the detail says what is wrong');
}

for (const engine of ENGINES) {
  describe(`consistency rules on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ engine });
    });
    after(() => server.close());
    const phases = async (slug: string) =>
      (await get<PhaseList>(server, `/v1/territories/${slug}/phases`)).text;

    /** `attempt` must break `rule`, leaving the territory's phases as they were and no event. */
    async function refused(slug: string, rule: string, attempt: () => Promise<Reply>): Promise<void> {
      const before = await phases(slug);
      await assertNoEvent(server, slug, async () => {
        assertRule(await attempt(), rule);
        assert.equal(await phases(slug), before, 'nothing written');
      });
    }

    it('keeps every rule in the demo seed', async () => {
      const { items } = (await get<TerritoryList>(server, '/v1/territories')).body;
      for (const t of items) {
        const list = (await get<PhaseList>(server, `/v1/territories/${t.slug}/phases`)).body;
        assert.equal(phaseViolation(list.phases, t.status)?.message, undefined, t.slug);
        const current = list.phases.find((p) => p.status === 'en-cours')?.key ?? null;
        assert.equal(t.currentPhase, current, t.slug);
        if (t.status === 'en-selection') {
          const members = (await get<MemberPage>(server, `/v1/territories/${t.slug}/members`)).body;
          const opportunities = (
            await get<OpportunityList>(server, `/v1/territories/${t.slug}/opportunities`)
          ).body;
          const cooperations = (
            await get<{ items: unknown[] }>(server, `/v1/territories/${t.slug}/cooperations`)
          ).body;
          assert.equal(members.total, 0, t.slug);
          assert.deepEqual(opportunities.items, [], t.slug);
          assert.deepEqual(cooperations.items, [], t.slug);
        }
      }
    });

    it('phase-finished-with-unmet-milestones: finished only with every milestone met, or a reason kept', async () => {
      await refused('forbach', 'phase-finished-with-unmet-milestones', () =>
        admin(server, 'PATCH', '/territories/forbach/phases/portrait', { status: 'terminee', progress: 1 }),
      );
      // A met milestone may not turn unmet under a finished phase either.
      await refused('roya', 'phase-finished-with-unmet-milestones', () =>
        admin(server, 'PATCH', '/territories/roya/phases/portrait/milestones/ms_roya_portrait_4', {
          status: 'en-cours',
        }),
      );
      const closed = await admin<{ status: string; closingReason: string }>(
        server,
        'PATCH',
        '/territories/forbach/phases/portrait',
        {
          status: 'terminee',
          progress: 1,
          closingReason: 'Les ateliers collectifs sont reportés à la phase 2, faute de salle cet hiver.',
        },
      );
      assert.equal(closed.status, 200, closed.text);
      const kept = (await get<PhaseList>(server, '/v1/territories/forbach/phases')).body.phases[0]!;
      assert.equal(kept.status, 'terminee');
      assert.match(kept.closingReason ?? '', /reportés/);
    });

    it('phase-dates-order: a phase starts before it ends', async () => {
      await refused('roya', 'phase-dates-order', () =>
        admin(server, 'PATCH', '/territories/roya/phases/coalition', {
          startDate: '2028-11-30',
          endDate: '2027-10-01',
        }),
      );
    });

    it('phase-dates-overlap: a phase ends before the next one starts', async () => {
      await refused('roya', 'phase-dates-overlap', () =>
        admin(server, 'PATCH', '/territories/roya/phases/portrait', { endDate: '2026-07-01' }),
      );
      await refused('roya', 'phase-dates-overlap', () =>
        admin(server, 'PATCH', '/territories/roya/phases/coalition', { startDate: '2027-09-30' }),
      );
    });

    it('milestone-outside-phase: due and completion dates lie within the phase', async () => {
      await refused('roya', 'milestone-outside-phase', () =>
        admin(server, 'POST', '/territories/roya/phases/cooperations/milestones', {
          title: 'Jalon hors phase',
          status: 'a-venir',
          dueDate: '2030-01-01',
          completedDate: null,
        }),
      );
      await refused('roya', 'milestone-outside-phase', () =>
        admin(server, 'PATCH', '/territories/roya/phases/cooperations/milestones/ms_roya_cooperations_3', {
          status: 'atteint',
          completedDate: '2026-01-15',
        }),
      );
      // Moving the phase's dates away from its milestones is the same break.
      await refused('roya', 'milestone-outside-phase', () =>
        admin(server, 'PATCH', '/territories/roya/phases/cooperations', { endDate: '2026-12-31' }),
      );
    });

    it('current-phase-mismatch: one phase under way, those before it finished', async () => {
      await refused('entre-deux-mers', 'current-phase-mismatch', () =>
        admin(server, 'PATCH', '/territories/entre-deux-mers/phases/cooperations', { status: 'en-cours' }),
      );
      await refused('roya', 'current-phase-mismatch', () =>
        admin(server, 'PATCH', '/territories/roya/phases/portrait', { status: 'en-cours' }),
      );
    });

    it('selection-has-content: a territory being selected has no phase started, member, opportunity or cooperation', async () => {
      await refused('haute-garonne', 'selection-has-content', () =>
        admin(server, 'PATCH', '/territories/haute-garonne/phases/portrait', { status: 'en-cours' }),
      );
      await refused('haute-garonne', 'selection-has-content', () =>
        admin(server, 'POST', '/territories/haute-garonne/members', {
          name: 'Association inventée',
          kind: 'association',
          joinedAt: '2026-11-26',
          commune: null,
          website: null,
          logo: null,
        }),
      );
      await refused('auvergne-rhone-alpes', 'selection-has-content', () =>
        admin(server, 'POST', '/territories/auvergne-rhone-alpes/opportunities', {
          kind: 'benevolat',
          title: 'Devenir bénévole',
          startsAt: null,
          endsAt: null,
          place: null,
          capacity: null,
        }),
      );
      await refused('auvergne-rhone-alpes', 'selection-has-content', () =>
        admin(server, 'POST', '/territories/auvergne-rhone-alpes/cooperations', {
          title: 'Coopération',
          summary: 'Une coopération.',
          status: 'en-preparation',
          startedAt: null,
          actorIds: [],
          communes: [],
          needs: [],
        }),
      );
      const members = (await get<MemberPage>(server, '/v1/territories/haute-garonne/members')).body;
      assert.equal(members.total, 0);
    });

    it('refuses malformed phase edits as validation, not as a rule, writing nothing', async () => {
      const before = await phases('roya');
      await assertNoEvent(server, 'roya', async () => {
        for (const body of [
          { closingReason: 42 },
          { closingReason: 'x'.repeat(5000) },
          { startDate: '2026-13-45' },
          { status: 'finie' },
          { progress: '1' },
        ]) {
          assertProblem(
            await admin(server, 'PATCH', '/territories/roya/phases/portrait', body),
            400,
            'validation',
          );
        }
        assert.equal(await phases('roya'), before);
      });
    });
  });
}
