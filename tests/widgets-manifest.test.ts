import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { WIDGETS } from '../packages/widgets/src/widgets.js';

const root = new URL('../', import.meta.url);

describe('widgets manifest and reference docs', () => {
  it('are generated from the current code, as are the files that name every widget (run `npm run manifest` when this fails)', () => {
    const result = spawnSync(process.execPath, ['scripts/widgets-docs.mjs', '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr || result.stdout);
  });

  it('leave no generated file in the repository: packages/widgets/tmp is neither tracked nor written', () => {
    const git = (...args: string[]) =>
      spawnSync('git', args, { cwd: root, encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
    assert.deepEqual(git('ls-files', 'packages/widgets/tmp'), []);
    assert.deepEqual(git('check-ignore', 'packages/widgets/tmp/x.json'), ['packages/widgets/tmp/x.json']);
    const before = git('status', '--porcelain', '--ignored', 'packages');
    const result = spawnSync(process.execPath, ['scripts/widgets-docs.mjs', '--check'], { cwd: root });
    assert.equal(result.status, 0, String(result.stderr));
    // Nothing new in the packages, ignored files included: the analyzer wrote to the OS temp dir.
    assert.deepEqual(git('status', '--porcelain', '--ignored', 'packages'), before);
  });

  it('describe every tag with its attributes, events, slots and parts', () => {
    const manifest = JSON.parse(
      readFileSync(new URL('packages/widgets/custom-elements.json', root), 'utf8'),
    ) as {
      modules: {
        declarations?: { tagName?: string; attributes?: { name: string }[]; cssParts?: unknown[] }[];
      }[];
    };
    const tags = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    // Every widget of the one list (packages/widgets/src/widgets.ts), and no other.
    assert.deepEqual(tags.map((d) => d.tagName).sort(), WIDGETS.map((w) => w.tag).sort());
    assert.ok(tags.length >= 5);
    const cta = tags.find((d) => d.tagName === 'tec-engagement-cta')!;
    assert.ok(cta.attributes!.some((a) => a.name === 'controller-contact'));
    const docs = readFileSync(new URL('docs/widgets.md', root), 'utf8');
    for (const needle of [
      '## `<tec-phase-tracker>`',
      '`tec-engagement-success`',
      '| `error` |',
      '`--tec-color-accent`',
    ]) {
      assert.ok(docs.includes(needle), needle);
    }
  });
});
