// The SDK's live connection in Node.js: the Server-Sent Events format as the spec writes it
// (read by eventsource-parser), the server's `reload` message, and polling when streams are
// refused (503).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTecClient, type LiveNotice } from '@tec/sdk';
import { createTecAdmin } from '@tec/sdk/admin';
import { startTestServer, type TestServer } from '@tec/api/testing';

async function waitFor(test: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const event = (id: number) =>
  JSON.stringify({
    id: String(id),
    at: '2026-11-26T10:00:00.000Z',
    territory: 'roya',
    type: 'member.removed',
    memberId: `mbr_${id}`,
  });

/**
 * A stream server that writes exactly the bytes given: our API always ends lines with LF and
 * never splits data, so the other forms the spec allows (CRLF, CR, multi-line data) can only be
 * produced by a stand-in. Each connection gets the next script; the request headers are kept.
 */
async function scriptedStream(
  scripts: string[],
): Promise<{ url: string; requests: IncomingHttpHeaders[]; server: Server }> {
  const requests: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    requests.push(req.headers);
    const script = scripts[Math.min(requests.length - 1, scripts.length - 1)]!;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    if (requests.length > scripts.length) return; // stay open, quiet
    res.end(script);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server };
}

describe('the event-stream format (eventsource-parser)', () => {
  const servers: Server[] = [];
  after(() => servers.forEach((s) => s.close()));

  const cases: [string, string][] = [
    [
      'CRLF line ends',
      `event: ready\r\ndata: {"lastEventId":"4"}\r\n\r\nevent: member.removed\r\nid: 5\r\ndata: ${event(5)}\r\n\r\n`,
    ],
    [
      'CR line ends',
      `event: ready\rdata: {"lastEventId":"4"}\r\revent: member.removed\rid: 5\rdata: ${event(5)}\r\r`,
    ],
    [
      'multi-line data, comments and retry',
      `: a comment\n\nretry: 50\nevent: ready\ndata: {"lastEventId":\ndata: "4"}\n\n: ping\n\nevent: member.removed\nid: 5\ndata: ${event(5).replace(',"type"', ',\ndata: "type"')}\n\n`,
    ],
  ];
  for (const [what, script] of cases) {
    it(`reads ${what}, and resumes from the last id`, async () => {
      const { url, requests, server } = await scriptedStream([script]);
      servers.push(server);
      const tec = createTecClient({ baseUrl: url, live: { transport: 'fetch', maxBackoff: 50 } });
      const seen: LiveNotice[] = [];
      const stop = tec.live.subscribe({ territory: 'roya' }, (n) => seen.push(n));
      try {
        await waitFor(() => seen.length > 0, 'the event');
        assert.deepEqual(
          seen.map((n) => [n.type, 'id' in n ? n.id : '']),
          [['member.removed', '5']],
        );
        // The script ends the stream: the client comes back from where it was.
        await waitFor(() => requests.length >= 2, 'the reconnection');
        assert.equal(requests[1]!['last-event-id'], '5');
      } finally {
        stop();
      }
    });
  }
});

describe('reload and refusal from the real server', () => {
  const servers: TestServer[] = [];
  after(() => Promise.all(servers.map((s) => s.close().catch(() => {}))));

  it('a reload (the database is not the one it resumed on) reloads the cache and tells subscribers', async () => {
    const first = await startTestServer();
    servers.push(first);
    const adminFirst = createTecAdmin({ baseUrl: first.url, token: first.adminToken });
    for (const progress of [0.1, 0.2, 0.3]) await adminFirst.updatePhase('roya', 'portrait', { progress });
    const port = first.port;
    const tec = createTecClient({ baseUrl: first.url, live: { transport: 'fetch', maxBackoff: 200 } });
    await tec.phases.list('roya');
    await tec.territories.list();
    const seen: LiveNotice[] = [];
    const all: LiveNotice[] = [];
    const stop = tec.live.subscribe({ territory: 'roya' }, (n) => seen.push(n));
    const stopAll = tec.live.subscribe({}, (n) => all.push(n));
    try {
      await waitFor(() => tec.live.state === 'open', 'the stream');
      await adminFirst.updatePhase('roya', 'portrait', { progress: 0.4 });
      await waitFor(() => seen.some((n) => n.type === 'phase.updated'), 'a live event');
      // The server comes back on a fresh database (a restore, say): its ids start again.
      await first.close();
      const second = await startTestServer({ config: { port } });
      servers.push(second);
      const requestsBefore = tec.cache.requests;
      await waitFor(() => seen.some((n) => n.type === 'resync'), 'the resync after reload');
      assert.deepEqual(seen.at(-1), { type: 'resync', territory: 'roya' });
      assert.deepEqual(all.at(-1), { type: 'resync', territory: '*' });
      assert.ok(tec.cache.requests >= requestsBefore + 2, 'what the cache held was reloaded');
      const phases = await tec.phases.list('roya');
      // The new server's data, as it serves it (not the 0.4 of before, nor what was cached).
      const served = (await (await fetch(`${second.url}/v1/territories/roya/phases`)).json()) as {
        phases: { progress: number }[];
      };
      assert.equal(phases[0]!.progress, served.phases[0]!.progress, 'the data is the new server’s');
      assert.notEqual(phases[0]!.progress, 0.4);
      // Then live again, from the new server's position.
      const adminSecond = createTecAdmin({ baseUrl: second.url, token: second.adminToken });
      const count = seen.length;
      await adminSecond.updatePhase('roya', 'portrait', { progress: 0.55 });
      await waitFor(() => seen.slice(count).some((n) => n.type === 'phase.updated'), 'live after reload');
    } finally {
      stop();
      stopAll();
    }
  });

  it('falls back to polling when the server refuses streams with 503', async () => {
    const server = await startTestServer({ config: { maxStreams: 1 } });
    servers.push(server);
    const a = createTecClient({ baseUrl: server.url });
    const b = createTecClient({ baseUrl: server.url });
    const stopA = a.live.subscribe({ territory: 'roya' }, () => {});
    try {
      await waitFor(() => a.live.state === 'open', 'the first stream');
      const stopB = b.live.subscribe({ territory: 'roya' }, () => {});
      await waitFor(() => b.live.state === 'polling', 'polling');
      stopB();
    } finally {
      stopA();
    }
  });
});
