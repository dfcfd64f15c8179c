// The demo partner sites' server (npm start): bad paths get a 404, never a 500, and the admin
// console is sent with a strict Content-Security-Policy that no page may frame.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startDemoServer, type DemoServer } from '../scripts/demo.js';

let demo: DemoServer;
before(async () => {
  // The API is not called by these requests: its origin only goes into the policies.
  demo = await startDemoServer({ apiUrl: 'http://127.0.0.1:9' });
});
after(() => demo.close());

describe('the demo server', () => {
  for (const path of ['/%', '/%E0%A4%A', '/built/', '/built/%', '/cdn/', '/cdn/%E0%A4%A', '/mairie/%00']) {
    it(`answers ${path} with 404, not 500`, async () => {
      const response = await fetch(`${demo.url}${path}`);
      await response.arrayBuffer();
      assert.equal(response.status, 404);
    });
  }

  it('sends the console with a strict CSP, frame-ancestors none, nosniff and no referrer', async () => {
    const response = await fetch(`${demo.url}/console/`);
    await response.text();
    assert.equal(response.status, 200);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  });
});
