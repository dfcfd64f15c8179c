/**
 * The stream clients of `npm run bench:streams`, in their own process so that they do not share
 * an event loop with the benchmark's driver: opens `count` SSE streams on `url` over plain TCP
 * (no agent, one socket each), says `ready` to the parent once every stream had its `ready`
 * message, records when each `phase.updated` change arrives, and sends the arrival times back
 * when told `report`. Times are `performance.timeOrigin + performance.now()` (milliseconds since
 * the epoch, sub-millisecond) so that they compare with the parent's.
 */
import net from 'node:net';

const [url, countText, changesText] = process.argv.slice(2);
const target = new URL(url!);
const count = Number(countText);
const changes = Number(changesText);
const now = () => performance.timeOrigin + performance.now();
const arrivals: number[][] = Array.from({ length: changes }, () => []);
const sockets: net.Socket[] = [];
const request =
  `GET ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\n` +
  'Accept: text/event-stream\r\n\r\n';
let ready = 0;
let failed = 0;

function open(): void {
  const socket = net.connect(Number(target.port), target.hostname);
  socket.setNoDelay(true);
  socket.setEncoding('latin1');
  let buffer = '';
  let headers = true;
  socket.on('connect', () => socket.write(request));
  socket.on('data', (chunk: string) => {
    buffer += chunk;
    if (headers) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      if (!buffer.startsWith('HTTP/1.1 200')) {
        failed += 1;
        process.send!({ type: 'error', message: buffer.slice(0, buffer.indexOf('\r\n')) });
        socket.destroy();
        return;
      }
      headers = false;
      buffer = buffer.slice(end + 4);
    }
    // The body is chunked; the messages are short and whole in a chunk, and the chunk-size
    // lines between them never contain "\n\n", so whole messages are cut at the blank line.
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const message = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      if (message.includes('event: ready')) {
        ready += 1;
        if (ready === count) process.send!({ type: 'ready' });
      } else if (message.includes('event: phase.updated')) {
        const match = /"progress":(0\.\d+)/.exec(message);
        const n = Math.round((Number(match?.[1]) - 0.501) * 100);
        if (n >= 0 && n < changes) arrivals[n]!.push(now());
      }
    }
  });
  socket.on('error', (error) => {
    failed += 1;
    process.send!({ type: 'error', message: String(error) });
  });
  sockets.push(socket);
}

// Opened in batches so that the listen backlog is not overrun.
for (let i = 0; i < count; i += 1) {
  open();
  if (i % 500 === 499) await new Promise((r) => setTimeout(r, 50));
}

process.on('message', (message: { type: string }) => {
  if (message.type === 'report') {
    for (const socket of sockets) socket.destroy();
    process.send!({ type: 'report', arrivals, failed }, () => process.exit(0));
  }
});
