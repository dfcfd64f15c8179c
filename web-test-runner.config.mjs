// Browser tests: real Chromium (Debian's /usr/bin/chromium or CHROME_PATH) driven through
// Playwright with an explicit executablePath, so nothing ever downloads a browser.
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { versionDefine } from './scripts/version.mjs';

export const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
if (!existsSync(chromePath)) {
  console.error(
    `No Chromium at ${chromePath}: install Debian's (apt-get install chromium) or set CHROME_PATH to a Chromium binary.`,
  );
  process.exit(1);
}

const packages = ['contract', 'sdk', 'widgets'];

/** A free loopback port for the test pages, so the API can allow their origin. */
const port = await new Promise((resolve) => {
  const s = createServer();
  s.listen(0, '127.0.0.1', () => {
    const { port: p } = s.address();
    s.close(() => resolve(p));
  });
});

/**
 * The real API on a temporary database (PGlite in memory), and the fault proxy in front of it,
 * for the tests to reach from Chromium. This config runs under tsx (scripts/test.mjs), so it can
 * load the TypeScript testing helpers of @tec/api. Test pages import /__tec__/config.js.
 */
function tecApi() {
  let server;
  let proxy;
  let restricted;
  let smtp;
  return {
    name: 'tec-api',
    async serverStart() {
      const { startTestServer, startFaultProxy, startTestSmtp, testMailConfig } =
        await import('@tec/api/testing');
      // A real SMTP server on loopback receives the follow-up e-mails (read at /__tec__/mail).
      smtp = await startTestSmtp();
      server = await startTestServer({
        config: {
          allowedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
          mail: testMailConfig(smtp.url),
        },
      });
      proxy = await startFaultProxy(server.url);
      // An API whose operator accepts sign-ups only from listed sites, none of them the tests'.
      restricted = await startTestServer({ config: { signupOrigins: 'allowed' } });
    },
    async serverStop() {
      await restricted?.close();
      await proxy?.close();
      await server?.close();
      await smtp?.close();
    },
    async serve(context) {
      if (context.path === '/__tec__/config.js') {
        const config = {
          apiUrl: server.url,
          proxyUrl: proxy.url,
          adminToken: server.adminToken,
          restrictedApiUrl: restricted.url,
        };
        return { body: `export default ${JSON.stringify(config)};`, type: 'js' };
      }
      if (context.path === '/__tec__/proxy') {
        const pattern = new RegExp(context.URL.searchParams.get('path') ?? '.');
        const body = {
          count: proxy.count(pattern),
          open: proxy.open(pattern),
          requests: proxy.requests
            .filter((r) => pattern.test(r.url))
            .map((r) => `${r.method} ${r.url} ${r.status}`),
        };
        if (context.URL.searchParams.get('reset') === '1') proxy.reset();
        return { body: JSON.stringify(body), type: 'json' };
      }
      if (context.path === '/__tec__/mail') {
        // The e-mails the SMTP server received for one address, once `n` of them have arrived.
        const to = context.URL.searchParams.get('to') ?? '';
        const mails = await smtp.to(to, Number(context.URL.searchParams.get('n') ?? 1));
        const body = mails.map((m) => ({
          to: m.to,
          subject: m.parsed.subject,
          text: m.parsed.text,
          html: m.parsed.html || '',
          attachments: m.parsed.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content.toString('utf8'),
          })),
        }));
        return { body: JSON.stringify(body), type: 'json' };
      }
      if (context.path === '/__tec__/seed-members') {
        // Many invented members at once, straight into the test database (10,000 take ~1 s).
        const territory = context.URL.searchParams.get('territory');
        const count = Number(context.URL.searchParams.get('n') ?? 0);
        await server.db.query(
          `insert into members (id, territory, name, sort_key, search, kind, joined_at)
           select 'mbr_bulk_' || g, $1, 'Membre ' || lpad(g::text, 5, '0'), 'membre ' || lpad(g::text, 5, '0'),
             'membre ' || lpad(g::text, 5, '0'), (array['association','entreprise','ess','citoyen'])[1 + g % 4],
             date '2026-01-01' + (g % 300)
           from generate_series(1, $2::int) g
           on conflict (id) do nothing`,
          [territory, count],
        );
        return { body: '{}', type: 'json' };
      }
      if (context.path === '/__tec__/demo') {
        // A territory whose data is real (`demo=0`: what a real deployment serves) or
        // demonstration data (`demo=1`, the seed's), straight in the test database; the API's
        // cached answers for it are dropped, as an admin change would.
        const territory = context.URL.searchParams.get('territory');
        const demo = context.URL.searchParams.get('demo') === '1';
        await server.db.query(
          `update territories set data = jsonb_set(data, '{demo}', $2::jsonb) where slug = $1`,
          [territory, JSON.stringify(demo)],
        );
        for (const table of ['portraits', 'cooperations'])
          await server.db.query(`update ${table} set demo = $2 where territory = $1`, [territory, demo]);
        server.cache.invalidate(territory);
        return { body: '{}', type: 'json' };
      }
      if (context.path === '/__tec__/import-geo') {
        // The real commune boundaries of ../shared/data/geo, into the test database. They are not
        // shipped with the repository: without them the test is told so, and skips with the reason.
        const geoDir = new URL('../shared/data/geo/', import.meta.url).pathname;
        if (!existsSync(geoDir)) return { body: JSON.stringify({ missing: geoDir }), type: 'json' };
        const { importBoundaries } = await import('@tec/api');
        const reports = await importBoundaries(server.db, [geoDir]);
        return { body: JSON.stringify(reports), type: 'json' };
      }
      if (context.path === '/__tec__/inject') {
        const method = context.URL.searchParams.get('method');
        proxy.inject({
          path: new RegExp(context.URL.searchParams.get('path') ?? '.'),
          fault: JSON.parse(context.URL.searchParams.get('fault') ?? '{}'),
          times: Number(context.URL.searchParams.get('times') ?? 1),
          ...(method ? { method } : {}),
        });
        return { body: '{}', type: 'json' };
      }
      return undefined;
    },
  };
}

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
  port,
  nodeResolve: { exportConditions: ['source', 'browser'] },
  // One test file at a time: the files share one API server and one fault proxy, and a file's
  // proxy reset or live change must not land in another's test.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 180_000,
  testFramework: { config: { timeout: 10_000 } },
  plugins: [
    // The version the build injects (packages/widgets/src/base/version.ts), as the build does.
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.base.json', define: versionDefine() }),
    tecApi(),
  ],
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
