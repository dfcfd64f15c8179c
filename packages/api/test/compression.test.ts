// Compressed answers: cached reads compressed once, other JSON as it leaves, never a stream.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { get as httpGet, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { MemberPage } from '@tec/contract';
import { startTestServer, type TestServer } from '@tec/api/testing';
import { valid } from './helpers.js';
import { pickEncoding } from '../src/http/compression.js';
import { matchesEtag } from '../src/http/cache.js';

describe('compression', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  /** A GET with the raw bytes of the answer: fetch would decompress them out of sight. */
  function raw(path: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      httpGet(`${server.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      }).on('error', reject);
    });
  }

  it('picks brotli, else gzip, as Accept-Encoding asks, q=0 included', () => {
    assert.equal(pickEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(pickEncoding('gzip, deflate'), 'gzip');
    assert.equal(pickEncoding('br;q=0, gzip'), 'gzip');
    assert.equal(pickEncoding('br;q=0.5, gzip;q=0.8'), 'gzip');
    assert.equal(pickEncoding('*'), 'br');
    assert.equal(pickEncoding('*;q=0, identity'), undefined);
    assert.equal(pickEncoding('identity'), undefined);
    assert.equal(pickEncoding(undefined), undefined);
  });

  it('matches If-None-Match as RFC 9110 asks: weak comparison, lists, *, and any encoding of the tag', () => {
    const etag = '"aa-riSMsLSQbe_cDD2zwbag6FTk"';
    for (const header of [
      etag,
      '"aa-riSMsLSQbe_cDD2zwbag6FTk.br"',
      '"aa-riSMsLSQbe_cDD2zwbag6FTk.gz"',
      `W/${etag}`,
      ` ${etag} `,
      `"other", ${etag}`,
      '"other",W/"aa-riSMsLSQbe_cDD2zwbag6FTk.gz"',
      '*',
    ])
      assert.equal(matchesEtag(header, etag), true, header);
    for (const header of [
      undefined,
      '',
      '"aa-riSMsLSQbe_cDD2zwbag6FTl"',
      '"aa-riSMsLSQbe_cDD2zwbag6FTk.zz"',
      '"aa-riSMsLSQbe_cDD2zwbag6FTl.br"',
      '"xa-riSMsLSQbe_cDD2zwbag6FTk.br"',
      '"aa-riSMsLSQbe_cDD2zwbag6FTk.br.br"',
      'aa-riSMsLSQbe_cDD2zwbag6FTk',
      '"aa-riSMsLSQbe_cDD2zwbag6FT"',
      `${etag}x`,
      '"other"',
      ',,,',
      'W/',
      '"'.repeat(5000),
    ])
      assert.equal(matchesEtag(header, etag), false, String(header));
  });

  it('sends cached reads compressed once: the same bytes from the route and from the fast path', async () => {
    const path = '/v1/territories/roya/members?limit=50';
    const first = await raw(path, { 'accept-encoding': 'gzip, deflate, br' });
    const second = await raw(path, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(first.status, 200);
    assert.equal(first.headers['content-encoding'], 'br');
    assert.match(String(first.headers.vary), /Accept-Encoding/);
    const json = brotliDecompressSync(first.body).toString();
    valid(MemberPage, JSON.parse(json));
    assert.ok(first.body.length < Buffer.byteLength(json) / 2, `${first.body.length} of ${json.length}`);
    // The second is the cache's (fast path): byte for byte what the route sent.
    assert.deepEqual(second.body, first.body);
    for (const h of ['etag', 'content-encoding', 'vary', 'cache-control', 'access-control-allow-origin'])
      assert.equal(second.headers[h], first.headers[h], h);

    const gz = await raw(path, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), json);
    const plain = await raw(path);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), json);
    assert.match(String(plain.headers.vary), /Accept-Encoding/);
    // One content, three representations: three strong validators, each good for a 304.
    const tags = new Set([first.headers.etag, gz.headers.etag, plain.headers.etag]);
    assert.equal(tags.size, 3);
    for (const tag of tags) {
      const again = await raw(path, { 'accept-encoding': 'br', 'if-none-match': String(tag) });
      assert.equal(again.status, 304);
      assert.equal(again.headers['content-encoding'], undefined);
      assert.equal(again.body.length, 0);
    }
  });

  it('compresses other JSON answers as they leave, but not small ones', async () => {
    const doc = await raw('/v1/openapi.json', { 'accept-encoding': 'br' });
    assert.equal(doc.status, 200);
    assert.equal(doc.headers['cache-control'], 'no-store');
    assert.equal(doc.headers['content-encoding'], 'br');
    assert.equal(Number(doc.headers['content-length'] ?? doc.body.length), doc.body.length);
    assert.match(String(doc.headers.vary), /Accept-Encoding/);
    const text = brotliDecompressSync(doc.body).toString();
    assert.equal((JSON.parse(text) as { openapi: string }).openapi, '3.1.0');
    assert.ok(doc.body.length < text.length / 4, `${doc.body.length} of ${text.length}`);
    const problem = await raw('/v1/territories/nowhere', { 'accept-encoding': 'br' });
    assert.equal(problem.status, 404);
    assert.equal(problem.headers['content-encoding'], undefined);
    assert.match(problem.body.toString(), /not-found/);
  });

  it('never compresses an event stream: the first event arrives at once', async () => {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      httpGet(
        `${server.url}/v1/events?territory=roya`,
        { headers: { 'accept-encoding': 'br, gzip' } },
        resolve,
      ).on('error', reject);
    });
    try {
      assert.equal(res.headers['content-type']?.startsWith('text/event-stream'), true);
      assert.equal(res.headers['content-encoding'], undefined);
      const [chunk] = (await once(res, 'data')) as [Buffer];
      assert.match(chunk.toString(), /event: ready/);
    } finally {
      res.destroy();
    }
  });
});
