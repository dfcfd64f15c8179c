/**
 * Cached public reads, answered before the framework sees the request. The cache holds only
 * responses the full route produced and validated (keyed by path and query), so this path sends
 * the very same bytes and headers, at a fraction of the cost; anything else falls through.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PUBLIC_CORS, matchesEtag, representation, type ResponseCache } from './cache.js';
import { rateLimited } from './problem.js';
import type { RateLimiter } from './ratelimit.js';

export function cachedReads(cache: ResponseCache, reads: RateLimiter, trustProxy: boolean) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' || !req.url) return false;
    const hit = cache.get(req.url);
    if (!hit) return false;
    const forwarded = trustProxy
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')[0]
          ?.trim()
      : '';
    const wait = reads.hit(forwarded || req.socket.remoteAddress || 'unknown');
    if (wait > 0) {
      const problem = rateLimited(wait);
      res
        .writeHead(429, {
          'content-type': 'application/problem+json; charset=utf-8',
          'cache-control': 'no-store',
          ...PUBLIC_CORS,
          ...problem.headers,
        })
        .end(JSON.stringify(problem.body(req.url.split('?')[0])));
      return true;
    }
    // Precompressed when it was cached: brotli or gzip as asked, no work per request.
    const { body, headers } = representation(hit, req.headers['accept-encoding']);
    if (matchesEtag(req.headers['if-none-match'], hit.etag)) {
      delete headers['content-encoding'];
      res.writeHead(304, headers).end();
    } else {
      res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(body);
    }
    return true;
  };
}
