// Browser tests: real Chromium (Debian's /usr/bin/chromium or CHROME_PATH) driven through
// Playwright with an explicit executablePath, so nothing ever downloads a browser.
import { existsSync, writeFileSync } from 'node:fs';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';

export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(chromePath)) {
  console.error(
    `No Chromium at ${chromePath}: install Debian's (apt-get install chromium) or set CHROME_PATH to a Chromium binary.`,
  );
  process.exit(1);
}

const packages = ['contract'];

/** Writes the pass/fail counts where scripts/test.mjs reads them for its closing line. */
function countsReporter() {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      const walk = (suite) => {
        for (const test of suite.tests) {
          if (test.skipped) continue;
          if (test.passed) passed += 1;
          else failed += 1;
        }
        for (const child of suite.suites) walk(child);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults);
        // A file that failed to load counts as one failure, never as zero tests.
        if (!session.passed && (!session.testResults || session.errors.length > 0)) failed += 1;
      }
      if (process.env.TEC_TEST_COUNTS) {
        writeFileSync(process.env.TEC_TEST_COUNTS, JSON.stringify({ passed, failed }));
      }
    },
  };
}

export default {
  rootDir: '.',
  nodeResolve: { exportConditions: ['source', 'browser'] },
  concurrency: 2,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json' })],
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: {
        executablePath: chromePath,
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-quic',
          '--no-first-run',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
        ],
      },
    }),
  ],
  groups: packages.map((name) => ({ name, files: `packages/${name}/test/**/*.browser.test.ts` })),
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countsReporter()],
};
