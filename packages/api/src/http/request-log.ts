/** Middleware: one log line per request, its path only (query strings may hold search words). */
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../log.js';
import { pathname } from './request.js';

export function requestLog(log: Logger): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    log.info('request', {
      method: c.req.method,
      path: pathname(c.req.url),
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
    });
  };
}
