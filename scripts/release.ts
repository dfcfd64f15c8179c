#!/usr/bin/env node
/**
 * `npm run release`: the checks and the files of a release, then the tag.
 *
 * 1. the work tree is clean and on a commit (`--allow-dirty` skips it while trying the script);
 * 2. every package carries the root package.json's version (scripts/version.mjs --check);
 * 3. CHANGELOG.md has an entry `## <version> — <date>` (not only « Unreleased »);
 * 4. the packages are built (`tsc --build`) and the CDN set too (rollup);
 * 5. the public packages (contract, sdk, widgets, react) are packed with `npm pack` into
 *    dist/release/, with the CDN set in dist/release/cdn/<version>/;
 * 6. the tag `v<version>` is printed; it is created only with `--tag` (annotated, not pushed).
 *
 * Installing the tarballs outside the repository is tested by tests/packages.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The packages a partner installs, in dependency order. */
export const PUBLIC_PACKAGES = ['contract', 'sdk', 'widgets', 'react'] as const;

export const rootVersion = (): string =>
  (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** Builds the packages (incremental `tsc --build`), with the version written into the widgets. */
export function buildPackages(): void {
  execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['--build'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'scripts', 'version.mjs'), '--inject'], {
    cwd: root,
    stdio: 'inherit',
  });
}

/** Packs each public package into `dir` with `npm pack`; returns the tarballs' paths. */
export function packPackages(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return PUBLIC_PACKAGES.map((name) => {
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
      cwd: join(root, 'packages', name),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const [{ filename }] = JSON.parse(out) as [{ filename: string }];
    return join(dir, filename.replace(/^@tec\//, 'tec-').replace('/', '-'));
  });
}

/** The changelog's entry for a version, or undefined. */
export function changelogEntry(version: string, text: string): string | undefined {
  const escaped = version.replaceAll('.', '\\.');
  const match = new RegExp(
    `^## ${escaped} — \\d{4}-\\d{2}-\\d{2}\\n([\\s\\S]*?)(?=^## |$(?![\\s\\S]))`,
    'm',
  ).exec(text);
  return match?.[1];
}

function fail(message: string): never {
  console.error(`✖ ${message}`);
  process.exit(1);
}

function main(args: string[]) {
  const version = rootVersion();
  const git = (...a: string[]) => execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
  if (!args.includes('--allow-dirty') && git('status', '--porcelain') !== '')
    fail('the work tree has uncommitted changes: commit them first (or --allow-dirty to try).');
  try {
    execFileSync(process.execPath, ['scripts/version.mjs', '--check'], { cwd: root, stdio: 'inherit' });
  } catch {
    fail('the packages do not all carry the root version.');
  }
  const entry = changelogEntry(version, readFileSync(join(root, 'CHANGELOG.md'), 'utf8'));
  if (!entry?.trim()) fail(`CHANGELOG.md has no entry "## ${version} — YYYY-MM-DD".`);
  if (git('tag', '--list', `v${version}`) !== '') fail(`the tag v${version} already exists.`);

  buildPackages();
  execFileSync(join(root, 'node_modules', '.bin', 'rollup'), ['-c', 'rollup.config.mjs', '--silent'], {
    cwd: root,
    stdio: 'inherit',
  });
  const out = join(root, 'dist', 'release');
  rmSync(out, { recursive: true, force: true });
  const tarballs = packPackages(out);
  const cdn = join(root, 'dist', 'cdn', version);
  if (!existsSync(join(cdn, 'manifest.json'))) fail(`no CDN set in ${cdn}`);
  cpSync(cdn, join(out, 'cdn', version), { recursive: true });
  console.log(`Release ${version} in dist/release/:\n  ${tarballs.join('\n  ')}\n  cdn/${version}/`);

  const tag = ['tag', '-a', `v${version}`, '-m', `TEC widgets ${version}`];
  if (args.includes('--tag')) {
    git(...tag);
    console.log(`Tagged v${version} (not pushed).`);
  } else {
    console.log(`To tag it: git ${tag.map((a) => (a.includes(' ') ? `"${a}"` : a)).join(' ')}`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main(process.argv.slice(2));
