/**
 * Compression of the API's answers: brotli or gzip, as the client's `Accept-Encoding` asks, with
 * `Vary: Accept-Encoding`. Cached reads are compressed once, when they are cached, and sent from
 * the cache as they are (cache.ts, fast-path.ts); other JSON answers are compressed as they
 * leave. Event streams never are: a compressor holds bytes back until it has enough, and a live
 * event must leave at once.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

export type Encoding = 'br' | 'gzip';

/** Below this many bytes, compression saves less than it costs: sent as they are. */
export const MIN_COMPRESS_BYTES = 1024;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * The encoding to send for an `Accept-Encoding` header: brotli when accepted, else gzip, else
 * none. Honours `q=0` (refused) and `*`.
 */
export function pickEncoding(header: string | string[] | undefined): Encoding | undefined {
  if (!header) return undefined;
  const text = Array.isArray(header) ? header.join(',') : header;
  let br: number | undefined;
  let gz: number | undefined;
  let any: number | undefined;
  for (const part of text.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    let q = 1;
    for (const param of params) {
      const [key, value] = param.trim().split('=');
      if (key === 'q') q = Number(value);
    }
    if (!(q >= 0 && q <= 1)) q = 0;
    if (name === 'br') br = q;
    else if (name === 'gzip' || name === 'x-gzip') gz = q;
    else if (name === '*') any = q;
  }
  const brQ = br ?? any ?? 0;
  const gzQ = gz ?? any ?? 0;
  if (brQ > 0 && brQ >= gzQ) return 'br';
  if (gzQ > 0) return 'gzip';
  return undefined;
}

/**
 * Compresses `body` in the thread pool (the event loop stays free). `quality` `high` is for what
 * is compressed once and sent many times (cached reads), `fast` for one-off answers.
 */
export function compress(
  body: string | Uint8Array,
  encoding: Encoding,
  quality: 'high' | 'fast',
): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: quality === 'high' ? 9 : 4,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: typeof body === 'string' ? Buffer.byteLength(body) : body.length,
      },
    });
  }
  return gzipAsync(body, { level: quality === 'high' ? 9 : 6 });
}

/** Both encodings of a body worth compressing (precompressed cached reads), or undefined. */
export async function precompress(body: string): Promise<Record<Encoding, Buffer> | undefined> {
  if (Buffer.byteLength(body) < MIN_COMPRESS_BYTES) return undefined;
  const [br, gz] = await Promise.all([compress(body, 'br', 'high'), compress(body, 'gzip', 'high')]);
  return { br, gzip: gz };
}

/** Adds `Accept-Encoding` to a response's `Vary`, keeping what is there. */
export function varyOnEncoding(vary: string | null | undefined): string {
  if (!vary) return 'Accept-Encoding';
  return /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary) ? vary : `${vary}, Accept-Encoding`;
}

const COMPRESSIBLE = /^(application\/(json|problem\+json)|text\/csv)\b/i;

/**
 * Compresses the JSON (and CSV) answers that leave the app uncompressed: admin answers,
 * receipts, problems, health. Anything already encoded (a cached read), empty, small or not
 * JSON — event streams above all — passes untouched.
 */
export function compressAnswers(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const encoding = pickEncoding(c.req.header('accept-encoding'));
    const res = c.res;
    if (c.req.method === 'HEAD' || !res.body || res.headers.has('content-encoding')) return;
    if (!COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return;
    const body = new Uint8Array(await res.arrayBuffer());
    const headers = new Headers(res.headers);
    if (body.length >= MIN_COMPRESS_BYTES) {
      headers.set('vary', varyOnEncoding(headers.get('vary')));
      if (encoding) {
        headers.set('content-encoding', encoding);
        headers.delete('content-length');
        const etag = headers.get('etag');
        if (etag) headers.set('etag', encodedEtag(etag, encoding));
        replace(c, new Response(await compress(body, encoding, 'fast'), { status: res.status, headers }));
        return;
      }
    }
    replace(c, new Response(body, { status: res.status, headers }));
  };
}

/** Hono merges the old response's headers into a new one: clear it first, to replace it whole. */
function replace(c: Context, response: Response): void {
  c.res = undefined;
  c.res = response;
}

/**
 * The strong validator of an encoded representation: another one than the identity's (RFC 9110
 * §8.8.3), `"….br"` / `"….gz"` (a dot is not in the base64url of the hash). `matchesEtag` takes
 * any of them for the same content.
 */
export function encodedEtag(etag: string, encoding: Encoding | undefined): string {
  if (!encoding) return etag;
  return `${etag.slice(0, -1)}.${encoding === 'br' ? 'br' : 'gz'}"`;
}
