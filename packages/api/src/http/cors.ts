/**
 * Cross-origin rules, in one place. A widget's job is to work on whatever page it is pasted
 * into, and no request of the API carries credentials (no cookie, ever), so:
 *
 * - public reads answer every page with `Access-Control-Allow-Origin: *`;
 * - sign-ups are accepted from any page by default; the operator may restrict them to the
 *   server's own origin and `TEC_ALLOWED_ORIGINS` (`TEC_SIGNUP_ORIGINS=allowed`). A refused page
 *   still gets CORS headers on its preflight and on the 403, so that the widget can read the
 *   `origin-not-allowed` problem and say what happened instead of "the service does not answer";
 * - admin routes answer only the server's own origin and `TEC_ALLOWED_ORIGINS`.
 */
import type { Config } from '../config.js';
import { PUBLIC_CORS } from './cache.js';

/** What a request is, for the cross-origin rules. */
export type Audience = 'read' | 'signup' | 'admin';

const EXPOSED = 'ETag, Retry-After, Idempotent-Replayed';
const ALLOWED_HEADERS = 'content-type, idempotency-key, authorization, if-none-match, last-event-id';

export function audienceOf(method: string, path: string): Audience {
  if (path.startsWith('/v1/admin/')) return 'admin';
  return method === 'GET' || method === 'HEAD' ? 'read' : 'signup';
}

/**
 * The page origin a browser sent, normalised (`https://mairie.example.fr`), or undefined when
 * there is none or it is not an http(s) origin (`null` from a sandboxed frame or a file).
 */
export function pageOrigin(header: string | undefined): string | undefined {
  if (!header || header === 'null' || header.length > 300) return undefined;
  try {
    const url = new URL(header);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

export interface Cors {
  /**
   * May a browser page of `origin` (the raw `Origin` header) make this request? Requests
   * without an Origin (servers, scripts) always may.
   */
  allowed(audience: Audience, origin: string | undefined, ownOrigin: string): boolean;
  /** The CORS headers of a response (success or problem) to this request. */
  headers(audience: Audience, origin: string | undefined, ownOrigin: string): Record<string, string>;
  /**
   * The headers of a preflight's 204, or undefined when the page is refused outright (admin
   * routes from a page not on the list).
   */
  preflight(
    audience: Audience,
    origin: string | undefined,
    ownOrigin: string,
  ): Record<string, string> | undefined;
}

export function createCors(config: Pick<Config, 'allowedOrigins' | 'signupOrigins'>): Cors {
  const listed = (origin: string, own: string) => origin === own || config.allowedOrigins.includes(origin);

  /**
   * Who may read the answer: any page for reads; for sign-ups the page itself, refused or not,
   * so that a refusal can be read (`*` for an opaque origin such as a sandboxed frame's `null`);
   * for admin routes only a listed page.
   */
  function allowOrigin(audience: Audience, origin: string | undefined, own: string): string | undefined {
    if (audience === 'read') return '*';
    if (origin === undefined) return undefined;
    if (audience === 'signup') return pageOrigin(origin) ?? '*';
    return listed(origin, own) ? origin : undefined;
  }

  return {
    allowed(audience, origin, own) {
      if (audience === 'read' || origin === undefined) return true;
      if (audience === 'signup' && config.signupOrigins === 'any') return true;
      return listed(origin, own);
    },
    headers(audience, origin, own): Record<string, string> {
      if (audience === 'read') return PUBLIC_CORS;
      const allow = allowOrigin(audience, origin, own);
      if (!allow) return { vary: 'Origin' };
      return {
        'access-control-allow-origin': allow,
        'access-control-expose-headers': EXPOSED,
        vary: 'Origin',
      };
    },
    preflight(audience, origin, own) {
      const allow = allowOrigin(audience, origin, own);
      if (!allow) return undefined;
      return {
        'access-control-allow-origin': allow,
        'access-control-allow-methods':
          audience === 'read' ? 'GET' : audience === 'signup' ? 'POST' : 'GET, POST, PATCH, DELETE',
        'access-control-allow-headers': ALLOWED_HEADERS,
        'access-control-max-age': '600',
        // The answer depends on the page for writes, and on the method asked for on any path.
        vary: audience === 'read' ? 'Access-Control-Request-Method' : 'Origin, Access-Control-Request-Method',
      };
    },
  };
}
