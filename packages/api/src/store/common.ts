/**
 * What every store module shares: timestamps rendered alike by both engines, identifiers,
 * folded text for search and sort, and the errors the handlers turn into problems.
 */
import { randomBytes } from 'node:crypto';

export const iso = (column: string) =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A new identifier: a prefix and 16 random bytes in base64url. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString('base64url')}`;
}

/** Lowercase, accents removed: the form searched and sorted on. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
  }
}

export class ConflictError extends Error {
  constructor(
    readonly kind: 'full' | 'idempotency',
    message: string,
  ) {
    super(message);
  }
}
