// The demo partner sites' server (npm start): bad paths get a 404, never a 500, and the admin
// console's address leads to the API, which serves it (packages/console).
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

  it('sends /console/ to the console on the API’s origin, where the API serves it', async () => {
    const response = await fetch(`${demo.url}/console/`, { redirect: 'manual' });
    await response.text();
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), 'http://127.0.0.1:9/console/');
  });
});
