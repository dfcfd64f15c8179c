/**
 * A territory's cooperations: the public list (filtered by commune) and the admin edits, each a
 * live event. A territory being selected takes none (`selection-has-content`).
 */
import * as store from '../store.js';
import type { Handlers } from '../http/types.js';
import type { RouteContext } from './context.js';

export function cooperationRoutes({
  deps: { db },
  change,
  read,
  requireTerritory,
}: RouteContext): Pick<
  Handlers,
  'listCooperations' | 'createCooperation' | 'updateCooperation' | 'deleteCooperation'
> {
  return {
    listCooperations: async ({ params, query }) => {
      await requireTerritory(params.slug);
      return {
        status: 200,
        body: await read(() => store.listCooperations(db, params.slug, query.commune)),
      };
    },
    createCooperation: async ({ params, body }) => {
      await requireTerritory(params.slug);
      const cooperation = await change(params.slug, async (tx) => {
        await store.checkNotInSelection(tx, params.slug, 'cooperations');
        const created = await store.insertCooperation(tx, params.slug, body);
        await store.appendEvent(tx, {
          type: 'cooperation.added',
          territory: params.slug,
          cooperation: created,
        });
        return created;
      });
      return { status: 201, body: cooperation };
    },
    updateCooperation: async ({ params, body }) => {
      const cooperation = await change(params.slug, async (tx) => {
        const updated = await store.updateCooperation(tx, params.slug, params.cooperationId, body);
        await store.appendEvent(tx, {
          type: 'cooperation.updated',
          territory: params.slug,
          cooperation: updated,
        });
        return updated;
      });
      return { status: 200, body: cooperation };
    },
    deleteCooperation: async ({ params }) => {
      await change(params.slug, async (tx) => {
        await store.deleteCooperation(tx, params.slug, params.cooperationId);
        await store.appendEvent(tx, {
          type: 'cooperation.removed',
          territory: params.slug,
          cooperationId: params.cooperationId,
        });
      });
      return { status: 204 };
    },
  };
}
