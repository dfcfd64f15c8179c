/**
 * Release hygiene: one version everywhere (the root package.json's, copied by
 * `npm run version:sync` into the packages and injected into the widgets by the build), and the
 * changelog entry `npm run release` requires.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
// @ts-expect-error a plain ES module script, without types
import { staleFiles, versionDefine } from '../scripts/version.mjs';
import { buildPackages, changelogEntry, rootVersion } from '../scripts/release.js';

describe('the release', () => {
  it('has every package, their links and the widgets’ VERSION at the root version', () => {
    assert.deepEqual((staleFiles as () => string[])(), []);
    const define = readFileSync(new URL('../packages/widgets/src/base/define.ts', import.meta.url), 'utf8');
    assert.doesNotMatch(define, /VERSION = '/, 'the version is not written by hand');
    // Nothing writes the version into the sources: the build injects it.
    const version = readFileSync(new URL('../packages/widgets/src/base/version.ts', import.meta.url), 'utf8');
    assert.doesNotMatch(version, /\d+\.\d+\.\d+/);
    assert.deepEqual((versionDefine as () => Record<string, string>)(), {
      __TEC_VERSION__: JSON.stringify(rootVersion()),
    });
  });

  it('injects the root version into the widgets’ compiled base and the CDN set', () => {
    buildPackages();
    const built = readFileSync(new URL('../packages/widgets/dist/base/version.js', import.meta.url), 'utf8');
    assert.match(built, new RegExp(`"${rootVersion().replaceAll('.', '\\.')}"`));
    assert.doesNotMatch(built, /__TEC_VERSION__/);
  });

  it('finds a version’s changelog entry, and only a dated one', () => {
    const text = `# Changelog\n\n## Unreleased\n\n- next\n\n## 0.2.0 — 2027-01-15\n\n### Added\n\n- docs\n\n## 0.1.0 — 2026-11-03\n\n- first\n`;
    assert.match(changelogEntry('0.2.0', text) ?? '', /### Added\n\n- docs\n\n$/);
    assert.match(changelogEntry('0.1.0', text) ?? '', /- first/);
    assert.equal(changelogEntry('0.3.0', text), undefined);
    assert.equal(changelogEntry('0.2.0', '## 0.2.0\n\n- undated\n'), undefined);
  });
});
