import { check } from '@tec/contract';
import type * as z from 'zod/mini';
import { TecValidationError } from './errors.js';

/** Validates caller input, so that a bad argument fails here with a clear error, not at the server. */
export function input<S extends z.ZodMiniType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = check(schema, value);
  if (!result.ok) throw new TecValidationError(result.errors, what);
  return result.data as z.output<S>;
}
