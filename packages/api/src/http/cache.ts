import { createHash } from 'node:crypto';
import { encodedEtag, pickEncoding, varyOnEncoding, type Encoding } from './compression.js';

/** Public reads may be fetched from any page: they carry no personal data and no credentials. */
export const PUBLIC_CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'ETag, Retry-After',
} as const;

export interface CachedBody {
  body: string;
  etag: string;
  cacheControl: string;
  /** The body compressed once, when it was cached (absent for small bodies). */
  encoded?: Record<Encoding, Buffer> | undefined;
}

/**
 * What to send of a cached body for an `Accept-Encoding`: the same bytes and headers whether the
 * fast path or the route answers.
 */
export function representation(
  cached: CachedBody,
  acceptEncoding: string | string[] | undefined,
): { body: string | Buffer; headers: Record<string, string> } {
  const encoding = cached.encoded ? pickEncoding(acceptEncoding) : undefined;
  const headers: Record<string, string> = {
    etag: encodedEtag(cached.etag, encoding),
    'cache-control': cached.cacheControl,
    ...PUBLIC_CORS,
  };
  if (cached.encoded) headers.vary = varyOnEncoding(undefined);
  if (!encoding) return { body: cached.body, headers };
  headers['content-encoding'] = encoding;
  return { body: cached.encoded![encoding], headers };
}

/** A strong validator: the SHA-1 of the exact bytes sent, base64url. */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * True when an If-None-Match header matches `etag` (weak comparison, as RFC 9110 asks for GET),
 * in any of its encodings (`"….br"`, `"….gz"`: the same content).
 */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  // What a browser sends back nearly always: the one tag it was given, as it was given.
  if (ifNoneMatch === etag) return true;
  if (ifNoneMatch.length === etag.length + 3 && /^"[^"]*\.(br|gz)"$/.test(ifNoneMatch))
    return ifNoneMatch.startsWith(etag.slice(0, -1));
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some(
    (tag) =>
      tag
        .trim()
        .replace(/^W\//, '')
        .replace(/\.(br|gz)"$/, '"') === etag,
  );
}

/** The cache scope of a territory's geometry, invalidated only by its `geometry.updated` events. */
export function geometryScope(territory: string): string {
  return `geometry:${territory}`;
}

/**
 * Serialized public responses, kept per territory until a live event says that territory
 * changed. Every process invalidates from the same event stream, so replicas agree within the
 * delivery delay of an event. Bounded: the oldest entries go first.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedBody & { scope: string }>();
  /**
   * Counts invalidations. A read computed while a change committed may hold the data from
   * before it: it is answered, but not kept, when an invalidation came between its start
   * (`version` read before the handler ran) and its `set` — else it would outlive the event that
   * should have removed it, and every later read would get the old data.
   */
  version = 0;

  constructor(private readonly maxEntries = 2000) {}

  get(key: string): CachedBody | undefined {
    return this.entries.get(key);
  }

  set(
    key: string,
    scope: string,
    body: string,
    cacheControl: string,
    encoded?: Record<Encoding, Buffer>,
    since?: number,
  ): CachedBody {
    const entry = { body, etag: etagOf(body), cacheControl, scope, encoded };
    if (since !== undefined && since !== this.version) return entry;
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return entry;
  }

  /** Forgets what depends on `territory`, and everything national (`*`). */
  invalidate(territory: string): void {
    this.version += 1;
    for (const [key, entry] of this.entries) {
      if (entry.scope === territory || entry.scope === '*') this.entries.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
