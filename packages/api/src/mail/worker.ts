/**
 * Sends the queued e-mails, outside any request: woken at once by a sign-up of this process
 * (and by NOTIFY from the others), and every `pollMs` for retries and the reminders. One loop
 * per process; on PostgreSQL several processes share the queue (`for update skip locked`, the
 * row held until sent and marked), so each message leaves once.
 */
import type { Database, Sql } from '../db/database.js';
import type { Logger } from '../log.js';
import { cancelToken } from '../followup/cancel-token.js';
import { emailKey } from '../followup/engagements.js';
import type { MailConfig } from './config.js';
import { markFailed, markSent, nextDue, queueReminders, type MailJob } from './queue.js';
import { loadContext, renderCancelled, renderMail, type RenderedMail } from './render.js';
import { fileTransport, nullTransport, smtpTransport, type CopyFilter, type Transport } from './transport.js';

export interface MailWorker {
  /** Looks at the queue now (after a sign-up, or from a test). */
  kick(): void;
  /** Sends every message due, then resolves (tests, shutdown). */
  drain(): Promise<void>;
  /** Queues the reminders due now; returns how many. */
  scheduleReminders(): Promise<number>;
  /**
   * Removes outbox files: one person's (`email`, erasure), given queue rows' or those older
   * than a date (retention). Returns how many.
   */
  erase(filter: Omit<CopyFilter, 'emailKey'> & { email?: string }): number;
  stop(): Promise<void>;
  /** Messages sent by this process (for tests and metrics). */
  readonly sent: number;
}

/** A 5xx reply (mailbox unknown, refused): retrying would not help. */
function permanent(error: unknown): boolean {
  const code = (error as { responseCode?: number }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function startMailWorker(options: {
  db: Database;
  config: MailConfig;
  secret: string;
  /** The API's address as residents reach it, for cancel links. */
  baseUrl: string;
  log: Logger;
  transport?: Transport;
}): MailWorker {
  const { db, config, secret, baseUrl, log } = options;
  const transport =
    options.transport ??
    (config.smtpUrl
      ? smtpTransport(config.smtpUrl)
      : config.outboxDir
        ? fileTransport(config.outboxDir)
        : nullTransport());
  let stopped = false;
  let running: Promise<void> | undefined;
  let again = false;
  let sent = 0;

  /** The message a row asks for, or a reason to give it up. */
  async function write(tx: Sql, job: MailJob): Promise<RenderedMail | string> {
    if (job.kind === 'cancelled') {
      // Its sign-up is gone: the row holds the message's content until it leaves.
      if (!job.payload) return 'nothing left to send';
      return renderCancelled(job.payload, { timeZone: config.timeZone });
    }
    // The sign-up was cancelled or erased meanwhile: its rows are gone with it (cascade); a
    // row whose opportunity was removed is given up.
    const context = job.engagementId ? await loadContext(tx, job.engagementId) : undefined;
    if (!context || !job.engagementId) return 'the opportunity no longer exists';
    const cancelUrl = `${baseUrl}/v1/cancel/${cancelToken(secret, job.engagementId)}`;
    return renderMail(job.kind, context, { cancelUrl, timeZone: config.timeZone });
  }

  async function deliver(tx: Sql, job: MailJob): Promise<void> {
    const mail = await write(tx, job);
    if (typeof mail === 'string') {
      await markFailed(tx, job.id, mail, 0, true);
      return;
    }
    const key = job.emailKey ?? emailKey(mail.to);
    try {
      await transport.send(mail, { jobId: job.id, emailKey: key, from: config.from });
    } catch (error) {
      const final = permanent(error) || job.attempts + 1 >= config.maxAttempts;
      const delay = Math.min(config.retryMs * 2 ** job.attempts, 3_600_000);
      log.error('mail not sent', {
        job: job.id,
        kind: job.kind,
        attempt: job.attempts + 1,
        final,
        error: String(error).slice(0, 200),
      });
      await markFailed(tx, job.id, String(error), delay, final);
      return;
    }
    sent += 1;
    // Erased while it was leaving (PGlite holds no lock on the row meanwhile): the copy this
    // process may just have written goes too.
    if (!(await markSent(tx, job.id))) transport.erase({ jobs: [{ id: job.id, emailKey: key }] });
  }

  /** Sends one due message; false when none is due. */
  async function sendOne(): Promise<boolean> {
    if (db.kind === 'postgres') {
      return db.transaction(async (tx) => {
        const job = await nextDue(tx, true);
        if (!job) return false;
        await deliver(tx, job);
        return true;
      });
    }
    // PGlite: one process, one loop (`running`): no one else can take the row, and holding
    // PGlite's only connection through an SMTP exchange would stall every request meanwhile.
    const job = await nextDue(db, false);
    if (!job) return false;
    await deliver(db, job);
    return true;
  }

  function run(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        try {
          while (!stopped && (await sendOne()));
        } catch (error) {
          if (!stopped) log.error('mail queue', { error: String(error).slice(0, 200) });
        }
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  async function scheduleReminders(): Promise<number> {
    const n = await queueReminders(db, config.reminderHours);
    if (n > 0) void run();
    return n;
  }

  let unlisten: (() => Promise<void>) | undefined;
  void db
    .listen('tec_mail', () => void run())
    .then((u) => {
      if (stopped) void u();
      else unlisten = u;
    })
    .catch(() => {});
  const timer = setInterval(() => {
    void scheduleReminders().catch((error: unknown) => {
      if (!stopped) log.error('mail reminders', { error: String(error).slice(0, 200) });
    });
    void run();
  }, config.pollMs);
  timer.unref();
  void run();

  return {
    kick: () => void run(),
    async drain() {
      await run();
      // A kick that arrived during the last pass ran inside it; one more pass picks up the rest.
      await run();
    },
    scheduleReminders,
    erase: ({ email, ...rest }) =>
      transport.erase({ ...rest, ...(email === undefined ? {} : { emailKey: emailKey(email) }) }),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await unlisten?.().catch(() => {});
      await running;
      transport.close();
    },
    get sent() {
      return sent;
    },
  };
}
