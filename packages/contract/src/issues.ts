/**
 * Turns schema issues into plain-words errors naming the field path: what the API puts in a
 * problem's `errors`, what the SDK's `TecValidationError` carries, what a form shows a person.
 */
import type { z } from 'zod/mini';
import type { FieldError } from './schemas.js';

type Issue = z.core.$ZodIssue;

/** `['communes', 0, 'insee']` → `communes[0].insee`; the root is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'nothing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  array: 'a list',
  object: 'an object',
  int: 'a whole number',
  number: 'a number',
  string: 'a string',
  boolean: 'true or false',
};

const FORMATS: Record<string, string> = {
  url: 'an absolute http:// or https:// URL',
  email: 'a valid e-mail address',
  date: 'a date written YYYY-MM-DD',
  datetime: 'a date and time in ISO 8601 with a time zone, e.g. 2026-11-26T09:30:00Z',
  regex: 'in the expected form',
};

function sizeWords(issue: Issue & { code: 'too_big' | 'too_small' }): string {
  const bound = String(issue.code === 'too_big' ? issue.maximum : issue.minimum);
  const most = issue.code === 'too_big';
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string':
      return `must be ${most ? 'at most' : 'at least'} ${bound} characters long`;
    case 'array':
    case 'set':
      return `must have ${most ? 'at most' : 'at least'} ${bound} items`;
    default:
      if (inclusive) return `must be ${most ? 'at most' : 'at least'} ${bound}`;
      return `must be ${most ? 'less' : 'more'} than ${bound}`;
  }
}

/** One issue in plain words, without its path. */
export function describeIssue(issue: Issue): string {
  // A message set by the contract itself is already in plain words.
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const expected = EXPECTED[issue.expected] ?? `a ${issue.expected}`;
      // The input is known when the parse asked for it (`check` does); a missing value is the
      // commonest case, and reads better as "is required".
      if (!('input' in issue)) return `must be ${expected}`;
      if (issue.input === undefined) return 'is required';
      // JSON's 1e309 parses as Infinity and a query's `abc` coerces to NaN: both are numbers to
      // JavaScript, so "must be a number, not a number" would say nothing.
      if (typeof issue.input === 'number' && Number.isNaN(issue.input)) return `must be ${expected}`;
      if (typeof issue.input === 'number' && !Number.isFinite(issue.input))
        return `must be ${expected} of reasonable size, not one too large to hold (${String(issue.input)})`;
      return `must be ${expected}, not ${typeName(issue.input)}`;
    }
    case 'too_big':
    case 'too_small':
      return sizeWords(issue);
    case 'invalid_format':
      return `must be ${FORMATS[issue.format] ?? `a valid ${issue.format}`}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${JSON.stringify(issue.values[0])}`
        : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return 'does not match any of the accepted forms';
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    default:
      return 'is invalid';
  }
}

/** Every issue of a failed parse, as `{ path, message }`, in the order the schema met them. */
export function describeIssues(error: z.core.$ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: describeIssue(issue),
  }));
}

/** One line for logs and exceptions: `email must be a valid e-mail address; consent is required`. */
export function summarizeIssues(errors: readonly FieldError[]): string {
  return errors.map((e) => (e.path === '(root)' ? e.message : `${e.path} ${e.message}`)).join('; ');
}

export type CheckResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** Parses `input` with `schema`, returning the data or the plain-words errors (never throws). */
export function check<S extends z.ZodMiniType>(schema: S, input: unknown): CheckResult<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, data: result.data as z.output<S> };
  return { ok: false, errors: describeIssues(result.error) };
}
