/**
 * The French that residents read, over every string of the tables: typography, dates and times
 * as French writes them, durations as people say them, no doubled words.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  fill,
  formatDate,
  formatDuration,
  formatNumber,
  formatPercent,
  formatWhen,
  frenchSpacing,
  table,
  type Lang,
} from '../src/base/localize.js';
import { labels } from '../src/base/labels.js';
import * as phaseTracker from '../src/phase-tracker/strings.js';
import * as engagementCta from '../src/engagement-cta/strings.js';
import * as coalitionMembers from '../src/coalition-members/strings.js';
import * as territoryMap from '../src/territory-map/strings.js';
import * as territoryPortrait from '../src/territory-portrait/strings.js';
import * as cooperations from '../src/cooperations/strings.js';

/** Each widget's own table (in its chunk), beside the base's. */
const own = { phaseTracker, engagementCta, coalitionMembers, territoryMap, territoryPortrait, cooperations };
const grouped = (group: string, values: Record<string, string>) =>
  Object.entries(values).map(([key, text]) => [`${group}.${key}`, text] as const);

const french = [
  ...Object.entries(table('fr')),
  ...Object.entries(own).flatMap(([widget, { tables }]) => grouped(widget, tables.fr)),
  ...Object.entries(labels.fr).flatMap(([group, values]) => grouped(group, values)),
  ...grouped('nature', territoryPortrait.natureLabels.fr),
  ...grouped('maturity', territoryPortrait.maturityLabels.fr),
  ...grouped('cooperationStatus', cooperations.statusLabels.fr),
];

describe('the tables', () => {
  it('give every string in both languages, with the same placeholders', () => {
    const tables: [string, Record<'fr' | 'en', Readonly<Record<string, string>>>][] = [
      ['base', { fr: table('fr'), en: table('en') }],
      ...Object.entries(own).map(([widget, m]) => [widget, m.tables] as [string, typeof m.tables]),
    ];
    const holes = (text = '') => [...text.matchAll(/\{(\w+)[},]/g)].map((m) => m[1]).sort();
    for (const [widget, { fr, en }] of tables) {
      assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort(), widget);
      for (const key of Object.keys(fr)) assert.deepEqual(holes(en[key]), holes(fr[key]), `${widget}.${key}`);
    }
  });
});

describe('the French table', () => {
  it('puts a no-break space before « : » and inside « », a narrow one before « ; ? ! »', () => {
    const wrong = french.filter(
      ([, text]) => / [:;?!»]|« /.test(text) || /[^\u00a0\u202f(][:](?!\/\/)\s/.test(text),
    );
    assert.deepEqual(wrong, []);
    assert.equal(
      frenchSpacing('Prénom : « Camille » ; oui ? non !'),
      'Prénom\u00a0: «\u00a0Camille\u00a0»\u202f; oui\u202f? non\u202f!',
    );
  });

  it('uses French quotes and apostrophes, never straight ones', () => {
    assert.deepEqual(
      french.filter(([, text]) => /["']/.test(text)),
      [],
    );
  });

  it('never says a word twice in a row', () => {
    assert.deepEqual(
      french.filter(([, text]) => /(^|[\s'’])(\p{L}{2,})[\s\u00a0]+\2(?=[\s.,:;!?]|$)/iu.test(text)),
      [],
    );
  });

  it('says the privacy notice is above the consent box, where the form puts it', () => {
    assert.match(engagementCta.text('fr', 'consent'), /ci-dessus/);
    assert.match(engagementCta.text('en', 'consent'), /above/);
  });
});

describe('dates, times and durations', () => {
  it('writes the first of the month « 1er »', () => {
    assert.equal(formatDate('fr', '2026-06-01'), '1er juin 2026');
    assert.equal(formatDate('fr', '2026-06-02'), '2 juin 2026');
    assert.equal(formatDate('en', '2026-06-01'), '1 June 2026');
  });

  it('gives an event its weekday, its start and its end, in Paris time', () => {
    const when = formatWhen('fr', '2026-12-12T13:00:00Z', '2026-12-12T16:00:00Z');
    assert.match(when, /^samedi 12 décembre( 2026)?, 14\u00a0h – 17\u00a0h$/);
    assert.match(
      formatWhen('fr', '2026-08-01T16:30:00Z', '2026-08-02T10:00:00Z'),
      /^samedi 1er août( 2026)?, 18\u00a0h\u00a030 – dimanche 2 août( 2026)?, 12\u00a0h$/,
    );
    assert.match(
      formatWhen('en', '2026-12-12T13:00:00Z', '2026-12-12T16:00:00Z'),
      /^Saturday,? 12 December( 2026)?, 14:00 – 17:00$/,
    );
    assert.match(formatWhen('fr', '2026-12-12T13:00:00Z'), /^samedi 12 décembre( 2026)?, 14\u00a0h$/);
  });

  it('writes every hour from 1996 to 2060 in Paris time as Intl does, summer time included', () => {
    // The reference: what the widgets wrote with Intl before they wrote Paris time by hand.
    const made = new Map<string, Intl.DateTimeFormat>();
    const format = (locale: string, options: Intl.DateTimeFormatOptions) => {
      const key = locale + JSON.stringify(options);
      if (!made.has(key))
        made.set(key, new Intl.DateTimeFormat(locale, { ...options, timeZone: 'Europe/Paris' }));
      return made.get(key)!;
    };
    const intl = (lang: Lang, date: Date) => {
      const locale = lang === 'en' ? 'en-GB' : 'fr-FR';
      const year = (d: Date) => format(locale, { year: 'numeric' }).format(d);
      const withYear = year(date) !== year(new Date());
      const day = format(locale, {
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        ...(withYear ? { year: 'numeric' } : {}),
      })
        .formatToParts(date)
        .map((p) => (lang === 'fr' && p.type === 'day' && p.value === '1' ? '1er' : p.value))
        .join('');
      const parts = format(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(
        date,
      );
      const hour = parts.find((p) => p.type === 'hour')!.value;
      const minute = parts.find((p) => p.type === 'minute')!.value;
      const time =
        lang === 'en'
          ? `${hour}:${minute}`
          : minute === '00'
            ? `${Number(hour)}\u00a0h`
            : `${Number(hour)}\u00a0h\u00a0${minute}`;
      return `${day}, ${time}`;
    };
    const wrong: string[] = [];
    const [from, to] = [Date.UTC(1996, 0, 1), Date.UTC(2061, 0, 1)];
    for (let t = from, i = 0; t < to; t += 3_600_000, i++) {
      // Every hour, at a minute that changes from one hour to the next (0 one hour in four).
      const date = new Date(t + (i % 4 === 0 ? 0 : (i * 17) % 60) * 60_000);
      for (const lang of ['fr', 'en'] as const) {
        // Intl is slow: every hour of the last week of March and October (when the clocks change),
        // one hour in 11 elsewhere (every hour of the day comes round in 11 days).
        const [month, day] = [date.getUTCMonth(), date.getUTCDate()];
        if (i % 11 !== 0 && !((month === 2 || month === 9) && day >= 24)) continue;
        const ours = formatWhen(lang, date.toISOString());
        const theirs = intl(lang, date);
        if (ours !== theirs) wrong.push(`${date.toISOString()} ${lang}: ${ours} ≠ ${theirs}`);
      }
    }
    assert.deepEqual(wrong.slice(0, 5), []);
    // Before 1996 France had other rules: those moments are still written by Intl.
    for (const iso of ['1990-09-29T23:30:00Z', '1985-03-31T00:30:00Z', '1995-09-24T00:30:00Z'])
      for (const lang of ['fr', 'en'] as const)
        assert.equal(formatWhen(lang, iso), intl(lang, new Date(iso)), iso);
  });

  it('says a retention of 730 days « 2 ans »', () => {
    assert.equal(formatDuration('fr', 730), '2\u00a0ans');
    assert.equal(formatDuration('fr', 365), '1\u00a0an');
    assert.equal(formatDuration('fr', 180), '6\u00a0mois');
    assert.equal(formatDuration('fr', 45), '45\u00a0jours');
    assert.equal(formatDuration('en', 730), '2\u00a0years');
  });
});

/**
 * Numbers, percentages, durations and dates are written without `Intl` (its locale data costs a
 * long task on the first use of a page, issue 19): they must read exactly as `Intl` writes them.
 */
describe('numbers and dates written as Intl writes them', () => {
  const locales: [Lang, string][] = [
    ['fr', 'fr-FR'],
    ['en', 'en-GB'],
  ];

  it('groups the digits of whole numbers, negative ones included', () => {
    const values = [0, 1, 9, 10, 999, 1000, 1001, 12_345, 100_000, 999_999, 1_000_000, 1_234_567, -1, -1234];
    for (let n = 1; n < 1e15; n *= 7) values.push(n, -n);
    for (const [lang, locale] of locales) {
      const intl = new Intl.NumberFormat(locale);
      for (const n of values) assert.equal(formatNumber(lang, n), intl.format(n), `${lang} ${n}`);
    }
    assert.equal(formatNumber('fr', 12_345), '12\u202f345');
    assert.equal(formatNumber('en', 12_345), '12,345');
  });

  it('leaves what is not a safe whole number to Intl (fractions, huge and non-finite values)', () => {
    for (const [lang, locale] of locales) {
      const intl = new Intl.NumberFormat(locale);
      for (const n of [1.5, -2.25, 2 ** 60, Number.NaN, Number.POSITIVE_INFINITY]) {
        assert.equal(formatNumber(lang, n), intl.format(n), `${lang} ${n}`);
      }
    }
  });

  it('rounds percentages as Intl does, halves away from zero from the shortest decimal', () => {
    for (const [lang, locale] of locales) {
      const intl = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
      for (let i = 0; i <= 2000; i += 1) {
        const fraction = i / 2000;
        assert.equal(formatPercent(lang, fraction), intl.format(fraction), `${lang} ${fraction}`);
      }
      // Progress is from 0 to 1 (the contract's Fraction).
      for (const fraction of [0.145, 0.005, 0.995, 0.0049, 1e-9, 0.285, 0.565]) {
        assert.equal(formatPercent(lang, fraction), intl.format(fraction), `${lang} ${fraction}`);
      }
    }
  });

  it('writes every day of four years of dates as Intl does (UTC day, « 1er » in French)', () => {
    for (const [lang, locale] of locales) {
      const intl = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
      for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2028, 0, 1); day += 86_400_000) {
        const iso = new Date(day).toISOString().slice(0, 10);
        const expected = intl.format(new Date(`${iso}T12:00:00Z`));
        assert.equal(
          formatDate(lang, iso),
          lang === 'fr' ? expected.replace(/^1 /, '1er ') : expected,
          `${lang} ${iso}`,
        );
      }
      // An instant is written as its day in UTC, as before.
      assert.equal(formatDate(lang, '2026-03-31T23:30:00Z'), formatDate(lang, '2026-03-31'));
    }
  });

  it('says durations in years, months and days with Intl’s words, and counts in strings with groups', () => {
    for (const [lang, locale] of locales) {
      for (const [unit, days] of [
        ['year', 365],
        ['month', 30],
        ['day', 1],
      ] as const) {
        const intl = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' });
        for (const n of [1, 2, 3, 11, 45]) {
          assert.equal(
            formatDuration(lang, days * n),
            intl.format(n).replace(/\s/gu, '\u00a0'),
            `${lang} ${unit} ${n}`,
          );
        }
      }
    }
    assert.equal(
      fill('fr', '{n, plural, one {# membre} other {# membres}}', { n: 1234 }),
      '1\u202f234 membres',
    );
    assert.equal(fill('en', '{n, plural, one {# member} other {# members}}', { n: 1 }), '1 member');
  });

  it('leaves an invalid date to Intl, which refuses it as before (RangeError)', () => {
    assert.throws(() => formatDate('fr', 'not a date'), RangeError);
  });
});
