/**
 * Routes from the contract's endpoint table. Each route runs, in order: the body limit, the
 * origin guard, the rate limits, the admin guard, input validation; then a public read is served
 * from the cache or computed and cached, and anything else goes to its handler (routes/).
 */
import type { Context, Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { endpoints, type Endpoint, type EndpointId } from '@tec/contract';
import { HttpProblem } from './problem.js';
import { geometryScope, matchesEtag, representation, type CachedBody } from './cache.js';
import { precompress } from './compression.js';
import { requestClient } from './client-address.js';
import type { CorsMiddleware } from './cors-middleware.js';
import { guardRate } from './rate-limit-guard.js';
import { readInputs } from './inputs.js';
import type { AppDeps, HandlerInput, HandlerResult, Handlers } from './types.js';
import { audited, type Actor } from '../audit.js';

const MAX_BODY = 16 * 1024;

const CACHE_CONTROL = {
  public: 'public, max-age=60, stale-while-revalidate=300',
  geometry: 'public, max-age=86400, stale-while-revalidate=604800',
} as const;

function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ':$1');
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

function sendCached(c: Context, cached: CachedBody) {
  const { body, headers } = representation(cached, c.req.header('accept-encoding'));
  if (matchesEtag(c.req.header('if-none-match'), cached.etag)) {
    delete headers['content-encoding'];
    return c.body(null, 304, headers);
  }
  return c.body(body as string | Uint8Array<ArrayBuffer>, 200, {
    'content-type': 'application/json; charset=utf-8',
    ...headers,
  });
}

export interface RoutingDeps {
  deps: AppDeps;
  handlers: Handlers;
  cors: CorsMiddleware;
  /** The admin guard (admin-guard.ts): the verified token, or a problem thrown. */
  admin: (c: Context, client: string) => Promise<Actor>;
}

export function registerRoutes(app: Hono, { deps, handlers, cors, admin }: RoutingDeps): void {
  const { config, cache, db } = deps;
  for (const [id, endpoint] of Object.entries(endpoints) as [EndpointId, Endpoint][]) {
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
    const handler = handlers[id] as (input: HandlerInput<Endpoint>) => Promise<HandlerResult>;

    const handle = async (c: Context) => {
      // Reads already in the cache never get here: the fast path in front of the app answers
      // them (fast-path.ts). What reaches the route is computed, then cached for the next ones.
      const client = requestClient(c, config.trustProxy);
      const corsHeaders = cors.headers(c);

      // Origins and limits first: they cost nothing and refuse before any parsing.
      cors.guardOrigin(c, endpoint);
      guardRate(id, endpoint, deps.limits, client);
      // Authentication before validation, so that probing admin routes reveals nothing.
      const actor = endpoint.auth === 'admin' ? await admin(c, client) : undefined;
      const scope = actor?.scope ?? '';
      const { params, query, headers, body } = await readInputs(c, endpoint);

      // Public reads: serialized once, then served from the cache with a strong ETag until a
      // live event for the territory invalidates them.
      const cacheKey = cacheControl ? cacheKeyOf(endpoint, params, query) : undefined;
      const hit = cacheKey ? cache.get(cacheKey) : undefined;
      if (hit) return sendCached(c, hit);
      const cacheVersion = cache.version; // cache.ts: a read that overlaps a change is not kept
      const input = { params, query, headers, body, scope, token: actor, c } as HandlerInput<Endpoint>;
      // An admin change is recorded in the audit log, in its own transaction (audit.ts).
      const result = actor
        ? await audited(db, id, { actor, params, query, body }, () => handler(input))
        : await handler(input);
      if (result instanceof Response) {
        // A new Response rather than result.headers.set(): @hono/node-server may send a
        // Response from the status, body and headers it was built with, so later changes to
        // its headers can be lost (the cancel page went out without CORS headers).
        const headers = new Headers(result.headers);
        for (const [k, v] of Object.entries(corsHeaders)) headers.set(k, v);
        return new Response(result.body, { status: result.status, headers });
      }
      if (result.status === 204) return c.body(null, 204, corsHeaders);
      const json = JSON.stringify(result.body);
      if (!cacheKey) {
        return c.body(json, result.status, {
          'content-type': 'application/json; charset=utf-8',
          'cache-control': 'no-store',
          ...corsHeaders,
          ...(result.headers ?? {}),
        });
      }
      const slug = (params as { slug?: string }).slug;
      // A territory's outline and communes change only by a geometry import: its entry has its
      // own scope, so the territory's other events (a signup, a phase) keep its ~1 MB compressed
      // once (cache.ts, server.ts). The overview shows statuses and phases: national scope.
      const cacheScope =
        slug === undefined ? '*' : endpoint.cache === 'geometry' ? geometryScope(slug) : slug;
      // Compressed once here, in the thread pool; every later hit sends these bytes.
      return sendCached(
        c,
        cache.set(cacheKey, cacheScope, json, cacheControl!, await precompress(json), cacheVersion),
      );
    };
    app.on([endpoint.method], [honoPath(endpoint.path)], ...middlewares, handle);
  }
}
