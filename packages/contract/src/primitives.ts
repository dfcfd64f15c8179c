/**
 * The small building blocks every TEC schema is made of. Each one bounds its input, so that no
 * consumer (server, SDK, widget) ever holds an unbounded string or an unsafe URL.
 */
import * as z from 'zod/mini';

/** Longest text field anywhere in the contract (descriptions, messages). */
export const MAX_LONG_TEXT = 4000;

/** A territory slug: `roya`, `entre-deux-mers`. */
export const Slug = z.string().check(
  z.regex(/^[a-z0-9-]{1,64}$/, {
    error: 'must be 1 to 64 lowercase letters, digits or hyphens',
  }),
);

/** An INSEE commune code (Code officiel géographique), Corsica included: `06163`, `2A004`. */
export const InseeCode = z.string().check(
  z.regex(/^(\d{5}|2[AB]\d{3})$/, {
    error: 'must be an INSEE commune code: 5 digits, or 2A/2B and 3 digits',
  }),
);

/** A département code: `06`, `2A`, `974`. */
export const DepartementCode = z.string().check(
  z.regex(/^(\d{2}|2[AB]|97\d)$/, {
    error: 'must be a département code such as 06, 2A or 974',
  }),
);

/** An identifier chosen by the server (members, opportunities, milestones, engagements). */
export const Id = z.string().check(
  z.regex(/^[A-Za-z0-9_-]{1,64}$/, {
    error: 'must be 1 to 64 letters, digits, underscores or hyphens',
  }),
);

/** An opaque pagination cursor; clients pass it back untouched. */
export const Cursor = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{1,256}$/, { error: 'must be a cursor returned by the server' }));

/** C0 and C1 control characters; line breaks and tabs are allowed in multi-line text. */
// eslint-disable-next-line no-control-regex -- control characters are what these refuse
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- control characters are what these refuse
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** A surrogate half without its other half: not Unicode text, and PostgreSQL refuses it. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Bidirectional embeddings, overrides and isolates: they let a name display as another. */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * One schema per set of bounds, built on first use: a schema is immutable, so the 22 fields of
 * the contract that are `text(200)` share one, and loading the contract builds fewer schemas
 * (that build is most of the widgets' runtime start-up, issue 19).
 */
const built = new Map<string, unknown>();
function shared<T>(key: string, build: () => T): T {
  let schema = built.get(key) as T | undefined;
  if (schema === undefined) built.set(key, (schema = build()));
  return schema;
}

/** Refuses what no text field may hold: control characters (NUL first) and unpaired surrogates. */
function plainText(multiline: boolean) {
  return [
    z.refine<string>((s) => !(multiline ? CONTROL_BUT_LINES : CONTROL).test(s), {
      error: multiline
        ? 'must not contain control characters (only line breaks and tabs are allowed)'
        : 'must not contain control characters such as NUL, tabs or line breaks',
    }),
    z.refine<string>((s) => !LONE_SURROGATE.test(s), {
      error: 'must be valid Unicode text (it holds an unpaired surrogate)',
    }),
  ] as const;
}

/**
 * One line of text of bounded length (names, titles, labels); `min` defaults to 1 so that
 * required text is never empty. No control characters and no bidirectional overrides.
 */
export function text(max: number, min = 1) {
  return shared(`text:${max}:${min}`, () => buildText(max, min));
}

function buildText(max: number, min: number) {
  return z.string().check(
    z.trim(),
    z.minLength(min),
    z.maxLength(max),
    ...plainText(false),
    z.refine<string>((s) => !BIDI_CONTROL.test(s), {
      error: 'must not contain bidirectional override characters (U+202A–U+202E, U+2066–U+2069)',
    }),
  );
}

/** Multi-line text of bounded length (descriptions, messages): line breaks and tabs allowed. */
export function longText(max: number, min = 1) {
  return shared(`long:${max}:${min}`, () =>
    z.string().check(z.trim(), z.minLength(min), z.maxLength(max), ...plainText(true)),
  );
}

/** Free text in a query (search words): one line, no control characters. */
export function queryText(max: number) {
  return z.string().check(z.trim(), z.maxLength(max), ...plainText(false));
}

/** Years a date of the programme may fall in: PostgreSQL refuses year 0, and no plan spans centuries. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;
const saneYear = z.refine<string>(
  (s) => {
    const year = Number(s.slice(0, 4));
    return year >= MIN_YEAR && year <= MAX_YEAR;
  },
  { error: `must be a date from ${MIN_YEAR} to ${MAX_YEAR}` },
);

/**
 * An absolute `http:` or `https:` URL of at most 2,048 characters. Every other scheme
 * (`javascript:`, `data:`, `file:` …) is rejected, so a URL from the contract is safe to put in
 * an `href` or a `src`.
 */
export const HttpUrl = z.url({ protocol: /^https?$/ }).check(z.maxLength(2048));

/** An e-mail address (at most 254 characters, the SMTP limit). Plain-words messages for these
 * formats come from `describeIssue`, so that each issue keeps its own reason. */
export const Email = z.email().check(z.maxLength(254));

/** A phone number as a person types it: digits, spaces, dots, dashes, brackets, a leading +. */
export const Phone = z.string().check(
  z.trim(),
  z.regex(/^\+?[0-9 .()-]{6,24}$/, {
    error: 'must be a phone number of 6 to 24 digits, spaces, dots or dashes',
  }),
);

/** A calendar date, ISO 8601 `YYYY-MM-DD`. */
export const IsoDate = z.iso.date().check(saneYear);

/** An instant, ISO 8601 with a time zone offset: `2026-11-26T09:30:00Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true }).check(saneYear);

/** A whole number from `min` to `max`. */
export function integer(min: number, max: number) {
  return shared(`int:${min}:${max}`, () => z.number().check(z.int(), z.gte(min), z.lte(max)));
}

/** A fraction from 0 to 1 (progress). */
export const Fraction = z.number().check(z.gte(0), z.lte(1));

/** A whole number from a query string (`?limit=20`). */
export function queryInteger(min: number, max: number) {
  return z.coerce.number().check(z.int(), z.gte(min), z.lte(max));
}

/** The languages the programme publishes in: French first. */
export const Lang = z.enum(['fr', 'en']);
export type Lang = z.infer<typeof Lang>;
