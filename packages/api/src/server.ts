/**
 * Starts the API: opens and migrates the database, seeds the demo data on first start, makes sure
 * an admin token exists, starts the event bus and serves HTTP. `close()` drains: it stops taking
 * connections, ends event streams (clients reconnect elsewhere with Last-Event-ID), lets open
 * requests finish, then closes the database.
 */
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import type { Hono } from 'hono';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrations.js';
import { seedIfEmpty } from './seed/seed.js';
import { countTokens, createToken, ensureBootstrapToken, retireBootstrapToken } from './auth.js';
import { acquireLock, type DataLock } from './db/lock.js';
import { socketPath, startControlSocket } from './admin/control.js';
import { EventBus } from './bus.js';
import { ResponseCache, geometryScope } from './http/cache.js';
import { warmGeometry } from './geo/warm.js';
import { createApp } from './http/app.js';
import { cachedReads } from './http/fast-path.js';
import { RateLimiter } from './http/ratelimit.js';
import { createLogger, type Logger } from './log.js';
import { Metrics } from './metrics.js';
import { pruneEvents } from './store.js';
import { loadSecret } from './followup/secret.js';
import { afterRemoval, type Followup } from './followup/routes.js';
import { purgeEngagements } from './followup/removal.js';
import { startMailWorker, type MailWorker } from './mail/worker.js';

const require = createRequire(import.meta.url);
export const VERSION = (require('../package.json') as { version: string }).version;

export interface RunningServer {
  url: string;
  port: number;
  app: Hono;
  db: Database;
  bus: EventBus;
  /** The server's cache of public responses (tests look at its size). */
  cache: ResponseCache;
  log: Logger;
  /** The admin token created at this start, when none existed (shown once). */
  generatedAdminToken: string | undefined;
  seeded: boolean;
  /** The follow-up e-mails' sender of this process (tests drain it). */
  mail: MailWorker;
  close(): Promise<void>;
}

/** Keeps events 7 days (clients may resume up to then); the contract promises at least 24 h. */
const EVENT_RETENTION_HOURS = 24 * 7;

export async function startServer(config: Config): Promise<RunningServer> {
  const log = createLogger(config.log === 'silent');
  // PGlite's folder is this process's alone until it closes (db/lock.ts).
  let lock: DataLock | undefined;
  if (!config.databaseUrl && !config.dataDir.startsWith('memory://')) {
    lock = acquireLock(config.dataDir, (stale) =>
      log.error('took over the stale lock of the data folder', {
        pid: stale.pid,
        since: stale.startedAt,
        dataDir: config.dataDir,
      }),
    );
  }
  const streams = new Set<() => void>();
  let opened: Database;
  try {
    opened = await openDatabase(config);
  } catch (error) {
    lock?.release();
    throw error;
  }
  const metrics = new Metrics({
    openStreams: () => streams.size,
    poolSize: Number(process.env.TEC_PG_POOL ?? 10),
    kind: opened.kind,
  });
  const db = metrics.instrument(opened);
  let closing = false;
  let control: { close(): Promise<void> } | undefined;
  try {
    if (config.migrationDatabaseUrl) {
      // The schema owner migrates, then its connection closes: the serving role cannot alter it.
      const owner = await openDatabase({ databaseUrl: config.migrationDatabaseUrl, dataDir: config.dataDir });
      try {
        await migrate(owner);
      } finally {
        await owner.close();
      }
    } else {
      await migrate(db);
    }
    const seeded = config.seed ? await seedIfEmpty(db) : false;

    let generatedAdminToken: string | undefined;
    if (config.adminToken) {
      if ((await ensureBootstrapToken(db, config.adminToken)) === 'revoked') {
        log.error('TEC_ADMIN_TOKEN was revoked by command and stays revoked; set a new value', {});
      }
    } else {
      // The variable is gone: so is the token it created.
      if (await retireBootstrapToken(db)) log.info('revoked the token of the removed TEC_ADMIN_TOKEN');
      if ((await countTokens(db)) === 0) {
        generatedAdminToken = await createToken(db, 'generated at first start', '*');
      }
    }

    const cache = new ResponseCache();
    let warming = false;
    let warmed: Promise<void> = Promise.resolve();
    const bus = new EventBus(
      db,
      (events) => {
        const imported: string[] = [];
        for (const event of events) {
          cache.invalidate(event.territory);
          // A territory's geometry has its own scope: only an import changes it (routing.ts).
          if (event.type === 'geometry.updated') {
            cache.invalidate(geometryScope(event.territory));
            imported.push(event.territory);
          }
        }
        // Before the app exists (events pulled at start), the warm-up at start covers them.
        if (imported.length > 0 && warming) warm(imported);
        metrics.delivered(events);
      },
      (error) => log.error('event bus', { error: String(error) }),
    );
    await bus.start();

    const followup: Followup = {
      secret: await loadSecret(db, { ...config, secret: config.mail.secret }),
      timeZone: config.mail.timeZone,
      worker: undefined,
    };

    const limits = {
      reads: new RateLimiter(config.readRatePerMinute),
      signups: new RateLimiter(config.signupRatePerMinute),
    };
    const app = createApp({
      config,
      db,
      bus,
      cache,
      log,
      version: VERSION,
      streams,
      limits,
      draining: () => closing,
      followup,
      onSignup: (territory) => metrics.signup(territory),
    });
    // Geometry computed and compressed once per change, not on a visitor's request (geo/warm.ts).
    // One warm-up after the other, and closing waits for the one under way (it stops before the
    // next territory), so that none runs on a closed database.
    function warm(slugs?: string[]): void {
      warmed = warmed
        .then(() => warmGeometry(app, db, slugs, () => closing))
        .catch((error: unknown) => {
          if (!closing) log.error('geometry warm-up', { error: String(error) });
        });
    }
    warming = true;
    warm();
    const fast = cachedReads(cache, limits.reads, config.trustProxy, metrics);
    const listener = getRequestListener(app.fetch);
    const server: Server = createServer((req, res) => {
      const start = performance.now();
      if (fast(req, res, start)) return;
      metrics.observe(req, res);
      if (metrics.serve(req, res, config.metricsToken)) return;
      void listener(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
      server.listen(config.port, config.host);
    });
    server.keepAliveTimeout = 5000;
    const port = (server.address() as AddressInfo).port;
    if (lock) {
      const path = socketPath(config.dataDir);
      control = await startControlSocket(path, db, () => {
        cache.clear();
        void bus.pull();
      });
      lock.setSocket(path);
    }
    const host = config.host.includes(':') ? `[${config.host}]` : config.host;
    const mail = startMailWorker({
      db,
      config: config.mail,
      secret: followup.secret,
      baseUrl: config.mail.publicUrl ?? `http://${host}:${port}`,
      log,
    });
    followup.worker = mail;

    const housekeeping = async () => {
      try {
        // As POST /v1/admin/purge: places freed, the waiting list promoted, live events, files.
        const before = new Date(Date.now() - config.retentionDays * 86_400_000);
        const removal = await db.transaction((tx) => purgeEngagements(tx, before, '*'));
        afterRemoval({ bus, cache, followup }, removal, { before });
        await pruneEvents(db, EVENT_RETENTION_HOURS);
      } catch (error) {
        if (!closing) log.error('housekeeping', { error: String(error) });
      }
    };
    void housekeeping();
    const timer = setInterval(housekeeping, 3_600_000);
    timer.unref();

    return {
      url: `http://${host}:${port}`,
      port,
      app,
      db,
      bus,
      cache,
      log,
      generatedAdminToken,
      seeded,
      mail,
      async close() {
        if (closing) return;
        closing = true;
        clearInterval(timer);
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const end of [...streams]) end();
        server.closeIdleConnections();
        const idle = setInterval(() => server.closeIdleConnections(), 100);
        const force = setTimeout(() => server.closeAllConnections(), 10_000);
        await closed;
        clearInterval(idle);
        clearTimeout(force);
        await warmed;
        await control?.close();
        await mail.stop();
        await bus.stop();
        await db.close();
        lock?.release();
      },
    };
  } catch (error) {
    await control?.close().catch(() => {});
    await db.close().catch(() => {});
    lock?.release();
    throw error;
  }
}
