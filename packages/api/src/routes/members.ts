/** A territory's members: the paged public list and the admin edits. */
import * as store from '../store.js';
import type { Handlers } from '../http/types.js';
import type { RouteContext } from './context.js';

export function memberRoutes({
  deps: { db },
  change,
  read,
  requireTerritory,
}: RouteContext): Pick<Handlers, 'listMembers' | 'createMember' | 'updateMember' | 'deleteMember'> {
  return {
    listMembers: async ({ params, query }) => {
      await requireTerritory(params.slug);
      return { status: 200, body: await read(() => store.listMembers(db, params.slug, query)) };
    },
    createMember: async ({ params, body }) => {
      await requireTerritory(params.slug);
      const member = await change(params.slug, async (tx) => {
        const created = await store.insertMember(tx, params.slug, body);
        await store.appendEvent(tx, { type: 'member.added', territory: params.slug, member: created });
        return created;
      });
      return { status: 201, body: member };
    },
    updateMember: async ({ params, body }) => {
      const member = await change(params.slug, async (tx) => {
        const updated = await store.updateMember(tx, params.slug, params.memberId, body);
        await store.appendEvent(tx, { type: 'member.updated', territory: params.slug, member: updated });
        return updated;
      });
      return { status: 200, body: member };
    },
    deleteMember: async ({ params }) => {
      await change(params.slug, async (tx) => {
        await store.deleteMember(tx, params.slug, params.memberId);
        await store.appendEvent(tx, {
          type: 'member.removed',
          territory: params.slug,
          memberId: params.memberId,
        });
      });
      return { status: 204 };
    },
  };
}
