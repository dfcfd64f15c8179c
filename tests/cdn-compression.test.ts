/**
 * The CDN set is precompressed at build time (`<file>.br` and `<file>.gz` beside every file, the
 * names nginx's brotli_static and gzip_static look for), and the demo server sends those files,
 * and its own pages compressed, as the browser's Accept-Encoding asks.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { get as httpGet, type IncomingHttpHeaders } from 'node:http';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { buildDemo, cdnDir, startDemoServer, type DemoServer } from '../scripts/demo.js';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('the precompressed CDN set', () => {
  let demo: DemoServer;
  before(async () => {
    await buildDemo({ log: () => {} });
    demo = await startDemoServer({ apiUrl: 'http://127.0.0.1:9' });
  });
  after(() => demo?.close());

  it('has a .br and a .gz beside every file, each the same bytes once decompressed', () => {
    const originals = files(cdnDir).filter((f) => !/\.(br|gz)$/.test(f));
    const names = originals.map((f) => relative(cdnDir, f)).sort();
    for (const expected of ['tec.js', 'tec.css', 'manifest.json', 'snippets/tec-engagement-cta.html']) {
      assert.ok(names.includes(expected), expected);
    }
    for (const file of originals) {
      const name = relative(cdnDir, file);
      assert.ok(existsSync(`${file}.br`), `${name}.br is missing: run npm run build`);
      assert.ok(existsSync(`${file}.gz`), `${name}.gz is missing: run npm run build`);
      const bytes = readFileSync(file);
      assert.deepEqual(brotliDecompressSync(readFileSync(`${file}.br`)), bytes, `${name}.br`);
      assert.deepEqual(gunzipSync(readFileSync(`${file}.gz`)), bytes, `${name}.gz`);
    }
  });

  function raw(path: string, headers: Record<string, string> = {}) {
    return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      httpGet(`${demo.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      }).on('error', reject);
    });
  }

  it('is sent as the browser asks: the build’s .br, else its .gz, else the file', async () => {
    const version = relative(join(cdnDir, '..'), cdnDir);
    const path = `/cdn/${version}/tec.js`;
    const file = join(cdnDir, 'tec.js');
    const br = await raw(path, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.deepEqual(br.body, readFileSync(`${file}.br`));
    assert.match(String(br.headers.vary), /Accept-Encoding/);
    const gz = await raw(path, { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(gz.body, readFileSync(`${file}.gz`));
    const plain = await raw(path);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.deepEqual(plain.body, readFileSync(file));
  });

  it('sends the demo pages compressed too', async () => {
    const page = await raw('/habitants/', { 'accept-encoding': 'br' });
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-encoding'], 'br');
    assert.match(String(page.headers.vary), /Accept-Encoding/);
    assert.match(brotliDecompressSync(page.body).toString(), /<tec-engagement-cta/);
    const gz = await raw('/habitants/', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.match(gunzipSync(gz.body).toString(), /<tec-engagement-cta/);
  });
});
