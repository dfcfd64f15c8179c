/**
 * The strings every widget shows (its loading, error, offline and empty states), one typed table
 * per language: French first, English second. Each widget's own strings are in its folder's
 * `strings.ts`, in its own chunk. The language
 * comes from the widget's `lang` attribute or the nearest `[lang]` ancestor; numbers and dates go
 * through `Intl`.
 */

export type Lang = 'fr' | 'en';

const fr = {
  loading: 'Chargement…',
  errorOffline: 'Vous êtes hors ligne : ces informations s’afficheront dès que la connexion sera revenue.',
  errorUnavailable: 'Le service du programme TEC ne répond pas pour le moment. Réessayez dans un instant.',
  errorBusy: 'Le service du programme TEC reçoit trop de demandes. Réessayez dans une minute.',
  errorForbidden: 'Ce site n’est pas autorisé à afficher les informations du programme TEC.',
  errorConfig: 'Ce widget est mal configuré ({detail}) : le responsable du site peut le corriger.',
  errorNotFound:
    'Le territoire « {territory} » est inconnu du programme TEC : le responsable du site peut corriger le widget.',
  offline: 'Vous êtes hors ligne. Les informations affichées peuvent dater.',
  retry: 'Réessayer',
  empty: 'Rien à afficher pour le moment.',
  updated: 'Mise à jour : {what}',
  demoData: 'Données de démonstration',
  selecting: 'Territoire en cours de sélection',
} as const;

export type StringKey = keyof typeof fr;
type Table = Record<StringKey, string>;

const en: Table = {
  loading: 'Loading…',
  errorOffline: 'You are offline: this information will appear as soon as the connection is back.',
  errorUnavailable: 'The TEC programme’s service does not answer at the moment. Try again shortly.',
  errorBusy: 'The TEC programme’s service is receiving too many requests. Try again in a minute.',
  errorForbidden: 'This site is not allowed to show the TEC programme’s information.',
  errorConfig: 'This widget is misconfigured ({detail}): the site’s webmaster can fix it.',
  errorNotFound:
    'The territory “{territory}” is unknown to the TEC programme: the site’s webmaster can fix the widget.',
  offline: 'You are offline. What is shown may be out of date.',
  retry: 'Try again',
  empty: 'Nothing to show yet.',
  updated: 'Updated: {what}',
  demoData: 'Demo data',
  selecting: 'Territory being selected',
};

/**
 * French typography, applied once to the French table: a no-break space before « : » and inside
 * « », a narrow one before « ; ? ! », so that no line starts with one of them (the strings are
 * written with plain spaces, which this mends; tests/… checks the result).
 */
export function frenchSpacing(text: string): string {
  return text
    .replace(/ ([:»])/g, '\u00a0$1')
    .replace(/« /g, '«\u00a0')
    .replace(/ ([;?!])/g, '\u202f$1');
}

const tables: Record<Lang, Table> = {
  fr: Object.fromEntries(Object.entries(fr).map(([key, text]) => [key, frenchSpacing(text)])) as Table,
  en,
};

/** Every string of a language's table, as the widgets show them (for the tests). */
export const table = (lang: Lang): Readonly<Table> => tables[lang];

/** The language of `element`: its own `lang`, else the nearest ancestor's (through shadow roots). */
export function languageOf(element: Element): Lang {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang.toLowerCase().startsWith('en') ? 'en' : 'fr';
    }
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return 'fr';
}

/**
 * Intl formatters are costly to build (about 50 µs each in Chromium) and a map or a list formats
 * thousands of strings: each one is built once per language and options, then reused.
 */
const formatters = new Map<string, Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.PluralRules | Intl.NumberFormat | Intl.DateTimeFormat>(
  key: string,
  make: () => T,
): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) formatters.set(key, (formatter = make()));
  return formatter;
}
const localeOf = (lang: Lang) => (lang === 'en' ? 'en-GB' : 'fr-FR');

/**
 * A string with `{name}` and `{n, plural, one {…} other {…}}` filled in. A widget whose strings
 * live in its own chunk (its own table per language) fills them with this.
 */
export function fill(lang: Lang, template: string, params: Record<string, string | number> = {}): string {
  const locale = localeOf(lang);
  return template
    .replace(
      /\{(\w+), plural, one \{([^}]*)\} other \{([^}]*)\}\}/g,
      (_, name: string, one: string, other: string) => {
        const n = Number(params[name] ?? 0);
        const plural = cached(`plural:${locale}`, () => new Intl.PluralRules(locale));
        const number = cached(`number:${locale}`, () => new Intl.NumberFormat(locale));
        return (plural.select(n) === 'one' ? one : other).replace('#', number.format(n));
      },
    )
    .replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A string of the table with `{name}` and `{n, plural, one {…} other {…}}` filled in. */
export function translate(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return fill(lang, tables[lang][key], params);
}

/** « 1er » for the first day of a month in French, as French writes it. */
function dayParts(lang: Lang, parts: Intl.DateTimeFormatPart[]): string {
  return parts.map((p) => (lang === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

export function formatDate(lang: Lang, iso: string, withTime = false): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  const locale = localeOf(lang);
  const formatter = cached(
    `date:${locale}:${withTime}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        dateStyle: 'long',
        ...(withTime ? { timeStyle: 'short' } : {}),
        timeZone: withTime ? 'Europe/Paris' : 'UTC',
      }),
  );
  return dayParts(lang, formatter.formatToParts(date));
}

/** The day of an event in Paris: « samedi 12 décembre » (with the year when it is not this one). */
function eventDay(lang: Lang, date: Date): string {
  const locale = localeOf(lang);
  const paris = (d: Date) =>
    cached(
      `year:${locale}`,
      () => new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'Europe/Paris' }),
    ).format(d);
  const withYear = paris(date) !== paris(new Date());
  const formatter = cached(
    `day:${locale}:${withYear}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        ...(withYear ? { year: 'numeric' } : {}),
        timeZone: 'Europe/Paris',
      }),
  );
  return dayParts(lang, formatter.formatToParts(date));
}

/** A time in Paris: « 14 h », « 14 h 30 » in French; « 14:00 » in English. */
function eventTime(lang: Lang, date: Date): string {
  const locale = localeOf(lang);
  const parts = cached(
    `time:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone: 'Europe/Paris',
      }),
  ).formatToParts(date);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  if (lang === 'en') return `${hour}:${minute}`;
  return minute === '00' ? `${Number(hour)}\u00a0h` : `${Number(hour)}\u00a0h\u00a0${minute}`;
}

/**
 * When an event takes place, as a resident reads it: « samedi 12 décembre, 14 h – 17 h »; an
 * event over several days gives both days: « samedi 12 décembre, 14 h – dimanche 13 décembre, 12 h ».
 */
export function formatWhen(lang: Lang, startsAt: string, endsAt?: string | null): string {
  const start = new Date(startsAt);
  const from = `${eventDay(lang, start)}, ${eventTime(lang, start)}`;
  if (!endsAt) return from;
  const end = new Date(endsAt);
  const sameDay = eventDay(lang, start) === eventDay(lang, end);
  return `${from} – ${sameDay ? '' : `${eventDay(lang, end)}, `}${eventTime(lang, end)}`;
}

/** A duration in days as people say it: « 2 ans », « 6 mois », « 45 jours ». */
export function formatDuration(lang: Lang, days: number): string {
  const locale = localeOf(lang);
  const [value, unit] =
    days >= 365 && days % 365 === 0
      ? [days / 365, 'year']
      : days >= 30 && days % 30 === 0
        ? [days / 30, 'month']
        : [days, 'day'];
  return cached(
    `duration:${locale}:${unit}`,
    () => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }),
  )
    .format(value)
    .replace(/\s/gu, '\u00a0'); // a number and its unit on one line
}

export function formatPercent(lang: Lang, fraction: number): string {
  const locale = localeOf(lang);
  return cached(
    `percent:${locale}`,
    () => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
  ).format(fraction);
}

/**
 * A widget's own strings (its `strings.ts`, in its chunk): the two tables, French typography
 * mended once (frenchSpacing); whether a key is the widget's own (the others are the base's);
 * and a string with its parameters filled in.
 */
export function stringTable<K extends string>(fr: Record<K, string>, en: Record<K, string>) {
  const tables: Record<Lang, Record<K, string>> = {
    fr: Object.fromEntries(Object.entries<string>(fr).map(([key, t]) => [key, frenchSpacing(t)])) as Record<
      K,
      string
    >,
    en,
  };
  return {
    tables,
    isOwn: (key: string): key is K => Object.hasOwn(fr, key),
    text: (lang: Lang, key: K, params?: Record<string, string | number>): string =>
      fill(lang, tables[lang][key], params),
  };
}
