/** A territory's opportunities: the public list and the admin edits. */
import * as store from '../store.js';
import type { Handlers } from '../http/types.js';
import type { RouteContext } from './context.js';

export function opportunityRoutes({
  deps: { db },
  change,
  requireTerritory,
}: RouteContext): Pick<
  Handlers,
  'listOpportunities' | 'createOpportunity' | 'updateOpportunity' | 'deleteOpportunity'
> {
  return {
    listOpportunities: async ({ params }) => {
      await requireTerritory(params.slug);
      return {
        status: 200,
        body: { territory: params.slug, items: await store.listOpportunities(db, params.slug) },
      };
    },
    createOpportunity: async ({ params, body }) => {
      await requireTerritory(params.slug);
      const opportunity = await change(params.slug, async (tx) => {
        await store.checkNotInSelection(tx, params.slug, 'opportunities');
        const created = await store.insertOpportunity(tx, params.slug, body);
        await store.appendEvent(tx, {
          type: 'opportunity.added',
          territory: params.slug,
          opportunity: created,
        });
        return created;
      });
      return { status: 201, body: opportunity };
    },
    updateOpportunity: async ({ params, body }) => {
      const opportunity = await change(params.slug, async (tx) => {
        const updated = await store.updateOpportunity(tx, params.slug, params.opportunityId, body);
        await store.appendEvent(tx, {
          type: 'opportunity.updated',
          territory: params.slug,
          opportunity: updated,
        });
        return updated;
      });
      return { status: 200, body: opportunity };
    },
    deleteOpportunity: async ({ params }) => {
      await change(params.slug, async (tx) => {
        await store.deleteOpportunity(tx, params.slug, params.opportunityId);
        await store.appendEvent(tx, {
          type: 'opportunity.removed',
          territory: params.slug,
          opportunityId: params.opportunityId,
        });
      });
      return { status: 204 };
    },
  };
}
