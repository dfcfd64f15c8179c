/**
 * What every route handler shares. Every change is written with its live event in one
 * transaction; the cache and this process's subscribers are told right after the commit, other
 * processes through NOTIFY. Store errors become problems here.
 */
import type { Sql } from '../db/database.js';
import * as store from '../store.js';
import { HttpProblem } from '../http/problem.js';
import type { AppDeps } from '../http/types.js';

/** Turns store errors into problems. */
export function mapError(error: unknown): never {
  if (error instanceof store.NotFoundError)
    throw new HttpProblem('notFound', `The ${error.what} does not exist.`);
  if (error instanceof store.BadCursorError) {
    throw new HttpProblem('validation', 'The cursor is not one this server returned.', [
      { path: 'query.cursor', message: 'is not a cursor this server returned' },
    ]);
  }
  if (error instanceof store.CapacityBelowTakenError) {
    throw new HttpProblem(
      'validation',
      `The capacity cannot be lower than the ${error.taken} places already taken.`,
      [{ path: 'body.capacity', message: `must be at least ${error.taken}: places already taken` }],
    );
  }
  if (error instanceof store.UnknownReferenceError) {
    throw new HttpProblem(
      'validation',
      `The request body names what this territory does not have: ${error.path} ${error.message}.`,
      [{ path: error.path, message: error.message }],
    );
  }
  if (error instanceof store.InconsistentError) throw HttpProblem.inconsistent(error.rule, error.message);
  if (error instanceof store.ConflictError) {
    throw new HttpProblem(error.kind === 'full' ? 'full' : 'idempotencyConflict', error.message);
  }
  throw error;
}

export interface RouteContext {
  deps: AppDeps;
  /** Runs a change and its events in one transaction, then tells this process at once. */
  change<T>(slug: string, fn: (tx: Sql) => Promise<T>): Promise<T>;
  /** Runs a read, its store errors turned into problems. */
  read<T>(fn: () => Promise<T>): Promise<T>;
  /** Throws a 404 problem unless the territory exists. */
  requireTerritory(slug: string): Promise<void>;
}

export function routeContext(deps: AppDeps): RouteContext {
  const { db, bus, cache } = deps;
  return {
    deps,
    async change(slug, fn) {
      let result;
      try {
        result = await db.transaction(fn);
      } catch (error) {
        mapError(error);
      }
      cache.invalidate(slug);
      void bus.pull();
      return result;
    },
    async read(fn) {
      try {
        return await fn();
      } catch (error) {
        mapError(error);
      }
    },
    async requireTerritory(slug) {
      if (!(await store.territoryExists(db, slug)))
        throw new HttpProblem('notFound', `The territory ${slug} does not exist.`);
    },
  };
}
