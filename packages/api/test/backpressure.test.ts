/**
 * A live stream whose client stops reading is ended once its backlog passes a bound (replay size
 * + 1,000 messages, or as many kB buffered; routes/events.ts), so that one stalled client cannot
 * make the server hold every later event for it; a client that keeps reading loses nothing, and
 * the stalled one resumes with Last-Event-ID like any other.
 *
 * Real parts: the API on a loopback port, raw TCP clients. The stalled client simply does not
 * read its socket; the kernel's loopback buffers take the first megabytes, so the test sends
 * large portrait events (the whole portrait travels in each) until the server ends the stream,
 * which the server's own `tec_open_streams` gauge shows.
 */
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { startTestServer, type TestServer } from '../src/testing/index.js';
import { admin } from './helpers.js';

let s: TestServer;
before(async () => {
  // The smallest replay: the bound is then 1,001 messages or about 1 MB buffered.
  s = await startTestServer({ config: { replayMaxEvents: 1 } });
});
after(() => s.close());

interface StreamClient {
  socket: Socket;
  text: () => string;
  ended: Promise<void>;
}

/** Opens `GET /v1/events?territory=roya` on a raw socket; resolves once its `ready` has come. */
async function openStream(lastEventId?: string): Promise<StreamClient> {
  const { hostname, port } = new URL(s.url);
  const socket = connect(Number(port), hostname);
  let received = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (received += chunk));
  const ended = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.write(
    `GET /v1/events?territory=roya HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAccept: text/event-stream\r\n` +
      (lastEventId ? `Last-Event-ID: ${lastEventId}\r\n` : '') +
      '\r\n',
  );
  const deadline = Date.now() + 10_000;
  while (!/event: ready/.test(received)) {
    assert.ok(Date.now() < deadline, `no ready message: ${received.slice(0, 300)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return { socket, text: () => received, ended };
}

async function openStreams(): Promise<number> {
  const res = await fetch(`${s.url.replace(/\/v1\/?$/, '')}/metrics`);
  assert.equal(res.status, 200);
  const match = /^tec_open_streams (\d+)/m.exec(await res.text());
  assert.ok(match, 'the tec_open_streams gauge');
  return Number(match[1]);
}

/** The ids of the portrait changes in a stream's text (`event:`, `data:` on one line, `id:`). */
const portraitIds = (text: string) =>
  [...text.matchAll(/^event: portrait\.updated\r?\ndata: [^\n]*\nid: (\d+)$/gm)].map((m) => m[1]!);

test('a stream whose client stops reading is ended past its bound; a reading one gets every event; the stalled one resumes', async (t) => {
  const reading = await openStream();
  const stalled = await openStream();
  assert.equal(await openStreams(), 2);
  stalled.socket.pause(); // from here on, this client reads nothing

  // About 4 kB of text per change, different each time; the event carries the whole portrait.
  let sent = 0;
  const maxChanges = 2_000;
  while ((await openStreams()) === 2) {
    assert.ok(sent < maxChanges, `the stalled stream was still open after ${sent} changes`);
    for (let i = 0; i < 20; i += 1) {
      sent += 1;
      const summary = `Portrait de démonstration, révision ${sent}. `.padEnd(3_900, 'abcdefghij ');
      const reply = await admin(s, 'PATCH', '/territories/roya/portrait', { summary });
      assert.equal(reply.status, 200, JSON.stringify(reply.body));
    }
  }
  assert.equal(await openStreams(), 1, 'only the reading stream is left');

  // The reading client gets every change, in order.
  const deadline = Date.now() + 20_000;
  while (portraitIds(reading.text()).length < sent) {
    assert.ok(Date.now() < deadline, `reading client has ${portraitIds(reading.text()).length} of ${sent}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  assert.equal(portraitIds(reading.text()).length, sent);

  // The stalled client, reading again, finds its stream ended, short of the last changes.
  stalled.socket.resume();
  await stalled.ended;
  const got = portraitIds(stalled.text());
  assert.ok(got.length < sent, `the stalled client got ${got.length} of ${sent}`);
  t.diagnostic(`changes sent: ${sent}; the stalled client got ${got.length} before its stream ended`);

  // It resumes from the last event it got: the server brings it up to date (here, with the
  // smallest replay, by telling it to reload) and it goes on live.
  const resumed = await openStream(got.at(-1));
  assert.match(resumed.text(), /event: reload\ndata: \{[^\n]*"reason":"too-many"/);
  resumed.socket.destroy();
  reading.socket.destroy();
});
