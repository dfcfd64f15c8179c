/**
 * The Hono application. Routes are declared from the contract's endpoint table: each one gets
 * its parameters, query, headers and body validated with the contract's schemas before its
 * handler runs, and every error leaves as RFC 9457 problem details.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { streamSSE } from 'hono/streaming';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import type { z } from 'zod/mini';
import {
  check,
  endpoints,
  type Endpoint,
  type EndpointId,
  type Endpoints,
  type FieldError,
  type LiveEvent,
} from '@tec/contract';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { EventBus } from '../bus.js';
import { inScope, verifyToken } from '../auth.js';
import { eventsAfter, lastEventId as newestEventId, oldestEventId } from '../store.js';
import { HttpProblem, problemResponse, rateLimited } from './problem.js';
import { matchesEtag, representation, type CachedBody, type ResponseCache } from './cache.js';
import { compressAnswers, precompress } from './compression.js';
import { audienceOf, createCors } from './cors.js';
import { RateLimiter } from './ratelimit.js';
import { clientAddress as addressOf } from './client-address.js';
import { SECURITY_HEADERS, adminHostAllowed } from './security.js';
import { createHandlers } from './handlers.js';
import type { Logger } from '../log.js';
import type { Followup } from '../followup/routes.js';

type Out<S> = S extends z.ZodMiniType ? z.output<S> : Record<string, never>;

/** What a handler receives: validated inputs typed from the endpoint table. */
export interface HandlerInput<E extends Endpoint> {
  params: Out<E['params']>;
  query: Out<E['query']>;
  headers: Out<E['headers']>;
  body: Out<E['body']>;
  /** The admin token's scope, for admin routes. */
  scope: string;
  c: Context;
}

export type HandlerResult =
  { status: 200 | 201; body: unknown; headers?: Record<string, string> } | { status: 204 } | Response;

export type Handlers = {
  [K in EndpointId]: (input: HandlerInput<Endpoints[K]>) => Promise<HandlerResult>;
};

export interface AppDeps {
  config: Config;
  db: Database;
  bus: EventBus;
  cache: ResponseCache;
  log: Logger;
  version: string;
  /** Streams to end on shutdown. */
  streams: Set<() => void>;
  /** Per-client limits, shared with the cached-read fast path. */
  limits: { reads: RateLimiter; signups: RateLimiter };
  /** True once the process drains (SIGTERM): readiness answers 503. */
  draining?: () => boolean;
  /** Cancel links and the e-mail queue (followup/routes.ts). */
  followup?: Followup;
  /** Counts accepted sign-ups (Prometheus). */
  onSignup?: (territory: string) => void;
}

const MAX_BODY = 16 * 1024;

const CACHE_CONTROL = {
  public: 'public, max-age=60, stale-while-revalidate=300',
  geometry: 'public, max-age=86400, stale-while-revalidate=604800',
} as const;

/** The path and query of a request URL, without building a URL object (hot path). */
function pathAndQuery(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start < 0 ? '/' : url.slice(start);
}

function pathname(url: string): string {
  const full = pathAndQuery(url);
  const q = full.indexOf('?');
  return q < 0 ? full : full.slice(0, q);
}

function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
}

function clientAddress(c: Context, trustProxy: Config['trustProxy']): string {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    remote = undefined;
  }
  return addressOf(c.req.header('x-forwarded-for'), remote, trustProxy);
}

/**
 * The cache key of a public read: its path rebuilt from the validated parameters, and only the
 * query parameters the route knows, in the route's order. Unknown parameters, other spellings
 * and other orders share one entry, so no one can flush the cache by varying the URL.
 */
function cacheKeyOf(endpoint: Endpoint, params: object, query: object): string {
  const path = endpoint.path.replace(/\{(\w+)\}/g, (_: string, name: string) =>
    encodeURIComponent(String((params as Record<string, unknown>)[name])),
  );
  const known = endpoint.query ? Object.keys(endpoint.query.shape) : [];
  const search = new URLSearchParams();
  for (const key of known) {
    const value = (query as Record<string, unknown>)[key];
    if (value !== undefined) search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

/** The largest id a bigserial column can hold. */
const MAX_EVENT_ID = 9223372036854775807n;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function validationProblem(where: string, errors: FieldError[]): HttpProblem {
  return new HttpProblem(
    'validation',
    `The request ${where} is invalid: ${errors
      .slice(0, 3)
      .map((e) => (e.path === '(root)' ? e.message : `${e.path} ${e.message}`))
      .join('; ')}`,
    errors.map((e) => ({ path: e.path === '(root)' ? where : `${where}.${e.path}`, message: e.message })),
  );
}

function validate<S extends z.ZodMiniType>(schema: S | undefined, value: unknown, where: string) {
  if (!schema) return {};
  const result = check(schema, value);
  if (!result.ok) throw validationProblem(where, result.errors);
  return result.data;
}

export function createApp(deps: AppDeps): Hono {
  const { config, db, bus, cache, log } = deps;
  const app = new Hono();
  const handlers: Handlers = { ...createHandlers(deps), events: eventsHandler };
  const { reads, signups } = deps.limits;
  const adminFailures = new RateLimiter(config.adminFailuresPerMinute);
  const openStreams = new Map<string, number>();
  let streamCount = 0;

  // ----- headers every response carries -------------------------------------------------------
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  });

  // ----- logging and draining ---------------------------------------------------------------
  if (config.log === 'info') {
    app.use('*', async (c, next) => {
      const start = performance.now();
      await next();
      log.info('request', {
        method: c.req.method,
        // The path only: query strings may hold search words.
        path: pathname(c.req.url),
        status: c.res.status,
        ms: Math.round((performance.now() - start) * 10) / 10,
      });
    });
  }

  app.onError((error, c) => {
    if (error instanceof HttpProblem) return problemResponse(error, pathname(c.req.url), corsHeaders(c));
    log.error('unhandled error', { path: pathname(c.req.url), error: String(error) });
    return problemResponse(new HttpProblem('internal'), undefined, corsHeaders(c));
  });

  app.notFound((c) =>
    problemResponse(
      new HttpProblem('notFound', `No route for ${c.req.method} ${pathname(c.req.url)}`),
      undefined,
      corsHeaders(c),
    ),
  );

  // JSON answers leave compressed (compression.ts); cached reads were compressed once.
  app.use('/v1/*', compressAnswers());

  // ----- CORS (cors.ts) -------------------------------------------------------------------------
  const origins = createCors(config);
  /** The API's own origin, from the request URL without parsing it (hot path). */
  const ownOrigin = (c: Context) => {
    const url = c.req.url;
    const end = url.indexOf('/', url.indexOf('//') + 2);
    return end < 0 ? url : url.slice(0, end);
  };

  function corsHeaders(c: Context): Record<string, string> {
    return origins.headers(
      audienceOf(c.req.method, pathname(c.req.url)),
      c.req.header('origin'),
      ownOrigin(c),
    );
  }

  app.options('/v1/*', (c) => {
    const method = c.req.header('access-control-request-method') ?? 'GET';
    const headers = origins.preflight(
      audienceOf(method, pathname(c.req.url)),
      c.req.header('origin'),
      ownOrigin(c),
    );
    if (!headers) throw new HttpProblem('originNotAllowed', 'This origin may not make admin requests.');
    return c.body(null, 204, headers);
  });

  // ----- routes from the endpoint table -------------------------------------------------------
  for (const [id, endpoint] of Object.entries(endpoints) as [EndpointId, Endpoint][]) {
    const path = honoPath(endpoint.path);
    const middlewares: MiddlewareHandler[] = [];
    if (endpoint.body) {
      middlewares.push(
        bodyLimit({
          maxSize: MAX_BODY,
          onError: () => {
            throw new HttpProblem('tooLarge', `The body must be at most ${MAX_BODY} bytes.`);
          },
        }),
      );
    }
    const cacheControl = endpoint.cache ? CACHE_CONTROL[endpoint.cache] : undefined;
    const sendCached = (c: Context, cached: CachedBody) => {
      const { body, headers } = representation(cached, c.req.header('accept-encoding'));
      if (matchesEtag(c.req.header('if-none-match'), cached.etag)) {
        delete headers['content-encoding'];
        return c.body(null, 304, headers);
      }
      return c.body(body as string | Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/json; charset=utf-8',
        ...headers,
      });
    };

    const handle = async (c: Context) => {
      // Reads already in the cache never get here: the fast path in front of the app answers
      // them (fast-path.ts). What reaches the route is computed, then cached for the next ones.
      const client = clientAddress(c, config.trustProxy);
      const cors = corsHeaders(c);

      // Origins and limits first: they cost nothing and refuse before any parsing.
      if (
        !origins.allowed(
          audienceOf(endpoint.method, pathname(c.req.url)),
          c.req.header('origin'),
          ownOrigin(c),
        )
      ) {
        throw new HttpProblem(
          'originNotAllowed',
          endpoint.auth === 'admin'
            ? 'This origin may not make admin requests.'
            : 'This site may not send sign-ups: the operator of this TEC API accepts them only from the sites listed in TEC_ALLOWED_ORIGINS.',
        );
      }
      const limiter = id === 'createEngagement' ? signups : endpoint.method === 'GET' ? reads : undefined;
      const wait = limiter?.hit(client) ?? 0;
      if (wait > 0) {
        throw rateLimited(wait);
      }

      // Authentication before validation, so that probing admin routes reveals nothing.
      let scope = '';
      if (endpoint.auth === 'admin') {
        if (!adminHostAllowed(c.req.header('host'), config.publicHosts)) {
          throw new HttpProblem(
            'originNotAllowed',
            'Admin routes answer only the host names of TEC_PUBLIC_HOSTS (and IP addresses or localhost).',
          );
        }
        const throttled = adminFailures.blocked(client);
        if (throttled > 0) {
          log.info('admin authentication throttled', { retryAfter: throttled });
          throw rateLimited(
            throttled,
            `Too many failed admin authentications from this address; retry in ${throttled} s.`,
          );
        }
        const failed = (detail: string, challenge: string) => {
          if (adminFailures.hit(client) > 0) log.info('admin authentication throttled', {});
          return new HttpProblem('unauthorized', detail, undefined, { 'www-authenticate': challenge });
        };
        const header = c.req.header('authorization') ?? '';
        const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        if (!token) throw failed('Send Authorization: Bearer <admin token>.', 'Bearer');
        const verified = await verifyToken(db, token);
        if (!verified) throw failed('This token is unknown or revoked.', 'Bearer error="invalid_token"');
        scope = verified.scope;
        const slug = c.req.param('slug');
        if (slug !== undefined && !inScope(scope, slug)) {
          throw new HttpProblem('forbidden', `This token's scope does not cover the territory ${slug}.`);
        }
      }

      const params = validate(endpoint.params, c.req.param(), 'path');
      const query = validate(endpoint.query, c.req.query(), 'query');
      const headers = validate(endpoint.headers, c.req.header(), 'headers');
      let body: unknown = {};
      if (endpoint.body) {
        const type = c.req.header('content-type') ?? '';
        if (!/^application\/json\s*(;|$)/i.test(type)) {
          throw new HttpProblem('unsupportedMediaType', 'Send the body as application/json.');
        }
        let bytes: ArrayBuffer;
        try {
          bytes = await c.req.arrayBuffer();
        } catch (error) {
          if (error instanceof HttpProblem) throw error; // too large
          // The client went away mid-upload: nothing to answer, nothing went wrong here.
          throw new HttpProblem('validation', 'The body ended before its announced length.', [
            { path: 'body', message: 'was cut off before its end' },
          ]);
        }
        let text: string;
        try {
          text = strictUtf8.decode(bytes);
        } catch {
          throw new HttpProblem('validation', 'The body is not valid UTF-8.', [
            { path: 'body', message: 'is not valid UTF-8 text' },
          ]);
        }
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw new HttpProblem('validation', 'The body is not valid JSON.', [
            { path: 'body', message: 'is not valid JSON' },
          ]);
        }
        body = validate(endpoint.body, json, 'body');
      }

      // Public reads: serialized once, then served from the cache with a strong ETag until a
      // live event for the territory invalidates them.
      const cacheKey = cacheControl ? cacheKeyOf(endpoint, params, query) : undefined;
      const hit = cacheKey ? cache.get(cacheKey) : undefined;
      if (hit) return sendCached(c, hit);
      {
        const handler = handlers[id] as (input: HandlerInput<Endpoint>) => Promise<HandlerResult>;
        const result = await handler({ params, query, headers, body, scope, c } as HandlerInput<Endpoint>);
        if (result instanceof Response) {
          for (const [k, v] of Object.entries(cors)) result.headers.set(k, v);
          return result;
        }
        if (result.status === 204) return c.body(null, 204, cors);
        const json = JSON.stringify(result.body);
        if (!cacheKey) {
          return c.body(json, result.status, {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'no-store',
            ...cors,
            ...(result.headers ?? {}),
          });
        }
        const slug = (params as { slug?: string }).slug ?? '*';
        // Compressed once here, in the thread pool; every later hit sends these bytes.
        return sendCached(c, cache.set(cacheKey, slug, json, cacheControl!, await precompress(json)));
      }
    };
    app.on([endpoint.method], [path], ...middlewares, handle);
  }

  // ----- live events --------------------------------------------------------------------------

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
        streamCount -= 1;
        const left = (openStreams.get(client) ?? 1) - 1;
        if (left <= 0) openStreams.delete(client);
        else openStreams.set(client, left);
        await stream.close().catch(() => {});
      }
    });
  }
  async function eventsHandler({ query, c }: HandlerInput<Endpoints['events']>): Promise<Response> {
    const client = clientAddress(c, config.trustProxy);
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
      streamCount -= 1;
      const left = (openStreams.get(client) ?? 1) - 1;
      if (left <= 0) openStreams.delete(client);
      else openStreams.set(client, left);
      throw error;
    }
    const territories = query.territory ? new Set<string>(query.territory.split(',')) : undefined;
    const response = streamEvents(c, territories, client, resume);
    response.headers.set('cache-control', 'no-store');
    response.headers.set('x-accel-buffering', 'no');
    return response;
  }

  // ----- demo pages ---------------------------------------------------------------------------
  if (config.staticDir) {
    app.use('/*', serveStatic({ root: config.staticDir }));
  }
  return app;
}
