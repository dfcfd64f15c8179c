// Per-client rate limits on reads and sign-ups.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestServer } from '@tec/api/testing';
import { assertProblem, get, request, signup } from './helpers.js';

describe('limits', () => {
  it('rate-limits reads per client, cached or not, each request counted once', async () => {
    const server = await startTestServer({ config: { readRatePerMinute: 3 } });
    try {
      const replies = [];
      // The first read is computed by the route, the next ones answered from the cache.
      for (let i = 0; i < 5; i += 1) replies.push(await get(server, '/v1/territories'));
      assert.deepEqual(
        replies.map((r) => r.status),
        [200, 200, 200, 429, 429],
      );
      const problem = assertProblem(replies[3]!, 429, 'rate-limited');
      assert.ok(Number(replies[3]!.headers.get('retry-after')) > 0);
      assert.equal(problem.instance, '/v1/territories');
      assert.equal(replies[3]!.headers.get('access-control-allow-origin'), '*');
    } finally {
      await server.close();
    }
  });

  it('rate-limits sign-ups per client with Retry-After', async () => {
    const server = await startTestServer({ config: { signupRatePerMinute: 3 } });
    try {
      const statuses: number[] = [];
      let last;
      for (let i = 0; i < 5; i += 1) {
        last = await request(server, 'POST', '/v1/territories/roya/engagements', {
          body: signup('opp_roya_1', { email: `rate${i}@example.org` }),
        });
        statuses.push(last.status);
      }
      assert.deepEqual(statuses, [201, 201, 201, 429, 429]);
      const problem = assertProblem(last!, 429, 'rate-limited');
      assert.ok(Number(last!.headers.get('retry-after')) > 0);
      assert.ok((problem.retryAfter ?? 0) > 0);
    } finally {
      await server.close();
    }
  });
});
