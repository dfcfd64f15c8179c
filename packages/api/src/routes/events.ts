/**
 * GET /v1/events: live events as Server-Sent Events. A client resuming with Last-Event-ID is
 * replayed what it missed from the database, within bounds, else told to reload; streams are
 * capped in all and per client.
 *
 * Built for ten thousand streams on one process (issue 19): one bus subscription for all the
 * streams, which are kept in a Set per territory; each event is serialized and encoded once and
 * the same bytes are queued on every stream of its territory; one heartbeat timer for all
 * streams. A stream whose client stops reading is ended once its queue passes a bound (the client
 * resumes with Last-Event-ID), so a slow reader cannot hold memory without end.
 */
import type { ServerResponse } from 'node:http';
import type { Context } from 'hono';
import type { Endpoints, LiveEvent } from '@tec/contract';
import { eventsAfter, lastEventId as newestEventId, oldestEventId } from '../store.js';
import { HttpProblem, rateLimited } from '../http/problem.js';
import { requestClient } from '../http/client-address.js';
import type { AppDeps, HandlerInput } from '../http/types.js';

/** The largest id a bigserial column can hold. */
const MAX_EVENT_ID = 9223372036854775807n;

const encoder = new TextEncoder();
const PING = encoder.encode(': ping\n\n');

/** One SSE message, as `hono/streaming`'s `writeSSE` wrote it (the data is one JSON line). */
function message(event: string, data: string, id?: string, retry?: number): Uint8Array {
  return encoder.encode(
    `event: ${event}\ndata: ${data}${id === undefined ? '' : `\nid: ${id}`}${retry === undefined ? '' : `\nretry: ${retry}`}\n\n`,
  );
}

function eventMessage(event: LiveEvent): Uint8Array {
  return message(event.type, JSON.stringify(event), event.id);
}

/** `a > b` for event ids: decimal strings without leading zeros (a bigserial's text). */
function isAfter(a: string, b: string): boolean {
  return a.length === b.length ? a > b : a.length > b.length;
}

/** One open stream: where it stands, and its queue (the response body's controller). */
interface Stream {
  readonly territories: ReadonlySet<string> | undefined;
  readonly controller: ReadableStreamDefaultController<Uint8Array>;
  /**
   * The Node response, written to directly once the server has sent the headers and the first
   * message through the body (below); undefined before, or when served without Node's HTTP.
   */
  out: ServerResponse | undefined;
  sentUpTo: string;
  /** Live events held while the missed ones are read from the database; undefined when live. */
  buffered: LiveEvent[] | undefined;
  readonly end: () => void;
}

export function eventRoutes(deps: AppDeps) {
  const { config, db, bus, log } = deps;
  const openStreams = new Map<string, number>();
  let streamCount = 0;
  /** Live streams by territory, and those that take every territory. */
  const byTerritory = new Map<string, Set<Stream>>();
  const everywhere = new Set<Stream>();
  /** Every live stream, for the heartbeat. */
  const all = new Set<Stream>();
  let unsubscribe: (() => void) | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  /**
   * Messages a stream may have queued and unread before it is ended: a whole replay fits, with
   * room to spare; past it the client is not reading (it resumes with Last-Event-ID).
   */
  const maxQueued = config.replayMaxEvents + 1000;
  /** The same bound in bytes, when writing to the Node response directly. */
  const maxBuffered = maxQueued * 1024;

  /** Queues bytes on a stream; ends it when its client has stopped reading. */
  function enqueue(stream: Stream, bytes: Uint8Array) {
    const out = stream.out;
    if (out) {
      if (out.destroyed || out.writableEnded) return stream.end();
      out.write(bytes);
      if (out.writableLength > maxBuffered) {
        log.info('event stream ended: its client is not reading', { buffered: out.writableLength });
        stream.end();
      }
      return;
    }
    try {
      stream.controller.enqueue(bytes);
      if (-(stream.controller.desiredSize ?? 0) > maxQueued) {
        log.info('event stream ended: its client is not reading', { queued: maxQueued });
        stream.end();
      }
    } catch {
      stream.end();
    }
  }

  /** Sends an event the stream has not had yet (a replayed event may also arrive live). */
  function send(stream: Stream, event: LiveEvent, bytes?: Uint8Array) {
    if (!isAfter(event.id, stream.sentUpTo)) return;
    stream.sentUpTo = event.id;
    enqueue(stream, bytes ?? eventMessage(event));
  }

  function deliver(stream: Stream, event: LiveEvent, bytes: Uint8Array) {
    if (stream.buffered) stream.buffered.push(event);
    else send(stream, event, bytes);
  }

  /** The bus's one subscriber: each event serialized once, for every stream of its territory. */
  function fanOut(event: LiveEvent) {
    const streams = byTerritory.get(event.territory);
    if (!streams && everywhere.size === 0) return;
    const bytes = eventMessage(event);
    if (streams) for (const stream of streams) deliver(stream, event, bytes);
    for (const stream of everywhere) deliver(stream, event, bytes);
  }

  function ping() {
    for (const stream of all) enqueue(stream, PING);
  }

  function join(stream: Stream) {
    if (stream.territories) {
      for (const territory of stream.territories) {
        let streams = byTerritory.get(territory);
        if (!streams) byTerritory.set(territory, (streams = new Set()));
        streams.add(stream);
      }
    } else everywhere.add(stream);
    all.add(stream);
    unsubscribe ??= bus.subscribe({ territories: undefined, deliver: fanOut });
    if (!heartbeat) {
      heartbeat = setInterval(ping, config.heartbeatMs);
      heartbeat.unref();
    }
  }

  function leave(stream: Stream) {
    if (stream.territories) {
      for (const territory of stream.territories) {
        const streams = byTerritory.get(territory);
        streams?.delete(stream);
        if (streams?.size === 0) byTerritory.delete(territory);
      }
    } else everywhere.delete(stream);
    all.delete(stream);
    if (all.size === 0) {
      unsubscribe?.();
      unsubscribe = undefined;
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  }

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

  /**
   * Catches a resuming stream up from the database, within bounds: more than
   * `replayMaxEvents` missed events, one older than `replayMaxAgeHours`, pruned events or an id
   * never issued, and the client is told to reload its data instead; then it goes on live.
   */
  async function replay(stream: Stream, resume: bigint | 'reload') {
    let reason: string | undefined = resume === 'reload' ? 'unknown-id' : undefined;
    let missed: LiveEvent[] = [];
    if (typeof resume === 'bigint') {
      missed = await eventsAfter(
        db,
        resume.toString(),
        stream.territories ? [...stream.territories] : undefined,
        config.replayMaxEvents + 1,
      );
      const oldestKept = BigInt(await oldestEventId(db));
      if (missed.length > config.replayMaxEvents) reason = 'too-many';
      else if (oldestKept > 0n && resume + 1n < oldestKept) reason = 'pruned';
      else if (missed[0] && Date.parse(missed[0].at) < Date.now() - config.replayMaxAgeHours * 3_600_000)
        reason = 'too-old';
    }
    if (reason) {
      const upTo = [BigInt(bus.lastId), BigInt(await newestEventId(db))]
        .reduce((a, b) => (a > b ? a : b))
        .toString();
      stream.sentUpTo = upTo;
      enqueue(stream, message('reload', JSON.stringify({ lastEventId: upTo, reason }), upTo));
    } else {
      for (const event of missed) send(stream, event);
    }
    const buffered = stream.buffered ?? [];
    stream.buffered = undefined;
    for (const event of buffered) send(stream, event);
  }

  function streamEvents(
    c: Context,
    territories: ReadonlySet<string> | undefined,
    client: string,
    resume: bigint | 'reload' | undefined,
  ): Response {
    let stream: Stream | undefined;
    let closed = false;
    const end = () => {
      if (closed) return;
      closed = true;
      if (stream) leave(stream);
      deps.streams.delete(end);
      release(client);
      try {
        stream?.controller.close();
      } catch {
        // Already closed or cancelled by the client.
      }
    };
    // The body's first message goes through the response stream, so that the server sends the
    // headers the middleware set; once the server asks for more with nothing queued (a second
    // `pull`), everything queued has been handed to the Node response, and later messages are
    // written to it directly: copying a web stream costs a few promises per message and stream,
    // and `@hono/node-server` chains them for as long as the stream lives.
    const outgoing = (c.env as { outgoing?: unknown } | undefined)?.outgoing as ServerResponse | undefined;
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        stream = {
          territories,
          controller,
          out: undefined,
          sentUpTo: typeof resume === 'bigint' ? resume.toString() : bus.lastId,
          buffered: resume === undefined ? undefined : [],
          end,
        };
        deps.streams.add(end);
        join(stream);
        controller.enqueue(message('ready', JSON.stringify({ lastEventId: bus.lastId }), undefined, 3000));
        if (resume !== undefined) {
          replay(stream, resume).catch((error: unknown) => {
            log.error('event replay', { error: String(error) });
            end();
          });
        }
      },
      pull() {
        pulls += 1;
        if (pulls >= 2 && outgoing && stream && !closed) stream.out = outgoing;
      },
      cancel: end,
    });
    c.header('Transfer-Encoding', 'chunked');
    c.header('Content-Type', 'text/event-stream');
    c.header('Cache-Control', 'no-cache');
    c.header('Connection', 'keep-alive');
    return c.newResponse(body);
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
