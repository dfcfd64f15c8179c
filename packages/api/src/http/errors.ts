/** Every error and every unknown route leaves as RFC 9457 problem details, with CORS headers. */
import type { Context, Hono } from 'hono';
import type { Logger } from '../log.js';
import { HttpProblem, problemResponse } from './problem.js';
import { pathname } from './request.js';

export function answerProblems(
  app: Hono,
  log: Logger,
  corsHeaders: (c: Context) => Record<string, string>,
): void {
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
}
