/**
 * The client's address, as reverse proxies mean it. Each proxy appends the address it received
 * the request from to `X-Forwarded-For`, so only the right-most entries were written by proxies
 * we trust; everything to their left is whatever the client sent. With N trusted hops the client
 * is the N-th entry from the right; with a list of proxy addresses, it is the first address,
 * walking from the connection leftwards, that is not one of them.
 */
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { TrustProxy } from '../config.js';

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is `10.0.0.1`. */
function plain(address: string): string {
  const a = address.trim().toLowerCase();
  return a.startsWith('::ffff:') && a.includes('.') ? a.slice(7) : a;
}

export function clientAddress(
  forwardedFor: string | string[] | undefined,
  remote: string | undefined,
  trust: TrustProxy,
): string {
  const peer = plain(remote ?? 'unknown') || 'unknown';
  if (trust === false || trust === 0 || forwardedFor === undefined) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  const hops = header
    .split(',')
    .map(plain)
    .filter((s) => s !== '');
  if (hops.length === 0) return peer;
  if (typeof trust === 'number' || trust === true) {
    const n = trust === true ? 1 : trust;
    // Fewer entries than trusted hops: the chain is shorter than configured, and its left-most
    // entry was still written by a proxy of ours.
    return hops[Math.max(0, hops.length - n)]!;
  }
  const trusted = new Set(trust.map(plain));
  if (!trusted.has(peer)) return peer;
  for (let i = hops.length - 1; i >= 0; i -= 1) {
    if (!trusted.has(hops[i]!)) return hops[i]!;
  }
  return hops[0]!;
}

/** The client's address of a request the application handles: the fast path's rule, the same. */
export function requestClient(c: Context, trust: TrustProxy): string {
  let remote: string | undefined;
  try {
    remote = getConnInfo(c).remote.address;
  } catch {
    remote = undefined;
  }
  return clientAddress(c.req.header('x-forwarded-for'), remote, trust);
}
