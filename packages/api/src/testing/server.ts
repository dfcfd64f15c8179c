/**
 * The real API server on a temporary database, for the tests of every package: PGlite in
 * memory, or a fresh database on a test PostgreSQL server. Never a mock.
 */
import { readConfig, type Config } from '../config.js';
import { startServer, type RunningServer } from '../server.js';
import { createTestDatabase } from './postgres.js';

export type Engine = 'pglite' | 'postgres';

/** The bootstrap admin token every test server accepts (scope: all territories). */
export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789-abcdefghijkl';

export interface TestServer extends RunningServer {
  engine: Engine;
  adminToken: string;
  /** Set for PostgreSQL: a second server may share the database. */
  databaseUrl: string | undefined;
}

export async function startTestServer(
  options: { engine?: Engine; config?: Partial<Config>; databaseUrl?: string } = {},
): Promise<TestServer> {
  const engine = options.engine ?? 'pglite';
  const databaseUrl =
    engine === 'postgres' ? (options.databaseUrl ?? (await createTestDatabase())) : undefined;
  const config = readConfig(
    {},
    {
      host: '127.0.0.1',
      port: 0,
      dataDir: 'memory://',
      databaseUrl,
      log: 'silent',
      adminToken: TEST_ADMIN_TOKEN,
      signupRatePerMinute: 0,
      readRatePerMinute: 0,
      streamsPerClient: 0,
      adminFailuresPerMinute: 0,
      maxStreams: 0,
      ...options.config,
    },
  );
  const server = await startServer(config);
  return Object.assign(server, { engine, adminToken: TEST_ADMIN_TOKEN, databaseUrl });
}

/** The engines a storage or route test runs against. */
export const ENGINES: readonly Engine[] = ['pglite', 'postgres'];
