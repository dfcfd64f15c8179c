/**
 * The strings every widget shows (its loading, error, offline and empty states), one typed table
 * per language: French first, English second. Each widget's own strings are in its folder's
 * `strings.ts`, in its own chunk. The language
 * comes from the widget's `lang` attribute or the nearest `[lang]` ancestor; numbers, percentages,
 * durations, dates and times in Paris are written here as `Intl` writes them.
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
        return (plural.select(n) === 'one' ? one : other).replace('#', formatNumber(lang, n));
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

/*
 * Numbers, percentages, durations and calendar dates are written here, not by `Intl`: the first
 * `Intl.NumberFormat` or `Intl.DateTimeFormat` of a page loads the browser's locale data, 80–150 ms
 * of one task at 4× CPU throttling (about 25 ms on a phone) — a long task on every page, and a
 * sixth of the map's first render, for text this simple (issue 19). The output is the one
 * Chromium's and Node's `Intl` give for fr-FR and en-GB (test/localize.test.ts compares them).
 * Times in Paris are written by hand too (parisClock()); `Intl` stays for plural rules (cheap: no
 * locale data to load) and for what falls outside these cases (numbers beyond 2⁵³, moments before
 * 1996).
 */

const MONTHS: Record<Lang, readonly string[]> = {
  fr: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
  en: 'January February March April May June July August September October November December'.split(' '),
};

/** A whole number as each language groups its digits: « 12 345 » (narrow no-break spaces), “12,345”. */
export function formatNumber(lang: Lang, n: number): string {
  if (!Number.isSafeInteger(n)) {
    const locale = localeOf(lang);
    return cached(`number:${locale}`, () => new Intl.NumberFormat(locale)).format(n);
  }
  const digits = String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, lang === 'fr' ? '\u202f' : ',');
  return n < 0 ? `-${digits}` : digits;
}

export function formatDate(lang: Lang, iso: string, withTime = false): string {
  const date = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  if (!withTime && !Number.isNaN(date.getTime())) {
    // The day in UTC, as the contract's dates are written (« 1er mars 2026 », “1 March 2026”).
    const day = date.getUTCDate();
    return `${lang === 'fr' && day === 1 ? '1er' : day} ${MONTHS[lang][date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  }
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

const WEEKDAYS: Record<Lang, readonly string[]> = {
  fr: 'dimanche lundi mardi mercredi jeudi vendredi samedi'.split(' '),
  en: 'Sunday Monday Tuesday Wednesday Thursday Friday Saturday'.split(' '),
};

/** The last Sunday of a month (0–11) at 01:00 UTC, when European summer time starts or ends. */
function lastSunday(year: number, month: number): number {
  const lastDay = Date.UTC(year, month + 1, 0, 1);
  return lastDay - new Date(lastDay).getUTCDay() * 86_400_000;
}

/**
 * A moment as the clocks of Paris show it: a date whose UTC fields are Paris's day and time.
 * France keeps the European Union's rule, in force since 1996: UTC+2 from the last Sunday of
 * March to the last Sunday of October, at 01:00 UTC both; UTC+1 otherwise. Written here rather
 * than asked of `Intl` (issue 19): the first `Intl.DateTimeFormat` with a time zone loads the
 * browser's time zone and locale data, 80–150 ms of one task at 4× CPU. Earlier moments, under
 * other rules, are left to `Intl` (undefined). test/localize.test.ts compares every hour from 1996
 * to 2060 with `Intl`.
 */
function parisClock(date: Date): Date | undefined {
  const year = date.getUTCFullYear();
  if (!(year >= 1996)) return undefined;
  const t = date.getTime();
  const summer = t >= lastSunday(year, 2) && t < lastSunday(year, 9);
  return new Date(t + (summer ? 7_200_000 : 3_600_000));
}

/** The day of an event in Paris: « samedi 12 décembre » (with the year when it is not this one). */
function eventDay(lang: Lang, date: Date): string {
  const clock = parisClock(date);
  const today = parisClock(new Date());
  if (clock && today) {
    const day = clock.getUTCDate();
    const [weekday, month, year] = [
      WEEKDAYS[lang][clock.getUTCDay()],
      MONTHS[lang][clock.getUTCMonth()],
      clock.getUTCFullYear(),
    ];
    const withYear = year !== today.getUTCFullYear();
    if (lang === 'en') return withYear ? `${weekday}, ${day} ${month} ${year}` : `${weekday} ${day} ${month}`;
    return `${weekday} ${day === 1 ? '1er' : day} ${month}${withYear ? ` ${year}` : ''}`;
  }
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
  const clock = parisClock(date);
  let hour: string;
  let minute: string;
  if (clock) {
    hour = String(clock.getUTCHours()).padStart(2, '0');
    minute = String(clock.getUTCMinutes()).padStart(2, '0');
  } else {
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
    hour = parts.find((p) => p.type === 'hour')?.value ?? '';
    minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  }
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
  const [value, unit]: [number, 'year' | 'month' | 'day'] =
    days >= 365 && days % 365 === 0
      ? [days / 365, 'year']
      : days >= 30 && days % 30 === 0
        ? [days / 30, 'month']
        : [days, 'day'];
  const one = cached(`plural:${locale}`, () => new Intl.PluralRules(locale)).select(value) === 'one';
  // A number and its unit on one line.
  return `${formatNumber(lang, value)}\u00a0${UNITS[lang][unit][one ? 0 : 1]}`;
}

const UNITS: Record<Lang, Record<'year' | 'month' | 'day', readonly [string, string]>> = {
  fr: { year: ['an', 'ans'], month: ['mois', 'mois'], day: ['jour', 'jours'] },
  en: { year: ['year', 'years'], month: ['month', 'months'], day: ['day', 'days'] },
};

/** A fraction as a whole percentage, halves rounded away from zero as `Intl` does: « 46 % », “46%”. */
export function formatPercent(lang: Lang, fraction: number): string {
  // Rounded from the fraction's shortest decimal form, as `Intl` does: 0.145 is 15 %, not 14.
  const hundredths = Number((fraction * 100).toPrecision(12));
  const whole = Math.sign(hundredths) * Math.round(Math.abs(hundredths));
  const number = formatNumber(lang, whole);
  return lang === 'fr' ? `${number}\u00a0%` : `${number}%`;
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
