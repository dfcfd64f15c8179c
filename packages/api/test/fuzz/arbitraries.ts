/**
 * fast-check arbitraries derived from the contract's own schemas: a value of the shape a route
 * expects, then made hostile at one place (a leaf swapped for a control character, a lone
 * surrogate, a year 0000, a huge or non-finite number, the wrong type; a key dropped or added),
 * or replaced by bytes that are not JSON or not UTF-8 at all.
 */
import fc from 'fast-check';
import type { z } from 'zod/mini';

interface Def {
  type: string;
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  options?: z.ZodMiniType[];
  entries?: Record<string, string>;
  values?: unknown[];
  checks?: { _zod: { def: CheckDef } }[];
  coerce?: boolean;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

const defOf = (schema: z.ZodMiniType) => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
const sensibleDate = fc.date({
  min: new Date('1950-01-01T00:00:00Z'),
  max: new Date('2150-12-31T00:00:00Z'),
  noInvalidDate: true,
});

/** Values the schema accepts, most of the time (refinements are not solved, only sampled). */
export function valid(schema: z.ZodMiniType): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const checks = checksOf(def);
  switch (def.type) {
    case 'string': {
      const format = def.format ?? checks.find((c) => c.check === 'string_format')?.format;
      const pattern = def.pattern ?? checks.find((c) => c.format === 'regex')?.pattern;
      if (format === 'email')
        return fc.oneof(
          fc.constantFrom('camille@example.org', 'a.b+tec@example.fr'),
          fc.emailAddress().filter((e) => e.length <= 254),
        );
      if (format === 'url') return fc.webUrl({ validSchemes: ['https'] });
      if (format === 'date') return sensibleDate.map(isoDate);
      if (format === 'datetime') return sensibleDate.map((d) => d.toISOString());
      if (format === 'regex' && pattern) return fc.stringMatching(pattern);
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 60, 60);
      return fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1), unit: 'grapheme' });
    }
    case 'number': {
      let min = -1e6;
      let max = 1e6;
      let int = false;
      for (const c of checks) {
        if (c.check === 'greater_than') min = c.value!;
        if (c.check === 'less_than') max = c.value!;
        if (c.check === 'number_format') int = true;
      }
      return int ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    }
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? {}));
    case 'optional':
      return fc.option(valid(def.innerType!), { nil: undefined });
    case 'nullable':
      return fc.option(valid(def.innerType!), { nil: null });
    case 'array': {
      const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
      const max = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 3, 3);
      return fc.array(valid(def.element!), { minLength: min, maxLength: Math.max(min, max) });
    }
    case 'object': {
      const shape = def.shape ?? {};
      const keys = Object.keys(shape);
      const required = keys.filter((k) => defOf(shape[k]!).type !== 'optional');
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const k of keys) {
        const d = defOf(shape[k]!);
        record[k] = d.type === 'optional' ? valid(d.innerType!) : valid(shape[k]!);
      }
      return fc.record(record, { requiredKeys: required });
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map(valid));
    default:
      return fc.constant(null);
  }
}

/** What a careful attacker sends in place of one value. */
/** Text an attacker puts where a string goes: controls, half surrogates, overrides, far dates. */
const hostileText = fc.constantFrom<unknown>(
  '\u0000',
  'Ca\u0000mille',
  'a\u0007b',
  'x\u001b[31m',
  'x\u0085',
  'x\u009f',
  '\ud800',
  'a\udc00b',
  '\u202eevil',
  'x\u2066y',
  '',
  '   ',
  '<script>alert(1)</script>',
  "'; drop table engagements; --",
  '0000-01-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '2026-02-30',
  '-0001-01-01',
  '../../etc/passwd',
  '%00',
  '\ufeff',
  'javascript:alert(1)',
  'x'.repeat(5000),
);

/** What a careful attacker sends in place of one value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: hostileText },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      -1,
      0,
      -0,
      1.5,
      2 ** 31,
      2 ** 53 + 2,
      1e-300,
      Number.MAX_VALUE,
      null,
      true,
      false,
      [],
      {},
      [[[[[]]]]],
      { __proto__: { admin: true } },
      { constructor: { prototype: {} } },
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double()) },
);

type Json = unknown;

function leaves(value: Json, path: (string | number)[] = [], out: (string | number)[][] = []) {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    if (entries.length === 0) out.push(path);
    for (const [k, v] of entries) leaves(v, [...path, k], out);
  } else out.push(path);
  return out;
}

function setAt(value: Json, path: (string | number)[], next: Json): Json {
  if (path.length === 0) return next;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    Json
  >;
  copy[path[0]!] = setAt(copy[path[0]!], path.slice(1), next);
  return copy;
}

function dropAt(value: Json, path: (string | number)[]): Json {
  if (path.length <= 1) {
    if (value === null || typeof value !== 'object') return value;
    const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
      string | number,
      Json
    >;
    if (path.length === 1) Reflect.deleteProperty(copy, path[0]!);
    return copy;
  }
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<
    string | number,
    Json
  >;
  copy[path[0]!] = dropAt(copy[path[0]!], path.slice(1));
  return copy;
}

export type Mutation = 'none' | 'leaf' | 'drop' | 'extra' | 'root';

/** A value of `schema`, hostile at one place (or not, a fifth of the time). */
export function hostile(schema: z.ZodMiniType): fc.Arbitrary<{ value: Json; mutation: Mutation }> {
  return fc
    .record({
      base: valid(schema),
      mutation: fc.constantFrom<Mutation>('none', 'leaf', 'leaf', 'leaf', 'leaf', 'drop', 'extra', 'root'),
      pick: fc.nat(),
      bad: hostileValue,
      key: fc.constantFrom('__proto__', 'constructor', 'id', 'territory', 'placesLeft', 'x\u0000'),
    })
    .map(({ base, mutation, pick, bad, key }) => {
      const paths = leaves(base);
      const path = paths[pick % paths.length] ?? [];
      switch (mutation) {
        case 'leaf':
          return { value: setAt(base, path, bad), mutation };
        case 'drop':
          return { value: dropAt(base, path), mutation };
        case 'extra':
          return {
            value:
              base !== null && typeof base === 'object' && !Array.isArray(base)
                ? { ...(base as object), [key]: bad }
                : bad,
            mutation,
          };
        case 'root':
          return { value: bad, mutation };
        default:
          return { value: base, mutation };
      }
    });
}

/** Bodies that are not JSON, not UTF-8, or JSON a parser finds hard. */
export const rawBody: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .constantFrom(
      '',
      '{',
      '{"a":1e309}',
      '{"capacity":1e309}',
      '[]',
      'null',
      '"\\u0000"',
      '{"firstName":"\\ud800"}',
      '{"a":1,"a":2}',
      `${'['.repeat(5000)}${']'.repeat(5000)}`,
      `{"x":"${'y'.repeat(20_000)}"}`,
    )
    .map((s) => new TextEncoder().encode(s)),
  fc.uint8Array({ maxLength: 64 }),
  fc.constantFrom(
    Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]), // {"a":"\xc3("}
    Uint8Array.from([0xef, 0xbb, 0xbf, 0x7b, 0x7d]), // BOM then {}
    Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]), // CESU surrogate
  ),
);

/** Path segments a route parameter may be given instead of a real one, already in URL form. */
export const hostileSegment: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '%',
    '%E0%A4%A',
    '%00',
    '..',
    '..%2F..%2Fetc',
    '%2e%2e',
    'ROYA',
    'roya%20',
    'x'.repeat(300),
    '%F0%9F%98%80',
    '%C0%AF',
    '%ED%A0%80',
    '-',
    '0',
  ),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }).map(encodeURIComponent),
);
