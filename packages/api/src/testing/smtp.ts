/**
 * A real SMTP server on a loopback port (`smtp-server`), for the tests of the follow-up e-mails:
 * it keeps what arrived, parsed (`mailparser`), and can be told to fail — answer 451 (try again
 * later) to every message, or close every connection at once — then to recover, or to hold a
 * message's final reply until released (to kill a sender mid-sending).
 */
import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import { readMailConfig, type MailConfig } from '../mail/config.js';

export type SmtpMode = 'accept' | 'reject-451' | 'close' | 'hold';

export interface ReceivedMail {
  raw: string;
  parsed: ParsedMail;
  to: string[];
}

export interface TestSmtp {
  url: string;
  port: number;
  received: ReceivedMail[];
  /** Connections refused or messages rejected while failing. */
  refused: number;
  mode: SmtpMode;
  /** Resolves once `count` messages have arrived in all (or rejects after `timeoutMs`). */
  until(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** The messages to `address`, once `count` of them have arrived (or rejects after `timeoutMs`). */
  to(address: string, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  /** Resolves once a message is being held (mode `hold`). */
  held(): Promise<void>;
  /** Lets held messages through: accepted (kept) or dropped when their sender is gone. */
  release(): void;
  close(): Promise<void>;
}

export async function startTestSmtp(): Promise<TestSmtp> {
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  const wait = (test: () => boolean, what: string, timeoutMs: number) =>
    test()
      ? Promise.resolve()
      : new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () =>
              reject(
                new Error(`waited ${timeoutMs} ms for ${what}; ${state.received.length} e-mails arrived`),
              ),
            timeoutMs,
          );
          waiters.push({
            test,
            resolve: () => {
              clearTimeout(timer);
              resolve();
            },
          });
        });
  const addressed = (address: string) => state.received.filter((m) => m.to.includes(address));
  let holding: (() => void)[] = [];
  const onHeld: (() => void)[] = [];
  const state: TestSmtp = {
    url: '',
    port: 0,
    received: [],
    refused: 0,
    mode: 'accept',
    async until(count, timeoutMs = 15_000) {
      await wait(() => state.received.length >= count, `${count} e-mails`, timeoutMs);
      return state.received;
    },
    async to(address, count = 1, timeoutMs = 15_000) {
      await wait(() => addressed(address).length >= count, `${count} e-mails to ${address}`, timeoutMs);
      return addressed(address);
    },
    held: () => new Promise<void>((resolve) => (holding.length > 0 ? resolve() : onHeld.push(resolve))),
    release() {
      const list = holding;
      holding = [];
      for (const go of list) go();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onConnect(_session, callback) {
      if (state.mode === 'close') {
        state.refused += 1;
        const error = new Error('closing') as Error & { responseCode: number };
        error.responseCode = 421;
        return callback(error);
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (state.mode === 'reject-451') {
          state.refused += 1;
          const error = new Error('Greylisted, try again later') as Error & { responseCode: number };
          error.responseCode = 451;
          return callback(error);
        }
        const raw = Buffer.concat(chunks);
        const keep = async () => {
          state.received.push({
            raw: raw.toString('utf8'),
            parsed: await simpleParser(raw),
            to: session.envelope.rcptTo.map((r) => r.address),
          });
          for (const w of [...waiters]) {
            if (w.test()) {
              waiters.splice(waiters.indexOf(w), 1);
              w.resolve();
            }
          }
        };
        if (state.mode === 'hold') {
          const socket = sockets.get(session.remotePort);
          holding.push(() => {
            // A sender killed before our reply never got its 250: the message does not count.
            if (!socket || socket.destroyed || socket.readyState !== 'open') return;
            void keep().then(() => callback());
          });
          for (const notify of onHeld.splice(0)) notify();
          return;
        }
        void keep().then(() => callback(), callback);
      });
    },
  });
  const sockets = new Map<number, Socket>();
  server.server.on('connection', (socket: Socket) => {
    const port = socket.remotePort!;
    sockets.set(port, socket);
    socket.once('close', () => sockets.delete(port));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.server.address() as AddressInfo).port;
  state.url = `smtp://127.0.0.1:${state.port}`;
  return state;
}

/** The follow-up settings of a test server that sends to `smtpUrl`, looking at its queue often. */
export function testMailConfig(smtpUrl: string | undefined, overrides: Partial<MailConfig> = {}): MailConfig {
  return { ...readMailConfig({}, 'memory://'), smtpUrl, pollMs: 50, retryMs: 20, ...overrides };
}
