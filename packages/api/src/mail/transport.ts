/**
 * Where messages go: an SMTP server through nodemailer (`TEC_SMTP_URL`), or, the embedded
 * default, `.eml` files in the outbox folder (`TEC_DATA_DIR/outbox`), which the demo shows on its
 * « boîte d'envoi » page. Files are named after the time, the queue row and the first 16 hex of
 * the recipient's e-mail key, so that erasure can find and remove a person's files.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { RenderedMail } from './render.js';

export interface Transport {
  /** Sends one message; resolves once the server accepted it (or the file is written). */
  send(mail: RenderedMail, meta: { jobId: string; emailKey: string; from: string }): Promise<void>;
  /** Removes the copies kept of one person's messages (outbox files); SMTP keeps none. */
  erase(emailKey: string): number;
  close(): void;
}

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
    erase(emailKey) {
      let removed = 0;
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return 0;
      }
      for (const name of names) {
        if (name.endsWith(`-${emailKey.slice(0, 16)}.eml`)) {
          rmSync(join(dir, name), { force: true });
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
