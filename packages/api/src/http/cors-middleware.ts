/**
 * CORS as the application applies it (the policy is cors.ts): the headers each answer carries,
 * the preflight answer, and the origin guard every route runs first.
 */
import type { Context, Handler } from 'hono';
import type { Endpoint } from '@tec/contract';
import type { Config } from '../config.js';
import { audienceOf, createCors } from './cors.js';
import { HttpProblem } from './problem.js';
import { ownOrigin, pathname } from './request.js';

export interface CorsMiddleware {
  /** The CORS headers an answer to this request carries. */
  headers(c: Context): Record<string, string>;
  /** Answers `OPTIONS /v1/*`. */
  preflight: Handler;
  /** Refuses, before any parsing, an origin this endpoint does not accept. */
  guardOrigin(c: Context, endpoint: Endpoint): void;
}

export function corsMiddleware(config: Config): CorsMiddleware {
  const origins = createCors(config);
  return {
    headers: (c) =>
      origins.headers(audienceOf(c.req.method, pathname(c.req.url)), c.req.header('origin'), ownOrigin(c)),
    preflight: (c) => {
      const method = c.req.header('access-control-request-method') ?? 'GET';
      const headers = origins.preflight(
        audienceOf(method, pathname(c.req.url)),
        c.req.header('origin'),
        ownOrigin(c),
      );
      if (!headers) throw new HttpProblem('originNotAllowed', 'This origin may not make admin requests.');
      return c.body(null, 204, headers);
    },
    guardOrigin: (c, endpoint) => {
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
    },
  };
}
