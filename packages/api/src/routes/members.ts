/**
 * A territory's members: the paged public list and the admin edits. A territory being selected
 * takes none; a member's change reaches the cooperations it acts in.
 */
import * as store from '../store.js';
import type { Sql } from '../db/database.js';
import type { Handlers } from '../http/types.js';
import type { RouteContext } from './context.js';

/** A member's name, kind or presence shows in the cooperations it takes part in: say so live. */
async function cooperationsChanged(tx: Sql, slug: string, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    const cooperation = await store.getCooperation(tx, slug, id);
    await store.appendEvent(tx, { type: 'cooperation.updated', territory: slug, cooperation });
  }
}

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
        await store.checkNotInSelection(tx, params.slug, 'members');
        const created = await store.insertMember(tx, params.slug, body);
        await store.appendEvent(tx, { type: 'member.added', territory: params.slug, member: created });
        return created;
      });
      return { status: 201, body: member };
    },
    updateMember: async ({ params, body }) => {
      const member = await change(params.slug, async (tx) => {
        const updated = await store.updateMember(tx, params.slug, params.memberId, body);
        const ids = await store.cooperationsOfMember(tx, params.slug, params.memberId);
        await store.appendEvent(tx, { type: 'member.updated', territory: params.slug, member: updated });
        await cooperationsChanged(tx, params.slug, ids);
        return updated;
      });
      return { status: 200, body: member };
    },
    deleteMember: async ({ params }) => {
      await change(params.slug, async (tx) => {
        const ids = await store.cooperationsOfMember(tx, params.slug, params.memberId);
        await store.deleteMember(tx, params.slug, params.memberId);
        await store.appendEvent(tx, {
          type: 'member.removed',
          territory: params.slug,
          memberId: params.memberId,
        });
        await cooperationsChanged(tx, params.slug, ids);
      });
      return { status: 204 };
    },
  };
}
