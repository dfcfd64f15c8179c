/** Middleware: the demo pages and the CDN set, served from TEC_STATIC_DIR when it is set. */
import type { MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

export function demoPages(root: string): MiddlewareHandler {
  return serveStatic({ root });
}
