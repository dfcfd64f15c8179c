/**
 * The follow-up's routes, as handlers.ts calls them: a sign-up with its e-mail queued, the
 * cancel page (GET, never cancels) and the cancellation (POST, from that page's form or a client).
 */
import type { Context } from 'hono';
import type { Cancellation } from '@tec/contract';
import type { Database, Sql } from '../db/database.js';
import { appendEvent } from '../store.js';
import type { EventBus } from '../bus.js';
import type { ResponseCache } from '../http/cache.js';
import type { MailWorker } from '../mail/worker.js';
import type { Removal } from './removal.js';
import { HttpProblem } from '../http/problem.js';
import { verifyCancelToken } from './cancel-token.js';
import { cancelEngagement, describeEngagement, promoteWaiting, recountPlaces } from './engagements.js';
import { cancelledPage, confirmPage, goneLinkPage } from './pages.js';

/** What the follow-up needs from the server; `worker` is set once the server listens. */
export interface Followup {
  secret: string;
  timeZone: string;
  worker: MailWorker | undefined;
}

/** Tells the mail loop of this process that a message is queued (others hear the NOTIFY). */
export function mailQueued(followup: Followup | undefined): void {
  followup?.worker?.kick();
}

/** A browser (a person who followed the link) rather than a program: it gets pages, not JSON. */
function wantsHtml(c: Context): boolean {
  return /text\/html/i.test(c.req.header('accept') ?? '');
}

export async function cancelPage(
  db: Database,
  followup: Followup,
  token: string,
  c: Context,
): Promise<Response> {
  const id = verifyCancelToken(followup.secret, token);
  const subject = id ? await describeEngagement(db, id) : undefined;
  if (subject) return confirmPage(subject, followup.timeZone);
  // A person gets a page that says what happened; a program the usual problem details.
  if (wantsHtml(c)) return goneLinkPage();
  throw new HttpProblem('notFound', 'This cancel link is not valid or was already used.');
}

/**
 * Cancels in one transaction with its `places.changed` event; answers the form with a page, a
 * client with JSON. `change` is handlers.ts's transaction runner (cache and bus told after).
 */
export async function cancelByToken(
  db: Database,
  followup: Followup,
  token: string,
  c: Context,
  change: <T>(slug: string, fn: (tx: Sql) => Promise<T>) => Promise<T>,
): Promise<Response | Cancellation> {
  // The confirm page's form (a browser): answered with a page. Anything else: JSON.
  const wantsPage =
    wantsHtml(c) &&
    /application\/x-www-form-urlencoded|multipart\/form-data/i.test(c.req.header('content-type') ?? '');
  const id = verifyCancelToken(followup.secret, token);
  const subject = id ? await describeEngagement(db, id) : undefined;
  if (!id || !subject) {
    if (wantsPage) return goneLinkPage();
    return {
      status: 'already-cancelled',
      territory: null,
      opportunityId: null,
      placesLeft: null,
      promoted: false,
    };
  }
  const [found] = await db.query<{ territory: string }>('select territory from engagements where id = $1', [
    id,
  ]);
  const result = await change(found?.territory ?? '*', async (tx) => {
    const done = await cancelEngagement(tx, id);
    if (
      done.territory &&
      done.opportunityId &&
      done.placesLeft !== null &&
      done.placesLeft !== done.placesBefore
    ) {
      await appendEvent(tx, {
        type: 'places.changed',
        territory: done.territory,
        opportunityId: done.opportunityId,
        placesLeft: done.placesLeft,
      });
    }
    return done;
  });
  // The cancellation's e-mail, and the promotion's if anyone got the place.
  if (result.status === 'cancelled') mailQueued(followup);
  if (wantsPage) return result.status === 'cancelled' ? cancelledPage(subject.lang) : goneLinkPage();
  return {
    status: result.status,
    territory: result.territory,
    opportunityId: result.opportunityId,
    placesLeft: result.placesLeft,
    promoted: result.promoted,
  };
}

/**
 * After an admin changed an opportunity (its capacity may have grown): the waiting list gets
 * the free places, in order. Returns whether anyone was promoted.
 */
export async function fillFromWaitingList(tx: Sql, slug: string, opportunityId: string): Promise<boolean> {
  const promoted = await promoteWaiting(tx, slug, opportunityId);
  if (promoted.length > 0) await recountPlaces(tx, slug, opportunityId);
  return promoted.length > 0;
}

/**
 * After an erasure or a purge committed: open widgets and the cache hear of the freed places at
 * once (other processes through NOTIFY), the promoted get their e-mail, and the outbox files of
 * the deleted queue rows go — with, for an erasure, every file to that person (`email`), for a
 * purge every file older than the retention period (`before`).
 */
export function afterRemoval(
  deps: { bus: EventBus; cache: ResponseCache; followup?: Followup | undefined },
  removal: Removal,
  files: { email?: string; before?: Date },
): void {
  for (const territory of removal.territories) deps.cache.invalidate(territory);
  if (removal.territories.length > 0) void deps.bus.pull();
  if (removal.promoted > 0) mailQueued(deps.followup);
  deps.followup?.worker?.erase({ ...files, jobs: removal.mails });
}
