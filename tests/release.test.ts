/**
 * Release hygiene: one version everywhere (the root package.json's, copied by
 * `npm run version:sync`), and the changelog entry `npm run release` requires.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
// @ts-expect-error a plain ES module script, without types
import { staleFiles } from '../scripts/version.mjs';
import { changelogEntry, rootVersion } from '../scripts/release.js';

describe('the release', () => {
  it('has every package, their links and the widgets’ VERSION at the root version', () => {
    assert.deepEqual((staleFiles as () => string[])(), []);
    const define = readFileSync(new URL('../packages/widgets/src/base/define.ts', import.meta.url), 'utf8');
    assert.doesNotMatch(define, /VERSION = '/, 'the version is not written by hand');
    const version = readFileSync(new URL('../packages/widgets/src/base/version.ts', import.meta.url), 'utf8');
    assert.ok(version.includes(`'${rootVersion()}'`));
  });

  it('finds a version’s changelog entry, and only a dated one', () => {
    const text = `# Changelog\n\n## Unreleased\n\n- next\n\n## 0.2.0 — 2027-01-15\n\n### Added\n\n- docs\n\n## 0.1.0 — 2026-11-03\n\n- first\n`;
    assert.match(changelogEntry('0.2.0', text) ?? '', /### Added\n\n- docs\n\n$/);
    assert.match(changelogEntry('0.1.0', text) ?? '', /- first/);
    assert.equal(changelogEntry('0.3.0', text), undefined);
    assert.equal(changelogEntry('0.2.0', '## 0.2.0\n\n- undated\n'), undefined);
  });
});
