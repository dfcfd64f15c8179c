/** Parts of a request URL, read without building a URL object (hot path). */
import type { Context } from 'hono';

/** The path and query of a request URL. */
export function pathAndQuery(url: string): string {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start < 0 ? '/' : url.slice(start);
}

/** The path of a request URL, without its query. */
export function pathname(url: string): string {
  const full = pathAndQuery(url);
  const q = full.indexOf('?');
  return q < 0 ? full : full.slice(0, q);
}

/** The API's own origin, from the request URL. */
export function ownOrigin(c: Context): string {
  const url = c.req.url;
  const end = url.indexOf('/', url.indexOf('//') + 2);
  return end < 0 ? url : url.slice(0, end);
}
