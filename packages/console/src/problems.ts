/**
 * What went wrong, in the team member's words: the SDK's errors turned into one message for the
 * form (by problem type, never by status alone) and one per field (the problem's `errors[]`,
 * whose paths name the body's fields: `body.capacity` → the capacity field).
 */
import type { ConsistencyRule } from '@tec/contract';
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
  [/^must be at most (\d+) characters?(?: long)?/, 'doit faire au plus $1 caractères'],
  [/^must be at least (\d+) characters?(?: long)?/, 'doit faire au moins $1 caractères'],
  [/^must be at least (\d+): places already taken/, 'ne peut pas être inférieur aux $1 places déjà prises'],
  [/^must be at most (\S+)$/, 'doit être au plus $1'],
  [/^must be at least (\S+)$/, 'doit être au moins $1'],
  [/^must be a date from (\d+) to (\d+)/, 'doit être une date entre $1 et $2'],
  [
    /^must be an? (?:absolute )?(?:http|web|https?)/i,
    'doit être une adresse web commençant par https:// ou http://',
  ],
  [/^must have at most (\d+) items/, 'doit compter au plus $1 éléments'],
  [/^must be a whole number/, 'doit être un nombre entier'],
  [
    /^is not a member of the territory/,
    'n’est plus membre du territoire : un autre membre de l’équipe l’a peut-être retiré',
  ],
  [/^is not a commune of the territory/, 'n’est pas une commune du territoire'],
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

/**
 * The form field an error path names: `body.place.name` → `place.name`; `title` → `title`; an
 * element of a list → the list (`body.actorIds.0`, `needs[3]` → `actorIds`, `needs`), while
 * `forcesVives.ressources[0].label` stays whole (the portrait's fields are named by their path).
 */
function fieldOf(path: string): string {
  return path.replace(/^body\./, '').replace(/(?:\.\d+|\[\d+\])$/, '');
}

/** The consistency rules of the API's `inconsistent` problems (CONSISTENCY_RULES), in words. */
const RULES: Record<ConsistencyRule, [fr: string, en: string]> = {
  'phase-finished-with-unmet-milestones': [
    'une phase ne peut être terminée que si tous ses jalons sont atteints, ou avec la raison de sa clôture.',
    'a phase can be completed only when all its milestones are reached, or with the reason for closing it.',
  ],
  'phase-dates-order': ['une phase doit commencer avant de finir.', 'a phase must start before it ends.'],
  'phase-dates-overlap': [
    'une phase doit finir avant que la suivante commence.',
    'a phase must end before the next one starts.',
  ],
  'milestone-outside-phase': [
    'les dates d’un jalon doivent tomber pendant sa phase.',
    'a milestone’s dates must fall within its phase.',
  ],
  'current-phase-mismatch': [
    'la phase en cours du territoire doit être sa phase « En cours ».',
    'the territory’s current phase must be its phase “In progress”.',
  ],
  'selection-has-content': [
    'un territoire en cours de sélection n’a encore ni phase commencée, ni membre, ni coopération, ni opportunité.',
    'a territory being selected has no started phase, member, cooperation or opportunity yet.',
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
      const rule = typeof problem?.rule === 'string' ? RULES[problem.rule as ConsistencyRule] : undefined;
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
