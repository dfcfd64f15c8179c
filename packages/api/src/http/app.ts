/**
 * The Hono application, assembled from named middlewares: security headers, request log,
 * problem answers, compression, CORS preflight, the routes of the contract's endpoint table
 * (each guarded by origin, rate limit and, for admin routes, token; then validated), and the
 * demo pages. What each route does is in routes/, one module per resource.
 */
import { Hono } from 'hono';
import { compressAnswers } from './compression.js';
import { corsMiddleware } from './cors-middleware.js';
import { adminGuard } from './admin-guard.js';
import { answerProblems } from './errors.js';
import { demoPages } from './demo-pages.js';
import { requestLog } from './request-log.js';
import { registerRoutes } from './routing.js';
import { securityHeaders } from './security.js';
import { createHandlers } from './handlers.js';
import type { AppDeps } from './types.js';

export type { AppDeps, HandlerInput, HandlerResult, Handlers } from './types.js';

export function createApp(deps: AppDeps): Hono {
  const { config, log } = deps;
  const app = new Hono();
  const cors = corsMiddleware(config);

  app.use('*', securityHeaders());
  if (config.log === 'info') app.use('*', requestLog(log));
  answerProblems(app, log, cors.headers);
  // JSON answers leave compressed (compression.ts); cached reads were compressed once.
  app.use('/v1/*', compressAnswers());
  app.options('/v1/*', cors.preflight);
  registerRoutes(app, { deps, handlers: createHandlers(deps), cors, admin: adminGuard(deps) });
  if (config.staticDir) app.use('/*', demoPages(config.staticDir));
  return app;
}
