/**
 * GET /v1/events: live events as Server-Sent Events. A client resuming with Last-Event-ID is
 * replayed what it missed from the database, within bounds, else told to reload; streams are
 * capped in all and per client.
 */
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Endpoints, LiveEvent } from '@tec/contract';
import { eventsAfter, lastEventId as newestEventId, oldestEventId } from '../store.js';
import { HttpProblem, rateLimited } from '../http/problem.js';
import { requestClient } from '../http/client-address.js';
import type { AppDeps, HandlerInput } from '../http/types.js';

/** The largest id a bigserial column can hold. */
const MAX_EVENT_ID = 9223372036854775807n;

export function eventRoutes(deps: AppDeps) {
  const { config, db, bus, log } = deps;
  const openStreams = new Map<string, number>();
  let streamCount = 0;

  /**
   * Where a resuming client stands: an id to replay after, or `reload` when it names an event
   * this server never issued (beyond the newest, or beyond what the id column can hold).
   */
  async function resumeFrom(c: Context): Promise<bigint | 'reload' | undefined> {
    const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    if (raw === undefined || raw === '') return undefined;
    if (!/^\d{1,20}$/.test(raw)) return 'reload';
    const id = BigInt(raw);
    if (id > MAX_EVENT_ID) return 'reload';
    if (id > BigInt(bus.lastId) && id > BigInt(await newestEventId(db))) return 'reload';
    return id;
  }

  function release(client: string) {
    streamCount -= 1;
    const left = (openStreams.get(client) ?? 1) - 1;
    if (left <= 0) openStreams.delete(client);
    else openStreams.set(client, left);
  }

  function streamEvents(
    c: Context,
    territories: ReadonlySet<string> | undefined,
    client: string,
    resume: bigint | 'reload' | undefined,
  ) {
    return streamSSE(c, async (stream) => {
      let sentUpTo = typeof resume === 'bigint' ? resume : BigInt(bus.lastId);
      let replaying = resume !== undefined;
      const buffered: LiveEvent[] = [];
      let closed = false;
      let wake: () => void = () => {};
      const done = new Promise<void>((resolve) => (wake = resolve));
      const end = () => {
        closed = true;
        wake();
      };
      deps.streams.add(end);

      const send = (event: LiveEvent) => {
        if (closed || BigInt(event.id) <= sentUpTo) return;
        sentUpTo = BigInt(event.id);
        stream.writeSSE({ event: event.type, id: event.id, data: JSON.stringify(event) }).catch(end);
      };
      const unsubscribe = bus.subscribe({
        territories,
        deliver: (event) => (replaying ? buffered.push(event) : send(event)),
      });
      stream.onAbort(end);
      try {
        await stream.writeSSE({
          event: 'ready',
          data: JSON.stringify({ lastEventId: bus.lastId }),
          retry: 3000,
        });
        if (resume !== undefined) {
          // Catch up from the database, within bounds: more than `replayMaxEvents` missed
          // events, one older than `replayMaxAgeHours`, pruned events or an id never issued,
          // and the client is told to reload its data instead, then goes on live.
          let reason: string | undefined = resume === 'reload' ? 'unknown-id' : undefined;
          let missed: LiveEvent[] = [];
          if (typeof resume === 'bigint') {
            missed = await eventsAfter(
              db,
              resume.toString(),
              territories ? [...territories] : undefined,
              config.replayMaxEvents + 1,
            );
            const oldestKept = BigInt(await oldestEventId(db));
            if (missed.length > config.replayMaxEvents) reason = 'too-many';
            else if (oldestKept > 0n && resume + 1n < oldestKept) reason = 'pruned';
            else if (
              missed[0] &&
              Date.parse(missed[0].at) < Date.now() - config.replayMaxAgeHours * 3_600_000
            )
              reason = 'too-old';
          }
          if (reason) {
            const upTo = [BigInt(bus.lastId), BigInt(await newestEventId(db))].reduce((a, b) =>
              a > b ? a : b,
            );
            sentUpTo = upTo;
            await stream.writeSSE({
              event: 'reload',
              id: upTo.toString(),
              data: JSON.stringify({ lastEventId: upTo.toString(), reason }),
            });
          } else {
            for (const event of missed) send(event);
          }
          replaying = false;
          for (const event of buffered.splice(0)) send(event);
        }
        const heartbeat = setInterval(() => {
          stream.write(': ping\n\n').catch(end);
        }, config.heartbeatMs);
        await done;
        clearInterval(heartbeat);
      } finally {
        unsubscribe();
        deps.streams.delete(end);
        release(client);
        await stream.close().catch(() => {});
      }
    });
  }

  return {
    events: async ({ query, c }: HandlerInput<Endpoints['events']>): Promise<Response> => {
      const client = requestClient(c, config.trustProxy);
      if (config.maxStreams > 0 && streamCount >= config.maxStreams) {
        log.info('event streams at capacity', { open: streamCount });
        throw new HttpProblem(
          'unavailable',
          'This server has as many event streams open as it takes; poll instead, or retry later.',
          undefined,
          { 'retry-after': '30' },
          30,
        );
      }
      if (config.streamsPerClient > 0 && (openStreams.get(client) ?? 0) >= config.streamsPerClient) {
        throw rateLimited(30, 'Too many open event streams from this client.');
      }
      // Counted now, before any await, so that a burst of requests cannot pass the caps together.
      streamCount += 1;
      openStreams.set(client, (openStreams.get(client) ?? 0) + 1);
      let resume: bigint | 'reload' | undefined;
      try {
        resume = await resumeFrom(c);
      } catch (error) {
        release(client);
        throw error;
      }
      const territories = query.territory ? new Set<string>(query.territory.split(',')) : undefined;
      const response = streamEvents(c, territories, client, resume);
      response.headers.set('cache-control', 'no-store');
      response.headers.set('x-accel-buffering', 'no');
      return response;
    },
  };
}
