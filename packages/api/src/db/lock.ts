/**
 * The PGlite data folder belongs to one process at a time. PGlite is PostgreSQL compiled to
 * WebAssembly with no postmaster: two processes on one folder write over each other's WAL, and
 * the database no longer starts after a crash. So the server takes `tec.lock` in the folder
 * (created exclusively, owner-only), an admin command finds it and goes through the server
 * (its admin socket) or refuses, and a lock left by a process that no longer runs is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';

export interface LockInfo {
  pid: number;
  hostname: string;
  /** The process's start time in clock ticks (Linux), to tell a reused pid from the owner. */
  processStart: string | undefined;
  startedAt: string;
  /** Set by the server once it listens: the Unix socket of its admin commands. */
  socket?: string;
  nonce: string;
}

export interface DataLock {
  readonly info: LockInfo;
  /** Records the admin socket in the lock, for commands to find. */
  setSocket(path: string): void;
  release(): void;
}

/** The folder is held by a live process; `owner` says which. */
export class DataFolderBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly owner: LockInfo,
  ) {
    super(
      `The data folder ${dataDir} is in use by process ${owner.pid} on ${owner.hostname} (since ${owner.startedAt}). ` +
        'Only one process may open a PGlite folder: stop that process first (kill -TERM ' +
        `${owner.pid}), or use another TEC_DATA_DIR.`,
    );
  }
}

export const lockFile = (dataDir: string) => join(dataDir, 'tec.lock');
const held = new Set<string>();

function processStart(pid: number): string | undefined {
  try {
    // Field 22 of /proc/<pid>/stat; the command name (field 2) may hold spaces, so cut after it.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function running(info: LockInfo): boolean {
  if (info.hostname !== hostname()) return true; // cannot tell: assume it runs
  if (info.pid === process.pid) return held.has(info.nonce);
  try {
    process.kill(info.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const start = processStart(info.pid);
  return !(start && info.processStart && start !== info.processStart);
}

export function readLock(dataDir: string): LockInfo | undefined {
  try {
    return JSON.parse(readFileSync(lockFile(dataDir), 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

/** The live process holding the folder, or undefined when none does (no lock, or a stale one). */
export function lockOwner(dataDir: string): LockInfo | undefined {
  const info = readLock(dataDir);
  return info && running(info) ? info : undefined;
}

/**
 * Takes the folder's lock, or throws `DataFolderBusyError`. A stale lock (its process is gone)
 * is taken over, and `onTakeover` says so.
 */
export function acquireLock(dataDir: string, onTakeover: (stale: LockInfo) => void = () => {}): DataLock {
  mkdirSync(dataDir, { recursive: true });
  const path = lockFile(dataDir);
  const info: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    processStart: processStart(process.pid),
    startedAt: new Date().toISOString(),
    nonce: randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; attempt < 5; attempt += 1) {
    let fd: number;
    try {
      fd = openSync(path, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const other = readLock(dataDir);
      if (other && running(other)) throw new DataFolderBusyError(dataDir, other);
      // Stale (or unreadable: a crash while writing it). Take it over.
      try {
        unlinkSync(path);
      } catch {
        // someone else removed it first: try again
      }
      if (other) onTakeover(other);
      continue;
    }
    writeSync(fd, JSON.stringify(info));
    closeSync(fd);
    // Two takers of one stale lock: the file says who won.
    if (readLock(dataDir)?.nonce !== info.nonce) continue;
    held.add(info.nonce);
    let released = false;
    return {
      info,
      setSocket(socket) {
        info.socket = socket;
        writeFileSync(path, JSON.stringify(info), { mode: 0o600 });
      },
      release() {
        if (released) return;
        released = true;
        held.delete(info.nonce);
        if (readLock(dataDir)?.nonce === info.nonce) unlinkSync(path);
      },
    };
  }
  throw new Error(`could not take the lock ${path}: it keeps changing hands`);
}
