#!/usr/bin/env node
// `npm test`: every check and test, in order, stopping at the first broken step:
// type check, ESLint, Prettier, size budgets, Node tests, browser tests (real Chromium).
// It ends with one line `N passed, N failed` counting the Node and browser tests.
//
//   npm test                      everything
//   npm test -- --group contract  only one package's tests (checks still run)
//   npm test -- --only node       only the Node tests (or: browser, checks)
//   npm test -- --group wordpress the WordPress plugin in a real WordPress (Debian's wordpress,
//                                 php-cli, php-mysql, mariadb-server: .ci/run installs them)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const group = option('--group');
const only = option('--only');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const scratch = mkdtempSync(join(tmpdir(), 'tec-test-'));
const totals = { passed: 0, failed: 0 };

function finish(code) {
  rmSync(scratch, { recursive: true, force: true });
  console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
  process.exit(code);
}

function run(title, command, commandArgs, env = {}) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status ?? result.signal}).`);
    return false;
  }
  return true;
}

function testFiles(dir, predicate, out = []) {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) testFiles(path, predicate, out);
    else if (predicate(entry.name)) out.push(relative(root, path));
  }
  return out;
}

const isNodeTest = (name) => name.endsWith('.test.ts') && !name.endsWith('.browser.test.ts');
const isBrowserTest = (name) => name.endsWith('.browser.test.ts');

// ----- checks ---------------------------------------------------------------------------------
if (!only || only === 'checks') {
  const checks = [
    ['Type check (tsc --build)', bin('tsc'), ['--build']],
    // The CDN set: measured by the size budgets and loaded by the end-to-end tests.
    ['CDN build (rollup -c)', bin('rollup'), ['-c', 'rollup.config.mjs', '--silent']],
    // The console's static files: its end-to-end test loads them from the API.
    ['Console build (rollup)', bin('rollup'), ['-c', 'packages/console/rollup.config.mjs', '--silent']],
    ['ESLint', bin('eslint'), ['.', '--max-warnings=0']],
    ['Prettier', bin('prettier'), ['--check', '.', '--log-level=warn']],
  ];
  if (existsSync(join(root, 'scripts', 'size.mjs'))) {
    checks.push(['Size budgets (npm run size)', process.execPath, ['scripts/size.mjs']]);
  }
  for (const [title, command, commandArgs] of checks) {
    if (!run(title, command, commandArgs)) {
      totals.failed += 1; // a broken check counts as a failure in the closing line
      finish(1);
    }
  }
}

// ----- Node tests -----------------------------------------------------------------------------
if (!only || only === 'node') {
  const dirs = group ? [join(root, 'packages', group)] : [join(root, 'packages'), join(root, 'tests')];
  const files = dirs.flatMap((dir) => testFiles(dir, isNodeTest)).filter((f) => !f.startsWith('tests/bench'));
  if (files.length > 0) {
    const tap = join(scratch, 'node.tap');
    const ok = run(`Node tests (${files.length} files)`, process.execPath, [
      '--conditions=source',
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=2',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ]);
    const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
    const count = (name) => Number(text.match(new RegExp(`^# ${name} (\\d+)$`, 'm'))?.[1] ?? 0);
    const passed = count('pass');
    const failed = count('fail') + count('cancelled');
    totals.passed += passed;
    totals.failed += failed + (ok || failed > 0 ? 0 : 1);
    if (!ok) finish(1);
  }
}

// ----- browser tests --------------------------------------------------------------------------
if (!only || only === 'browser') {
  const files = testFiles(group ? join(root, 'packages', group) : join(root, 'packages'), isBrowserTest);
  if (files.length > 0) {
    const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
    if (!existsSync(chrome)) {
      console.error(
        `\n✖ No Chromium at ${chrome}: install Debian's (apt-get install chromium) or set CHROME_PATH to a Chromium binary.`,
      );
      totals.failed += 1;
      finish(1);
    }
    const counts = join(scratch, 'browser.json');
    const wtrArgs = ['--config', 'web-test-runner.config.mjs'];
    if (group) wtrArgs.push('--group', group);
    // Under tsx, so that the config can start the real API from its TypeScript sources.
    const wtr = join(root, 'node_modules', '@web', 'test-runner', 'dist', 'bin.js');
    wtrArgs.unshift('--conditions=source', '--import', 'tsx', wtr);
    const ok = run(`Browser tests in Chromium (${files.length} files)`, process.execPath, wtrArgs, {
      TEC_TEST_COUNTS: counts,
    });
    const result = existsSync(counts) ? JSON.parse(readFileSync(counts, 'utf8')) : { passed: 0, failed: 0 };
    totals.passed += result.passed;
    totals.failed += result.failed + (ok || result.failed > 0 ? 0 : 1);
    if (!ok) finish(1);
  }
}

finish(totals.failed > 0 ? 1 : 0);
