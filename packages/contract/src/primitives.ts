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

/** Text of bounded length; `min` defaults to 1 so that required text is never empty. */
export function text(max: number, min = 1) {
  return z.string().check(z.trim(), z.minLength(min), z.maxLength(max));
}

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
export const IsoDate = z.iso.date();

/** An instant, ISO 8601 with a time zone offset: `2026-11-26T09:30:00Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });

/** A whole number from `min` to `max`. */
export function integer(min: number, max: number) {
  return z.number().check(z.int(), z.gte(min), z.lte(max));
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
