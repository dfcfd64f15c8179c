/**
 * The console of the programme's teams (packages/console), served as the static files its build
 * wrote, at `/console/` on the API's own origin: its admin calls need no CORS, and its policy
 * lets it talk to this API alone. TEC_CONSOLE_DIR names the folder (`npm start` sets it).
 */
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

/**
 * Nothing but the console's own script, style and images and this API; no page may frame it
 * (a framed console could be clicked through by another site); no form posts anywhere.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

export function mountConsole(app: Hono, dir: string): void {
  app.get('/console', (c) => c.redirect('/console/', 301));
  app.use('/console/*', async (c, next) => {
    await next();
    c.res.headers.set('content-security-policy', CONSOLE_CSP);
    c.res.headers.set('x-frame-options', 'DENY');
    c.res.headers.set('cache-control', 'no-cache');
  });
  app.use(
    '/console/*',
    serveStatic({ root: dir, rewriteRequestPath: (path) => path.replace(/^\/console/, '') }),
  );
}
