/**
 * The admin routes' guard, run before validation so that probing them reveals nothing: the Host
 * header (DNS rebinding), a throttle on failed authentications, the bearer token and its scope.
 */
import type { Context } from 'hono';
import { inScope, verifyToken } from '../auth.js';
import { HttpProblem, rateLimited } from './problem.js';
import { RateLimiter } from './ratelimit.js';
import { adminHostAllowed } from './security.js';
import type { AppDeps } from './types.js';

/** Returns a guard that answers the token's scope, or throws the problem to send. */
export function adminGuard({ config, db, log }: Pick<AppDeps, 'config' | 'db' | 'log'>) {
  const failures = new RateLimiter(config.adminFailuresPerMinute);
  return async (c: Context, client: string): Promise<string> => {
    if (!adminHostAllowed(c.req.header('host'), config.publicHosts)) {
      throw new HttpProblem(
        'originNotAllowed',
        'Admin routes answer only the host names of TEC_PUBLIC_HOSTS (and IP addresses or localhost).',
      );
    }
    const throttled = failures.blocked(client);
    if (throttled > 0) {
      log.info('admin authentication throttled', { retryAfter: throttled });
      throw rateLimited(
        throttled,
        `Too many failed admin authentications from this address; retry in ${throttled} s.`,
      );
    }
    const failed = (detail: string, challenge: string) => {
      if (failures.hit(client) > 0) log.info('admin authentication throttled', {});
      return new HttpProblem('unauthorized', detail, undefined, { 'www-authenticate': challenge });
    };
    const header = c.req.header('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw failed('Send Authorization: Bearer <admin token>.', 'Bearer');
    const verified = await verifyToken(db, token);
    if (!verified) throw failed('This token is unknown or revoked.', 'Bearer error="invalid_token"');
    const slug = c.req.param('slug');
    if (slug !== undefined && !inScope(verified.scope, slug)) {
      throw new HttpProblem('forbidden', `This token's scope does not cover the territory ${slug}.`);
    }
    return verified.scope;
  };
}
