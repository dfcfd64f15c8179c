/**
 * The follow-up e-mails' settings, read from the environment with the rest of the configuration
 * (config.ts) and documented in docs/api.md.
 */
import { join } from 'node:path';

export interface MailConfig {
  /** `smtp://user:pass@host:587` (or `smtps://`); unset: messages are written as .eml files. */
  smtpUrl: string | undefined;
  /** The folder .eml files go to without SMTP; undefined for an in-memory database (no files). */
  outboxDir: string | undefined;
  /** The From header. */
  from: string;
  /** The API's address as residents reach it (cancel links); the listening address when unset. */
  publicUrl: string | undefined;
  /** How many hours before an opportunity the reminder goes; 0 sends no reminder. */
  reminderHours: number;
  /** The server secret that signs cancel links; generated and kept when unset (secret.ts). */
  secret: string | undefined;
  /** How often the queue is looked at when nothing woke it (other processes' messages, retries). */
  pollMs: number;
  /** First delay before retrying a failed sending; doubled at each attempt, at most one hour. */
  retryMs: number;
  /** Attempts before a message is given up (marked failed). */
  maxAttempts: number;
  /** The time zone dates are written in, in the e-mails and the calendar file. */
  timeZone: string;
}

function whole(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
  }
  return value;
}

export function readMailConfig(env: NodeJS.ProcessEnv, dataDir: string): MailConfig {
  const smtpUrl = env.TEC_SMTP_URL || undefined;
  if (smtpUrl && !/^smtps?:\/\/[^\s]+$/.test(smtpUrl)) {
    throw new Error('TEC_SMTP_URL must start with smtp:// or smtps:// (smtp://user:password@host:587)');
  }
  const publicUrl = env.TEC_PUBLIC_URL || undefined;
  if (publicUrl && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(publicUrl)) {
    throw new Error(
      'TEC_PUBLIC_URL must be the http(s) address of this API, such as https://tec.example.org',
    );
  }
  const secret = env.TEC_SECRET || undefined;
  if (secret && secret.length < 32) {
    throw new Error('TEC_SECRET must be at least 32 characters; generate one with `openssl rand -base64 32`');
  }
  const timeZone = env.TEC_TIMEZONE || 'Europe/Paris';
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone });
  } catch {
    throw new Error(
      `TEC_TIMEZONE must be an IANA time zone such as Europe/Paris, not ${JSON.stringify(timeZone)}`,
    );
  }
  return {
    smtpUrl,
    outboxDir: env.TEC_OUTBOX_DIR || (dataDir.startsWith('memory://') ? undefined : join(dataDir, 'outbox')),
    from: env.TEC_MAIL_FROM || 'TEC – Territoires d’engagement <ne-pas-repondre@tec.localhost>',
    publicUrl: publicUrl?.replace(/\/+$/, ''),
    reminderHours: whole(env, 'TEC_REMINDER_HOURS', 24, 0, 24 * 14),
    secret,
    pollMs: whole(env, 'TEC_MAIL_POLL_MS', 5000, 10, 3_600_000),
    retryMs: whole(env, 'TEC_MAIL_RETRY_MS', 30_000, 1, 3_600_000),
    maxAttempts: whole(env, 'TEC_MAIL_ATTEMPTS', 8, 1, 100),
    timeZone,
  };
}
