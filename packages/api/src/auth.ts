/**
 * Admin tokens: `tec_<id>_<secret>`. Only the SHA-256 of the secret is stored; it is compared in
 * constant time. A token's scope is one territory slug or `*` for all.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Sql } from './db/database.js';

export interface AdminToken {
  id: string;
  name: string;
  scope: string;
  createdAt: string;
  revokedAt: string | null;
}

const TOKEN = /^tec_([A-Za-z0-9]{8,32})_([A-Za-z0-9_-]{20,128})$/;

function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Creates a token and returns it in clear, once; only its hash is kept. */
export async function createToken(db: Sql, name: string, scope: string, id?: string, secret?: string) {
  const tokenId = id ?? randomBytes(9).toString('hex');
  const tokenSecret = secret ?? randomBytes(24).toString('base64url');
  await db.query(
    `insert into admin_tokens (id, name, secret_hash, scope) values ($1, $2, $3, $4)
     on conflict (id) do update set name = excluded.name, secret_hash = excluded.secret_hash,
       scope = excluded.scope, revoked_at = null`,
    [tokenId, name, hashSecret(tokenSecret), scope],
  );
  return `tec_${tokenId}_${tokenSecret}`;
}

/**
 * Makes the token of TEC_ADMIN_TOKEN exist, except when this very value was revoked by command:
 * then it stays revoked (a new value makes a new token). Returns what the token now is.
 */
export async function ensureBootstrapToken(db: Sql, token: string): Promise<'active' | 'revoked'> {
  const [row] = await db.query<{ secret_hash: string; revoked: boolean }>(
    `select secret_hash, revoked_at is not null as revoked from admin_tokens where id = 'bootstrap'`,
  );
  if (row?.revoked && row.secret_hash === hashSecret(token)) return 'revoked';
  await createToken(db, 'bootstrap (TEC_ADMIN_TOKEN)', '*', 'bootstrap', token);
  return 'active';
}

/**
 * TEC_ADMIN_TOKEN is no longer set: its token is revoked, and forgets its secret, so that setting
 * the variable again (to any value) makes it work again — unlike a revocation by command.
 */
export async function retireBootstrapToken(db: Sql): Promise<boolean> {
  const rows = await db.query(
    `update admin_tokens set revoked_at = now(), secret_hash = $1
     where id = 'bootstrap' and revoked_at is null returning id`,
    ['0'.repeat(64)],
  );
  return rows.length > 0;
}

/** The token's id and secret, or undefined when it is not in the token format. */
export function parseToken(token: string): { id: string; secret: string } | undefined {
  const match = TOKEN.exec(token);
  return match ? { id: match[1]!, secret: match[2]! } : undefined;
}

/** The scope of a valid, unrevoked token, or undefined. */
export async function verifyToken(
  db: Sql,
  token: string,
): Promise<{ id: string; scope: string } | undefined> {
  // A token in our format, or the bootstrap token set by TEC_ADMIN_TOKEN (16–256 characters:
  // the server refuses to start with one under 32, but older ones may still be stored).
  const parsed =
    parseToken(token) ??
    (token.length >= 16 && token.length <= 256 ? { id: 'bootstrap', secret: token } : undefined);
  if (!parsed) return undefined;
  const [row] = await db.query<{ secret_hash: string; scope: string }>(
    'select secret_hash, scope from admin_tokens where id = $1 and revoked_at is null',
    [parsed.id],
  );
  const expected = Buffer.from(row?.secret_hash ?? '0'.repeat(64), 'hex');
  const actual = Buffer.from(hashSecret(parsed.secret), 'hex');
  const equal = timingSafeEqual(expected, actual);
  return row && equal ? { id: parsed.id, scope: row.scope } : undefined;
}

export async function listTokens(db: Sql): Promise<AdminToken[]> {
  return db.query<AdminToken>(
    `select id, name, scope, to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "createdAt",
       to_char(revoked_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "revokedAt"
     from admin_tokens order by created_at, id`,
  );
}

export async function revokeToken(db: Sql, id: string): Promise<boolean> {
  const rows = await db.query(
    'update admin_tokens set revoked_at = now() where id = $1 and revoked_at is null returning id',
    [id],
  );
  return rows.length > 0;
}

export async function countTokens(db: Sql): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'select count(*)::int as n from admin_tokens where revoked_at is null',
  );
  return row?.n ?? 0;
}

/** Whether a token of `scope` may act on `territory`. */
export function inScope(scope: string, territory: string): boolean {
  return scope === '*' || scope === territory;
}
