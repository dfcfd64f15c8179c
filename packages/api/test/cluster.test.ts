// Several API processes on one PostgreSQL: live events and cache invalidation cross between them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Phase } from '@tec/contract';
import { startTestServer, type TestServer } from '@tec/api/testing';
import { admin, get, openStream } from './helpers.js';

describe('two API processes sharing PostgreSQL', () => {
  let a: TestServer;
  let b: TestServer;
  before(async () => {
    a = await startTestServer({ engine: 'postgres' });
    b = await startTestServer({ engine: 'postgres', databaseUrl: a.databaseUrl! });
  });
  after(async () => {
    await b.close();
    await a.close();
  });

  it('delivers a change made through one process to a stream open on the other', async () => {
    const stream = openStream(`${b.url}/v1/events?territory=roya`);
    await stream.until('ready');
    await admin(a, 'PATCH', '/territories/roya/phases/cooperations', { progress: 0.61 });
    const [event] = await stream.until('phase.updated');
    assert.equal((JSON.parse(event!.data) as { phase: Phase }).phase.progress, 0.61);
    stream.close();
  });

  it('invalidates the other process’s cached responses', async () => {
    const before = await get<{ phases: Phase[] }>(b, '/v1/territories/roya/phases');
    const stream = openStream(`${b.url}/v1/events?territory=roya`);
    await stream.until('ready');
    await admin(a, 'PATCH', '/territories/roya/phases/cooperations', { progress: 0.62 });
    await stream.until('phase.updated');
    const afterChange = await get<{ phases: Phase[] }>(b, '/v1/territories/roya/phases', {
      'if-none-match': before.headers.get('etag')!,
    });
    assert.equal(afterChange.status, 200);
    assert.equal(afterChange.body.phases[1]!.progress, 0.62);
    stream.close();
  });
});
