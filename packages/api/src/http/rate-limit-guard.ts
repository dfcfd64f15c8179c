/** The per-client limits a route checks before any parsing: sign-ups, and reads. */
import type { Endpoint, EndpointId } from '@tec/contract';
import { rateLimited } from './problem.js';
import type { AppDeps } from './types.js';

export function guardRate(
  id: EndpointId,
  endpoint: Endpoint,
  limits: AppDeps['limits'],
  client: string,
): void {
  const limiter =
    id === 'createEngagement' ? limits.signups : endpoint.method === 'GET' ? limits.reads : undefined;
  const wait = limiter?.hit(client) ?? 0;
  if (wait > 0) throw rateLimited(wait);
}
