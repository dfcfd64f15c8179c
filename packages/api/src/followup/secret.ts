/**
 * The server secret that signs cancel links. `TEC_SECRET` when set; otherwise one is generated on
 * first start and kept: in the data folder for the embedded database (file `secret`, mode 0600),
 * in the database itself for PostgreSQL, so that every process behind one database signs and
 * checks links with the same secret. Losing it only makes the links already sent stop working.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../db/database.js';

export async function loadSecret(
  db: Database,
  options: { secret: string | undefined; dataDir: string; databaseUrl: string | undefined },
): Promise<string> {
  if (options.secret) return options.secret;
  if (!options.databaseUrl && !options.dataDir.startsWith('memory://')) {
    const file = join(options.dataDir, 'secret');
    if (existsSync(file)) return readFileSync(file, 'utf8').trim();
    mkdirSync(options.dataDir, { recursive: true });
    const secret = randomBytes(32).toString('base64url');
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    return secret;
  }
  // PostgreSQL (or a throw-away database): the first process to start writes it, the others read it.
  await db.query(
    `insert into server_secrets (name, value) values ('cancel-links', $1) on conflict (name) do nothing`,
    [randomBytes(32).toString('base64url')],
  );
  const [row] = await db.query<{ value: string }>(
    `select value from server_secrets where name = 'cancel-links'`,
  );
  return row!.value;
}
