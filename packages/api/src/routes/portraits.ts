/** A territory's portrait: the public read, and its edits (admin), each a live event. */
import * as store from '../store.js';
import type { Handlers } from '../http/types.js';
import type { RouteContext } from './context.js';

export function portraitRoutes({
  deps: { db },
  change,
  read,
}: RouteContext): Pick<Handlers, 'getPortrait' | 'updatePortrait'> {
  return {
    getPortrait: async ({ params }) => ({
      status: 200,
      body: await read(() => store.getPortrait(db, params.slug)),
    }),
    updatePortrait: async ({ params, body }) => {
      const portrait = await change(params.slug, async (tx) => {
        const updated = await store.updatePortrait(tx, params.slug, body);
        await store.appendEvent(tx, { type: 'portrait.updated', territory: params.slug, portrait: updated });
        return updated;
      });
      return { status: 200, body: portrait };
    },
  };
}
