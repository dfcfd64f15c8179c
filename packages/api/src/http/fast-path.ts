/**
 * Cached public reads, answered before the framework sees the request. The cache holds only
 * responses the full route produced and validated (keyed by path and query), so this path sends
 * the very same bytes and headers, at a fraction of the cost; anything else falls through.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PUBLIC_CORS, matchesEtag, representation, type CachedBody, type ResponseCache } from './cache.js';
import { rateLimited } from './problem.js';
import type { RateLimiter } from './ratelimit.js';
import type { TrustProxy } from '../config.js';
import { clientAddress } from './client-address.js';
import { SECURITY_HEADERS } from './security.js';
import { recordIn, type Metrics, type Series } from '../metrics.js';

/** What to send of one cached body for one `Accept-Encoding` value, 200 and 304, built once. */
interface Prepared {
  body: string | Buffer;
  ok: Record<string, string>;
  notModified: Record<string, string>;
  /** Where its 200s and 304s are counted, found on the first of each (one route, by its path). */
  okSeries?: Series;
  notModifiedSeries?: Series;
}

/**
 * Prepared answers per cached body and `Accept-Encoding` value (browsers send a handful of
 * values): the headers of a cached read are built on its first request, not on every one. Held
 * weakly, so they go with the body when an event invalidates it.
 */
const prepared = new WeakMap<CachedBody, Map<string, Prepared>>();

function prepare(hit: CachedBody, acceptEncoding: string | string[] | undefined): Prepared {
  const key = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  let byEncoding = prepared.get(hit);
  if (!byEncoding) {
    byEncoding = new Map();
    prepared.set(hit, byEncoding);
  }
  let answer = byEncoding.get(key);
  if (!answer) {
    const { body, headers } = representation(hit, acceptEncoding);
    const common: Record<string, string> = { ...headers, ...SECURITY_HEADERS };
    const notModified = { ...common };
    delete notModified['content-encoding'];
    answer = { body, ok: { ...common, 'content-type': 'application/json; charset=utf-8' }, notModified };
    // Bounded: a client sending ever new values gets correct answers, just not kept.
    if (byEncoding.size < 16) byEncoding.set(key, answer);
  }
  return answer;
}

/**
 * The fast path: answers a cached public read and records it in `metrics` (with `start`, the
 * request's `performance.now()`), or returns false for the full route.
 */
export function cachedReads(
  cache: ResponseCache,
  reads: RateLimiter,
  trustProxy: TrustProxy,
  metrics: Pick<Metrics, 'seriesOf'>,
) {
  return (req: IncomingMessage, res: ServerResponse, start: number): boolean => {
    if (req.method !== 'GET' || !req.url) return false;
    const hit = cache.get(req.url);
    if (!hit) return false;
    const wait = reads.hit(
      clientAddress(req.headers['x-forwarded-for'], req.socket.remoteAddress, trustProxy),
    );
    if (wait > 0) {
      const problem = rateLimited(wait);
      res
        .writeHead(429, {
          'content-type': 'application/problem+json; charset=utf-8',
          'cache-control': 'no-store',
          ...PUBLIC_CORS,
          ...SECURITY_HEADERS,
          ...problem.headers,
        })
        .end(JSON.stringify(problem.body(req.url.split('?')[0])));
      recordIn(metrics.seriesOf(req, 429), start);
      return true;
    }
    // Precompressed when it was cached: brotli or gzip as asked, no work per request.
    const answer = prepare(hit, req.headers['accept-encoding']);
    if (matchesEtag(req.headers['if-none-match'], hit.etag)) {
      res.writeHead(304, answer.notModified).end();
      recordIn((answer.notModifiedSeries ??= metrics.seriesOf(req, 304)), start);
    } else {
      res.writeHead(200, answer.ok).end(answer.body);
      recordIn((answer.okSeries ??= metrics.seriesOf(req, 200)), start);
    }
    return true;
  };
}
