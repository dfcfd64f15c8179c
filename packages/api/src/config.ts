/**
 * Server configuration, read once from the environment. Every variable is documented in
 * docs/api.md; bad values stop the server with a message naming the variable.
 */
import { readMailConfig, type MailConfig } from './mail/config.js';

/** See `Config.trustProxy`. */
export type TrustProxy = boolean | number | readonly string[];

export interface Config {
  host: string;
  port: number;
  /** PGlite data folder (embedded default), or `memory://` for a throw-away database. */
  dataDir: string;
  /** When set, PostgreSQL is used instead of PGlite. */
  databaseUrl: string | undefined;
  /**
   * A role that owns the schema, used only to migrate at start-up (then closed), so that the
   * role of DATABASE_URL needs no right to alter it. DATABASE_URL migrates when unset.
   */
  migrationDatabaseUrl: string | undefined;
  /** Bearer token that may read `/metrics` from anywhere (else loopback and private networks only). */
  metricsToken: string | undefined;
  /** Origins allowed to make admin calls from a browser, and sign-ups when `signupOrigins` is `allowed` (the server's own always is). */
  allowedOrigins: string[];
  /**
   * Which pages may send sign-ups: `any` (the default: a widget works wherever it is pasted), or
   * `allowed`, only the server's own origin and `allowedOrigins`.
   */
  signupOrigins: 'any' | 'allowed';
  /** Bootstrap admin token with scope over all territories. */
  adminToken: string | undefined;
  retentionDays: number;
  /** Sign-ups per client per minute (0 disables the limit). */
  signupRatePerMinute: number;
  /** Reads per client per minute (0 disables the limit). */
  readRatePerMinute: number;
  /** Open event streams per client (0 disables the limit). */
  streamsPerClient: number;
  /**
   * Which `X-Forwarded-For` entries to believe (`TEC_TRUST_PROXY`): a number of trusted hops
   * (1: one reverse proxy in front, take the right-most entry; N: the N-th from the right), or the
   * addresses of the trusted proxies; `false` or 0: the connection's own address. `true` is 1 hop.
   */
  trustProxy: TrustProxy;
  /** Open event streams on this process, all clients together (0 disables the cap). */
  maxStreams: number;
  /** Events replayed to a client resuming with Last-Event-ID; past it, `reload` is sent instead. */
  replayMaxEvents: number;
  /** Oldest event (hours) replayed to a resuming client; past it, `reload` is sent instead. */
  replayMaxAgeHours: number;
  /** Failed admin authentications per client address per minute before 429 (0 disables it). */
  adminFailuresPerMinute: number;
  /**
   * Host names (with `:port` when not the default) admin routes answer to, against DNS
   * rebinding. Empty: only IP literals and `localhost`.
   */
  publicHosts: string[];
  /** Seed the demo territories on an empty database. */
  seed: boolean;
  /** Serve the demo pages of this folder at `/` (none when undefined). */
  staticDir: string | undefined;
  /** Serve the built console of the programme's teams (packages/console/dist) at `/console/`. */
  consoleDir?: string | undefined;
  /** `info` logs a JSON line per request; `silent` logs nothing but start-up failures. */
  log: 'info' | 'silent';
  heartbeatMs: number;
  /** The residents' follow-up e-mails (mail/config.ts). */
  mail: MailConfig;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(raw)}`);
  }
  return value;
}

function origin(value: string, name: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url.origin;
  } catch {
    throw new Error(
      `${name} must list origins such as https://mairie.example.fr, not ${JSON.stringify(value)}`,
    );
  }
}

/**
 * Why a startup admin token is too weak to guard every territory, or undefined when it is fine:
 * at least 32 characters without spaces, and of some variety (a random one always is).
 */
export function tokenWeakness(token: string): string | undefined {
  const how = 'generate one with `openssl rand -base64 32`';
  if (token.length < 32 || token.length > 256 || /\s/.test(token)) {
    return `must be 32 to 256 characters without spaces (it has ${token.length}); ${how}`;
  }
  if (new Set(token).size < 10) {
    return `is too repetitive (only ${new Set(token).size} different characters; at least 10 are needed); ${how}`;
  }
  return undefined;
}

const IP = /^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f:]*:[0-9a-f:.]*)$/i;

function trustProxy(raw: string | undefined): TrustProxy {
  if (raw === undefined || raw.trim() === '' || raw === '0') return false;
  if (/^\d{1,2}$/.test(raw)) return Number(raw);
  const addresses = raw.split(',').map((s) => s.trim().toLowerCase());
  if (addresses.every((a) => IP.test(a))) return addresses;
  throw new Error(
    `TEC_TRUST_PROXY must be a number of trusted proxy hops (1 for one reverse proxy) or a comma-separated list of proxy IP addresses, not ${JSON.stringify(raw)}`,
  );
}

function publicHost(value: string): string {
  if (!/^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/.test(value)) {
    throw new Error(
      `TEC_PUBLIC_HOSTS must list host names such as tec.example.org or tec.example.org:8443, not ${JSON.stringify(value)}`,
    );
  }
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const migrationDatabaseUrl = env.TEC_MIGRATION_DATABASE_URL || undefined;
  if (migrationDatabaseUrl && !/^postgres(ql)?:\/\//.test(migrationDatabaseUrl)) {
    throw new Error('TEC_MIGRATION_DATABASE_URL must start with postgres:// or postgresql://');
  }
  if (migrationDatabaseUrl && !databaseUrl) {
    throw new Error('TEC_MIGRATION_DATABASE_URL needs DATABASE_URL (PostgreSQL) as well');
  }
  const metricsToken = env.TEC_METRICS_TOKEN || undefined;
  if (metricsToken && (metricsToken.length < 16 || /\s/.test(metricsToken))) {
    throw new Error('TEC_METRICS_TOKEN must be at least 16 characters without spaces');
  }
  const adminToken = env.TEC_ADMIN_TOKEN || undefined;
  if (adminToken) {
    const weakness = tokenWeakness(adminToken);
    if (weakness) throw new Error(`TEC_ADMIN_TOKEN ${weakness}`);
  }
  const log = env.TEC_LOG ?? 'info';
  if (log !== 'info' && log !== 'silent') throw new Error('TEC_LOG must be info or silent');
  const signupOrigins = env.TEC_SIGNUP_ORIGINS || 'any';
  if (signupOrigins !== 'any' && signupOrigins !== 'allowed') {
    throw new Error('TEC_SIGNUP_ORIGINS must be any (the default) or allowed (only TEC_ALLOWED_ORIGINS)');
  }
  return {
    host: env.HOST || '127.0.0.1',
    port: integer(env, 'PORT', 8787, 0, 65535),
    dataDir: env.TEC_DATA_DIR || '.tec-data',
    databaseUrl,
    migrationDatabaseUrl,
    metricsToken,
    allowedOrigins: (env.TEC_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => origin(s, 'TEC_ALLOWED_ORIGINS')),
    signupOrigins,
    adminToken,
    retentionDays: integer(env, 'TEC_RETENTION_DAYS', 730, 1, 3650),
    signupRatePerMinute: integer(env, 'TEC_SIGNUP_RATE', 10, 0, 1_000_000),
    readRatePerMinute: integer(env, 'TEC_READ_RATE', 1200, 0, 100_000_000),
    streamsPerClient: integer(env, 'TEC_STREAMS_PER_CLIENT', 20, 0, 1_000_000),
    trustProxy: trustProxy(env.TEC_TRUST_PROXY),
    maxStreams: integer(env, 'TEC_MAX_STREAMS', 10_000, 0, 1_000_000),
    replayMaxEvents: integer(env, 'TEC_REPLAY_MAX_EVENTS', 1000, 1, 100_000),
    replayMaxAgeHours: integer(env, 'TEC_REPLAY_MAX_AGE_HOURS', 24, 1, 24 * 7),
    adminFailuresPerMinute: integer(env, 'TEC_ADMIN_FAILURES', 10, 0, 1_000_000),
    publicHosts: (env.TEC_PUBLIC_HOSTS ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean)
      .map((s) => publicHost(s)),
    seed: env.TEC_SEED !== '0',
    staticDir: env.TEC_STATIC_DIR || undefined,
    consoleDir: env.TEC_CONSOLE_DIR || undefined,
    log,
    heartbeatMs: integer(env, 'TEC_HEARTBEAT_MS', 25_000, 100, 600_000),
    mail: readMailConfig(env, overrides.dataDir ?? (env.TEC_DATA_DIR || '.tec-data')),
    ...overrides,
  };
}
