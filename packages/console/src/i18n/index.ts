/**
 * The console's strings, one table per language (fr.ts first, en.ts), with `{name}` and
 * `{n, plural, =0 {…} one {…} other {…}}` filled in through Intl.PluralRules. The enum labels
 * (phase statuses, member kinds…) are the widgets' own (`labels` of @tec/widgets' base), so a
 * status reads the same words in the console as on the residents' pages.
 */
import { frenchSpacing, labels } from '@tec/widgets/base/localize.js';
import { en } from './en.js';
import { fr, type StringKey } from './fr.js';

export type Lang = 'fr' | 'en';
export type { StringKey };
export { labels };

// French typography as the widgets apply it: no line starts with « : », « ; », « ! » or « ? ».
const tables: Record<Lang, Record<StringKey, string>> = {
  fr: Object.fromEntries(Object.entries(fr).map(([k, v]) => [k, frenchSpacing(v)])) as Record<
    StringKey,
    string
  >,
  en,
};

/** « : » as each language writes it between a label and its value. */
export const colon = (lang: Lang) => (lang === 'fr' ? '\u00a0: ' : ': ');
const plurals = { fr: new Intl.PluralRules('fr-FR'), en: new Intl.PluralRules('en-GB') };

export function t(lang: Lang, key: StringKey, params: Record<string, string | number> = {}): string {
  return tables[lang][key]
    .replace(/\{(\w+), plural, ((?:[=\w]+ \{[^}]*\}\s*)+)\}/g, (_, name: string, cases: string) => {
      const n = Number(params[name] ?? 0);
      const options = new Map([...cases.matchAll(/([=\w]+) \{([^}]*)\}/g)].map((m) => [m[1]!, m[2]!]));
      const chosen =
        options.get(`=${n}`) ?? options.get(plurals[lang].select(n)) ?? options.get('other') ?? '';
      return chosen.replace(/#/g, String(n));
    })
    .replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** An instant as a team member reads it, in Paris time: « 26 novembre 2026 à 14:05 ». */
export function formatInstant(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'fr-FR', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Paris',
  }).format(new Date(iso));
}

/** The labels of the portrait's and the cooperations' enums, in the residents' widgets' words. */
export const storyLabels = {
  fr: {
    portraitStatus: { 'a-venir': 'À venir', 'en-cours': 'En cours de réalisation', publie: 'Publié' },
    cooperationStatus: {
      'en-preparation': 'En préparation',
      'en-cours': 'En cours',
      perennisee: 'Pérennisée',
    },
    maturity: { emergente: 'Émergente', 'en-developpement': 'En développement', etablie: 'Établie' },
    nature: { structurelle: 'Structurelle', cyclique: 'Cyclique', conjoncturelle: 'Conjoncturelle' },
  },
  en: {
    portraitStatus: { 'a-venir': 'To come', 'en-cours': 'In progress', publie: 'Published' },
    cooperationStatus: {
      'en-preparation': 'In preparation',
      'en-cours': 'Under way',
      perennisee: 'Made lasting',
    },
    maturity: { emergente: 'Emerging', 'en-developpement': 'Developing', etablie: 'Established' },
    nature: { structurelle: 'Structural', cyclique: 'Cyclical', conjoncturelle: 'Conjunctural' },
  },
} as const;
