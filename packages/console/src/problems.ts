/**
 * What went wrong, in the team member's words: the SDK's errors turned into one message for the
 * form (by problem type, never by status alone) and one per field (the problem's `errors[]`,
 * whose paths name the body's fields: `body.capacity` → the capacity field).
 */
import { TecHttpError, TecNetworkError, TecTimeoutError, TecValidationError } from '@tec/sdk';
import { t, type Lang } from './i18n/index.js';

export interface Failure {
  /** The message beside the form's button. */
  form: string;
  /** Messages by field name (the body's top-level key). */
  fields: Record<string, string>;
}

/** The contract's plain-English field messages, said in French. */
const FRENCH: [RegExp, string][] = [
  [/^is required$/, 'est obligatoire'],
  [/^must be at most (\d+) characters?/, 'doit faire au plus $1 caractères'],
  [/^must be at least (\d+) characters?/, 'doit faire au moins $1 caractères'],
  [/^must be at least (\d+): places already taken/, 'ne peut pas être inférieur aux $1 places déjà prises'],
  [/^must be at most (\S+)$/, 'doit être au plus $1'],
  [/^must be at least (\S+)$/, 'doit être au moins $1'],
  [/^must be a date from (\d+) to (\d+)/, 'doit être une date entre $1 et $2'],
  [/^must be an? (?:http|web|https?)/i, 'doit être une adresse web commençant par https:// ou http://'],
  [/^must be an? (?:valid )?e-?mail/i, 'doit être une adresse e-mail valide'],
  [/^must not contain control characters/, 'ne doit pas contenir de caractères de contrôle'],
  [/^must not contain bidirectional/, 'ne doit pas contenir de caractères d’inversion du sens du texte'],
  [/^must be one of/, 'n’est pas une valeur proposée'],
  [/^must be an INSEE commune code/, 'doit être une commune du territoire'],
  [/^must not be blank|^must not be empty/, 'ne doit pas être vide'],
];

export function fieldMessage(lang: Lang, message: string): string {
  if (lang === 'en') return message.replace(/^./, (c) => c.toUpperCase());
  for (const [pattern, french] of FRENCH) {
    if (pattern.test(message)) return message.replace(pattern, french).replace(/^./, (c) => c.toUpperCase());
  }
  return `Valeur refusée (${message})`;
}

/** The body field an error path names: `body.place.name` → `place.name`; `title` → `title`. */
function fieldOf(path: string): string {
  return path.replace(/^body\./, '').replace(/\.\d+$/, '');
}

/** The rules of the API's `inconsistent` problems, in French and English. */
const RULES: Record<string, [fr: string, en: string]> = {
  'phase-dates': [
    'la fin d’une phase ne peut pas précéder son début.',
    'a phase cannot end before it starts.',
  ],
  'opportunity-dates': [
    'la fin d’une opportunité ne peut pas précéder son début.',
    'an opportunity cannot end before it starts.',
  ],
  'milestone-completed': [
    'un jalon atteint doit avoir sa date, et seul un jalon atteint en a une.',
    'a reached milestone needs its date, and only a reached one has one.',
  ],
  'phase-order': [
    'une phase ne peut pas commencer avant que la précédente soit en cours.',
    'a phase cannot start before the previous one is under way.',
  ],
};

export function describeFailure(lang: Lang, error: unknown): Failure {
  const fields: Record<string, string> = {};
  if (error instanceof TecValidationError) {
    for (const e of error.errors) fields[fieldOf(e.path)] ??= fieldMessage(lang, e.message);
    return { form: t(lang, 'fixFields', { n: Object.keys(fields).length }), fields };
  }
  if (error instanceof TecHttpError) {
    const problem = error.problem as
      | (Record<string, unknown> & {
          type?: string;
          errors?: { path: string; message: string }[];
          retryAfter?: number;
          detail?: string;
        })
      | undefined;
    const type = problem?.type?.replace('urn:tec:problem:', '') ?? '';
    if (type === 'inconsistent' || (error.status === 422 && !problem?.errors?.length)) {
      const rule = typeof problem?.rule === 'string' ? RULES[problem.rule] : undefined;
      const words = rule ? rule[lang === 'en' ? 1 : 0] : (problem?.detail ?? '');
      return { form: t(lang, 'errInconsistent', { rule: words }).replace(/ : $|: $/, '.'), fields };
    }
    if (problem?.errors?.length) {
      for (const e of problem.errors) fields[fieldOf(e.path)] ??= fieldMessage(lang, e.message);
      return { form: t(lang, 'fixFields', { n: Object.keys(fields).length }), fields };
    }
    const key =
      {
        unauthorized: 'errUnauthorized',
        forbidden: 'errForbidden',
        'not-found': 'errNotFound',
        validation: 'errValidation',
        'origin-not-allowed': 'errOrigin',
        'payload-too-large': 'errTooLarge',
        'opportunity-full': 'errFull',
        internal: 'errInternal',
        unavailable: 'errUnavailable',
      }[type] ??
      (
        { 401: 'errUnauthorized', 403: 'errForbidden', 404: 'errNotFound', 503: 'errUnavailable' } as Record<
          number,
          string
        >
      )[error.status];
    if (type === 'rate-limited' || error.status === 429)
      return { form: t(lang, 'errRateLimited', { seconds: problem?.retryAfter ?? 60 }), fields };
    return {
      form: t(lang, (key ?? (error.status >= 500 ? 'errInternal' : 'errUnknown')) as 'errUnknown'),
      fields,
    };
  }
  if (error instanceof TecNetworkError || error instanceof TecTimeoutError)
    return { form: t(lang, 'errNetwork'), fields };
  return { form: t(lang, 'errUnknown'), fields };
}
