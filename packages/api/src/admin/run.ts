/**
 * Runs an admin command the safe way. On PostgreSQL, any number of processes may share the
 * database: the command opens it. On PGlite, the folder is one process's: when a server holds
 * it, the command goes through the server's admin socket, or refuses, saying what to do; it
 * never opens the folder beside the server. With no server, the command holds the lock itself
 * while it works, so that no server starts on the folder meanwhile.
 */
import { resolve } from 'node:path';
import type { Config } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { DataFolderBusyError, acquireLock, lockOwner, type DataLock } from '../db/lock.js';
import { seedIfEmpty } from '../seed/seed.js';
import { callServer } from './control.js';
import { CommandError, runAdminCommand, type AdminRequest } from './commands.js';

export async function runCommand(config: Config, request: AdminRequest, retry = true): Promise<string[]> {
  const absolute: AdminRequest =
    request.command === 'geo-import' ? { ...request, paths: request.paths.map((p) => resolve(p)) } : request;
  let lock: DataLock | undefined;
  if (!config.databaseUrl && !config.dataDir.startsWith('memory://')) {
    const owner = lockOwner(config.dataDir);
    if (owner) {
      if (owner.socket) {
        try {
          return await callServer(owner.socket, absolute);
        } catch (error) {
          if (error instanceof CommandError) throw error;
          // the socket does not answer: refuse below
        }
      }
      throw new CommandError(
        `The TEC server (process ${owner.pid}, since ${owner.startedAt}) holds the data folder ` +
          `${config.dataDir}, and its admin socket does not answer, so this command did not open ` +
          `the folder: two processes on one PGlite folder corrupt it. Wait until the server has ` +
          `started, or stop it (kill -TERM ${owner.pid}) and run the command again.`,
      );
    }
    try {
      lock = acquireLock(config.dataDir, (stale) =>
        console.error(`Took over the stale lock of process ${stale.pid}, which no longer runs.`),
      );
    } catch (error) {
      // A server started between the look and the take: go through it.
      if (error instanceof DataFolderBusyError && retry) return runCommand(config, request, false);
      throw error;
    }
  }
  try {
    const db = await openDatabase(config);
    try {
      await migrate(db);
      if (request.command === 'geo-import' && config.seed) await seedIfEmpty(db);
      return await runAdminCommand(db, absolute);
    } finally {
      await db.close();
    }
  } finally {
    lock?.release();
  }
}
