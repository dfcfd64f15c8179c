/**
 * Headers every API response carries, and the checks that guard admin routes beyond their
 * token: the Host header (DNS rebinding) and a throttle on failed authentication.
 */
import type { MiddlewareHandler } from 'hono';

export const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
} as const;

const IP_HOST = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])(:\d{1,5})?$/i;
const LOCALHOST = /^localhost(:\d{1,5})?$/i;

/**
 * Whether admin routes may answer a request sent to `host`. A page that rebinds its own DNS name
 * to this server reaches it under that name, never under an address or `localhost`; so those are
 * always fine, and any other name must be one of `TEC_PUBLIC_HOSTS`.
 */
export function adminHostAllowed(host: string | undefined, publicHosts: readonly string[]): boolean {
  if (!host) return false;
  const h = host.trim().toLowerCase();
  if (IP_HOST.test(h) || LOCALHOST.test(h)) return true;
  return publicHosts.includes(h) || publicHosts.includes(h.replace(/:(80|443)$/, ''));
}

/** Middleware: the security headers on every response. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(k, v);
  };
}
