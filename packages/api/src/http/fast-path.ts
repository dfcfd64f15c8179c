/**
 * Cached public reads, answered before the framework sees the request. The cache holds only
 * responses the full route produced and validated (keyed by path and query), so this path sends
 * the very same bytes and headers, at a fraction of the cost; anything else falls through.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PUBLIC_CORS, matchesEtag, representation, type ResponseCache } from './cache.js';
import { rateLimited } from './problem.js';
import type { RateLimiter } from './ratelimit.js';
import type { TrustProxy } from '../config.js';
import { clientAddress } from './client-address.js';
import { SECURITY_HEADERS } from './security.js';

export function cachedReads(cache: ResponseCache, reads: RateLimiter, trustProxy: TrustProxy) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
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
      return true;
    }
    // Precompressed when it was cached: brotli or gzip as asked, no work per request.
    const representationOf = representation(hit, req.headers['accept-encoding']);
    const body = representationOf.body;
    const headers: Record<string, string> = { ...representationOf.headers, ...SECURITY_HEADERS };
    if (matchesEtag(req.headers['if-none-match'], hit.etag)) {
      delete headers['content-encoding'];
      res.writeHead(304, headers).end();
    } else {
      res.writeHead(200, { ...headers, 'content-type': 'application/json; charset=utf-8' }).end(body);
    }
    return true;
  };
}
