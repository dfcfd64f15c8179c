/**
 * The French that residents read, over every string of the tables: typography, dates and times
 * as French writes them, durations as people say them, no doubled words.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  formatDate,
  formatDuration,
  formatWhen,
  frenchSpacing,
  labels,
  table,
  translate,
} from '../src/base/localize.js';

const french = [
  ...Object.entries(table('fr')),
  ...Object.entries(labels.fr).flatMap(([group, values]) =>
    Object.entries(values).map(([key, text]) => [`${group}.${key}`, text] as const),
  ),
];

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
    assert.match(translate('fr', 'consent'), /ci-dessus/);
    assert.match(translate('en', 'consent'), /above/);
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
