#!/usr/bin/env node
// `npm run manifest`: regenerates packages/widgets/custom-elements.json (Custom Elements Manifest
// analyzer, from the widgets' JSDoc) and docs/widgets.md from it, so the docs cannot drift.
// `--check` only compares what would be written with what is committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const widgets = join(root, 'packages/widgets');
const check = process.argv.includes('--check');

function analyze() {
  // A scratch folder of the OS, one per run. The analyzer joins its outdir to its working folder
  // even when the outdir is absolute (an absolute /tmp/… once landed in packages/widgets/tmp/ and
  // was committed), so it gets the path relative to the widgets' folder.
  const out = mkdtempSync(join(tmpdir(), 'tec-cem-'));
  // The analyzer points package.json's `customElements` at its outdir: put the field back after.
  const packageJson = readFileSync(join(widgets, 'package.json'), 'utf8');
  try {
    execFileSync(
      process.execPath,
      [
        join(root, 'node_modules/@custom-elements-manifest/analyzer/cem.js'),
        'analyze',
        '--config',
        'custom-elements-manifest.config.mjs',
        '--outdir',
        relative(widgets, out),
      ],
      { cwd: widgets, stdio: 'pipe' },
    );
    const manifest = JSON.parse(readFileSync(join(out, 'custom-elements.json'), 'utf8'));
    // The analyzer lists modules in the order the file system returns them: sorted, the
    // manifest is the same on every machine and every run.
    manifest.modules.sort((a, b) => a.path.localeCompare(b.path));
    return `${JSON.stringify(manifest, null, 2)}\n`;
  } finally {
    rmSync(out, { recursive: true, force: true });
    writeFileSync(join(widgets, 'package.json'), packageJson);
  }
}

const cell = (text) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\n+/g, ' ')
    .trim() || '—';

export function markdown(manifest) {
  const lines = [
    '# Widgets reference',
    '',
    'Generated from `packages/widgets/custom-elements.json` by `npm run manifest`; do not edit by hand.',
    'Every widget also takes the shared attributes `api`, `territory` and `theme`, and the `lang` of its',
    'nearest ancestor.',
    '',
  ];
  const elements = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  for (const d of elements) {
    lines.push(`## \`<${d.tagName}>\``, '', d.summary ?? '', '');
    if (d.description) lines.push(d.description, '');
    const attrs = (d.attributes ?? []).filter((a) => a.name);
    if (attrs.length) {
      lines.push('| attribute | type | default | description |', '| --- | --- | --- | --- |');
      for (const a of attrs) {
        const member = (d.members ?? []).find((m) => m.name === a.fieldName);
        lines.push(
          `| \`${a.name}\` | ${cell(a.type?.text)} | ${cell(a.default)} | ${cell(a.description ?? member?.description)} |`,
        );
      }
      lines.push('');
    }
    const sections = [
      ['event', (d.events ?? []).filter((e) => /^tec-/.test(e.name ?? ''))],
      ['slot', d.slots ?? []],
      ['CSS part', d.cssParts ?? []],
      ['CSS custom property', d.cssProperties ?? []],
    ];
    for (const [title, items] of sections) {
      if (!items.length) continue;
      lines.push(`| ${title} | description |`, '| --- | --- |');
      for (const item of items) lines.push(`| \`${item.name || '(default)'}\` | ${cell(item.description)} |`);
      lines.push('');
    }
  }
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

const manifestPath = join(widgets, 'custom-elements.json');
const docsPath = join(root, 'docs/widgets.md');
const manifest = analyze();
const docs = markdown(JSON.parse(manifest));
if (check) {
  const stale = [];
  const committed = readFileSync(manifestPath, 'utf8');
  if (committed !== manifest) {
    const a = committed.split('\n');
    const b = manifest.split('\n');
    const line = a.findIndex((l, i) => l !== b[i]);
    stale.push(
      `packages/widgets/custom-elements.json (line ${line + 1}: ${JSON.stringify(a[line])} ≠ ${JSON.stringify(b[line])})`,
    );
  }
  if (readFileSync(docsPath, 'utf8') !== docs) stale.push('docs/widgets.md');
  if (stale.length) {
    console.error(`Stale: ${stale.join(', ')}. Run \`npm run manifest\` and commit the result.`);
    process.exit(1);
  }
  console.log('The widgets manifest and docs/widgets.md are up to date.');
} else {
  writeFileSync(manifestPath, manifest);
  writeFileSync(docsPath, docs);
  console.log('wrote packages/widgets/custom-elements.json and docs/widgets.md');
}
