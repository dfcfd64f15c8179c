#!/usr/bin/env node
// The version comes from one place: the root package.json. `npm run version:sync` writes it into
// every package's `version` and into the `@tec/*` dependencies between them; `--check` only says
// what differs and exits 1 (npm test and `npm run release` run it). The version the widgets report
// when two copies meet on a page is injected at build time (`__TEC_VERSION__`, see
// packages/widgets/src/base/version.ts): `versionDefine()` for esbuild and rollup, and `--inject`
// writes it into the widgets' compiled `dist/` (`npm run build`, after `tsc --build`).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const PACKAGES = ['contract', 'api', 'sdk', 'widgets', 'react'];
/** The compiled module that carries the placeholder. */
const VERSION_DIST = 'packages/widgets/dist/base/version.js';

/** The root package.json's version. */
export function rootVersion() {
  return JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
}

/** What esbuild (`define`) and rollup replace `__TEC_VERSION__` with. */
export function versionDefine() {
  return { __TEC_VERSION__: JSON.stringify(rootVersion()) };
}

/** Writes the version into the widgets' compiled module; returns whether there was one. */
export function injectVersion() {
  const path = join(root, VERSION_DIST);
  if (!existsSync(path)) return false;
  const code = readFileSync(path, 'utf8');
  const injected = code
    .replace(/typeof\s*__TEC_VERSION__/g, '"string"')
    .replaceAll('__TEC_VERSION__', JSON.stringify(rootVersion()));
  if (injected !== code) writeFileSync(path, injected);
  return true;
}

/** The files that carry the version, as they should read. */
export function expectedFiles() {
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const files = new Map();
  for (const name of PACKAGES) {
    const path = `packages/${name}/package.json`;
    const pkg = JSON.parse(readFileSync(join(root, path), 'utf8'));
    pkg.version = version;
    for (const deps of [pkg.dependencies, pkg.peerDependencies])
      for (const dep of Object.keys(deps ?? {})) if (dep.startsWith('@tec/')) deps[dep] = version;
    files.set(path, `${JSON.stringify(pkg, null, 2)}\n`);
  }
  return { version, files };
}

/** The files whose text differs from what the root version gives. */
export function staleFiles() {
  const { files } = expectedFiles();
  const stale = [];
  for (const [path, text] of files) {
    let current = '';
    try {
      current = readFileSync(join(root, path), 'utf8');
    } catch {
      // a missing file is stale
    }
    if (current !== text) stale.push(path);
  }
  return stale;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { version, files } = expectedFiles();
  if (process.argv.includes('--inject')) {
    if (!injectVersion()) {
      console.error(`No ${VERSION_DIST}: run \`tsc --build\` first.`);
      process.exit(1);
    }
    console.log(`${VERSION_DIST}: version ${version}.`);
  } else if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length > 0) {
      console.error(`Not at version ${version}: ${stale.join(', ')}. Run \`npm run version:sync\`.`);
      process.exit(1);
    }
    console.log(`Every package is at ${version}.`);
  } else {
    for (const [path, text] of files) writeFileSync(join(root, path), text);
    console.log(`Every package set to ${version}.`);
  }
}
