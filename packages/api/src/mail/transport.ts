/**
 * Where messages go: an SMTP server through nodemailer (`TEC_SMTP_URL`), or, the embedded
 * default, `.eml` files in the outbox folder (`TEC_DATA_DIR/outbox`), which the demo shows on its
 * « boîte d'envoi » page. Files are named after the time, the queue row and the first 16 hex of
 * the recipient's e-mail key, so that erasure can find and remove a person's files, and the
 * retention purge the files of the sign-ups it deletes (by queue row) and every file older than
 * the retention period (by date).
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { RenderedMail } from './render.js';

/** Which kept copies to remove: any file that matches one of the given criteria. */
export interface CopyFilter {
  /** Every message to this person (their e-mail key). */
  emailKey?: string;
  /** The messages of these queue rows (`emailKey`: their recipient's). */
  jobs?: readonly { id: string; emailKey: string }[];
  /** Every message written before this instant. */
  before?: Date;
}

export interface Transport {
  /** Sends one message; resolves once the server accepted it (or the file is written). */
  send(mail: RenderedMail, meta: { jobId: string; emailKey: string; from: string }): Promise<void>;
  /** Removes the copies kept of messages (outbox files); SMTP keeps none. Returns how many. */
  erase(filter: CopyFilter): number;
  close(): void;
}

/** `<time>-<queue row>-<first 16 hex of the e-mail key>.eml` */
const FILE_NAME = /-(\d+)-([0-9a-f]{16})\.eml$/;

function message(mail: RenderedMail, meta: { jobId: string; from: string }): SendMailOptions {
  return {
    from: meta.from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    // One id per queue row: a message retried after a crash carries the same Message-ID.
    messageId: `<tec-mail-${meta.jobId}@tec.localhost>`,
    headers: { 'Auto-Submitted': 'auto-generated' },
    ...(mail.ics
      ? {
          attachments: [
            {
              filename: 'invitation.ics',
              content: mail.ics,
              contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
            },
          ],
        }
      : {}),
  };
}

export function smtpTransport(url: string): Transport {
  const transporter = nodemailer.createTransport(url, {
    // Below the time a stuck exchange could hold a queue row: a dead server fails the attempt.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  } as never);
  return {
    async send(mail, meta) {
      await transporter.sendMail(message(mail, meta));
    },
    erase: () => 0,
    close: () => transporter.close(),
  };
}

export function fileTransport(dir: string): Transport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail, meta) {
      const info = await transporter.sendMail(message(mail, meta));
      mkdirSync(dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${meta.jobId}-${meta.emailKey.slice(0, 16)}.eml`;
      const tmp = join(dir, `.${name}.tmp`);
      writeFileSync(tmp, info.message as Buffer, { mode: 0o600 });
      renameSync(tmp, join(dir, name));
    },
    erase(filter) {
      let removed = 0;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return 0;
      }
      const person = filter.emailKey?.slice(0, 16);
      const jobs = new Set((filter.jobs ?? []).map((j) => `${j.id}-${j.emailKey.slice(0, 16)}`));
      for (const name of names) {
        const match = FILE_NAME.exec(name);
        if (!match) continue;
        const path = join(dir, name);
        let matches = match[2] === person || jobs.has(`${match[1]}-${match[2]}`);
        if (!matches && filter.before) {
          try {
            matches = statSync(path).mtimeMs < filter.before.getTime();
          } catch {
            continue; // removed meanwhile
          }
        }
        if (matches) {
          rmSync(path, { force: true });
          removed += 1;
        }
      }
      return removed;
    },
    close: () => transporter.close(),
  };
}

/** No SMTP and no folder (an in-memory database without TEC_OUTBOX_DIR): messages are dropped. */
export function nullTransport(): Transport {
  return { send: async () => {}, erase: () => 0, close: () => {} };
}
