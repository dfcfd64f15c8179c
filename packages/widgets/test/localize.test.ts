/**
 * The French that residents read, over every string of the tables: typography, dates and times
 * as French writes them, durations as people say them, no doubled words.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatDate, formatDuration, formatWhen, frenchSpacing, table } from '../src/base/localize.js';
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

  it('says a retention of 730 days « 2 ans »', () => {
    assert.equal(formatDuration('fr', 730), '2\u00a0ans');
    assert.equal(formatDuration('fr', 365), '1\u00a0an');
    assert.equal(formatDuration('fr', 180), '6\u00a0mois');
    assert.equal(formatDuration('fr', 45), '45\u00a0jours');
    assert.equal(formatDuration('en', 730), '2\u00a0years');
  });
});
