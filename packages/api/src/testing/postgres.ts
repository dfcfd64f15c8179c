/**
 * A PostgreSQL server for tests: the one named by TEC_TEST_DATABASE_URL, or a private cluster
 * started from Debian's binaries in a temporary folder (initdb + postgres on a free loopback
 * port), stopped when the process exits. Each caller gets a fresh database on it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

let server: Promise<string> | undefined;
let child: ChildProcess | undefined;
let folder: string | undefined;

const HOW =
  'PostgreSQL tests need a PostgreSQL server: install it (apt-get install postgresql) or set ' +
  'TEC_TEST_DATABASE_URL to a server where the tests may create databases.';

function binaries(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions[0]) throw new Error(HOW);
  return join(root, versions[0], 'bin');
}

/** A port free on the loopback now (for a server that must know its address before it starts). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** As root, PostgreSQL refuses to run: drop to the `postgres` user (exec, no extra process). */
function asServerUser(command: string[]): string[] {
  if (process.getuid?.() !== 0) return command;
  return ['setpriv', '--reuid=postgres', '--regid=postgres', '--init-groups', ...command];
}

async function waitUntilReady(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const sql = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 2 });
    try {
      await sql`select 1`;
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new Error(`the private PostgreSQL did not start: ${String(error)}`, { cause: error });
      }
      await new Promise((r) => setTimeout(r, 100));
    } finally {
      await sql.end({ timeout: 1 });
    }
  }
}

async function startPrivate(): Promise<string> {
  const bin = binaries();
  folder = mkdtempSync(join(tmpdir(), 'tec-pg-'));
  const data = join(folder, 'data');
  if (process.getuid?.() === 0) {
    const id = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
    if (id.status !== 0) throw new Error(`running as root, but there is no postgres user. ${HOW}`);
    chownSync(folder, Number(id.stdout), Number(gid.stdout));
    chmodSync(folder, 0o700);
  }
  const [cmd, ...args] = asServerUser([
    join(bin, 'initdb'),
    '-D',
    data,
    '-A',
    'trust',
    '-U',
    'tec',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ]);
  const init = spawnSync(cmd!, args, { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const [pgCmd, ...pgArgs] = asServerUser([
    join(bin, 'postgres'),
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    folder,
    '-c',
    'listen_addresses=127.0.0.1',
    // The tests kill API processes, never this server: fsync adds nothing to what they prove.
    '-c',
    'fsync=off',
    '-c',
    'max_connections=300',
  ]);
  child = spawn(pgCmd!, pgArgs, { stdio: 'ignore' });
  child.unref();
  const stop = () => {
    child?.kill('SIGKILL');
    if (folder) rmSync(folder, { recursive: true, force: true });
  };
  process.once('exit', stop);
  const url = `postgres://tec@127.0.0.1:${port}/postgres`;
  await waitUntilReady(url);
  return url;
}

/** The URL of a new, empty database on the test server. */
export async function createTestDatabase(): Promise<string> {
  const fromEnv = process.env.TEC_TEST_DATABASE_URL;
  server ??= fromEnv ? Promise.resolve(fromEnv) : startPrivate();
  const adminUrl = await server;
  const name = `tec_test_${randomBytes(6).toString('hex')}`;
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`create database ${name}`);
  } finally {
    await sql.end({ timeout: 2 });
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
