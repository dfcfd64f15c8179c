/**
 * A territory's phases (public read) and their edits, milestones included (admin). Every edit is
 * checked against the phase rules (store/consistency.ts) before its events are appended.
 */
import * as store from '../store.js';
import type { Handlers } from '../http/types.js';
import type { RouteContext } from './context.js';

export function phaseRoutes({
  deps: { db },
  change,
  requireTerritory,
}: RouteContext): Pick<
  Handlers,
  'listPhases' | 'updatePhase' | 'createMilestone' | 'updateMilestone' | 'deleteMilestone'
> {
  return {
    listPhases: async ({ params }) => {
      await requireTerritory(params.slug);
      return {
        status: 200,
        body: { territory: params.slug, phases: await store.listPhases(db, params.slug) },
      };
    },
    updatePhase: async ({ params, body }) => {
      const phase = await change(params.slug, async (tx) => {
        const updated = await store.updatePhase(tx, params.slug, params.phase, body);
        await store.checkPhases(tx, params.slug);
        await store.appendEvent(tx, { type: 'phase.updated', territory: params.slug, phase: updated });
        const summary = store.toSummary(await store.getTerritory(tx, params.slug));
        await store.appendEvent(tx, { type: 'territory.updated', territory: params.slug, summary });
        return updated;
      });
      return { status: 200, body: phase };
    },
    createMilestone: async ({ params, body }) => {
      const { milestone } = await change(params.slug, async (tx) => {
        const result = await store.createMilestone(tx, params.slug, params.phase, body);
        await store.checkPhases(tx, params.slug);
        await store.appendEvent(tx, { type: 'phase.updated', territory: params.slug, phase: result.phase });
        return result;
      });
      return { status: 201, body: milestone };
    },
    updateMilestone: async ({ params, body }) => {
      const { milestone } = await change(params.slug, async (tx) => {
        const result = await store.updateMilestone(tx, params.slug, params.phase, params.milestoneId, body);
        await store.checkPhases(tx, params.slug);
        await store.appendEvent(tx, { type: 'phase.updated', territory: params.slug, phase: result.phase });
        return result;
      });
      return { status: 200, body: milestone };
    },
    deleteMilestone: async ({ params }) => {
      await change(params.slug, async (tx) => {
        const phase = await store.deleteMilestone(tx, params.slug, params.phase, params.milestoneId);
        await store.checkPhases(tx, params.slug);
        await store.appendEvent(tx, { type: 'phase.updated', territory: params.slug, phase });
      });
      return { status: 204 };
    },
  };
}
