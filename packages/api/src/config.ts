/**
 * Server configuration, read once from the environment. Every variable is documented in
 * docs/api.md; bad values stop the server with a message naming the variable.
 */
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
  /** Trust `X-Forwarded-For` for the client address (behind a load balancer). */
  trustProxy: boolean;
  /** Seed the demo territories on an empty database. */
  seed: boolean;
  /** Serve the demo pages of this folder at `/` (none when undefined). */
  staticDir: string | undefined;
  /** `info` logs a JSON line per request; `silent` logs nothing but start-up failures. */
  log: 'info' | 'silent';
  heartbeatMs: number;
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
  if (adminToken && (adminToken.length < 16 || adminToken.length > 256 || /\s/.test(adminToken))) {
    throw new Error('TEC_ADMIN_TOKEN must be 16 to 256 characters without spaces');
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
    trustProxy: env.TEC_TRUST_PROXY === '1',
    seed: env.TEC_SEED !== '0',
    staticDir: env.TEC_STATIC_DIR || undefined,
    log,
    heartbeatMs: integer(env, 'TEC_HEARTBEAT_MS', 25_000, 100, 600_000),
    ...overrides,
  };
}
