#!/usr/bin/env node
/**
 * `npm start`: builds what is missing, then runs the TEC API on the embedded database (PGlite in
 * .tec-data/, or PostgreSQL with DATABASE_URL) and, beside it on its own origin, the demo partner
 * sites of examples/. Configuration: docs/api.md (PORT, TEC_*), and TEC_DEMO_PORT (default 8788).
 */
import { readConfig } from '../packages/api/src/config.js';
import { startServer } from '../packages/api/src/server.js';
import { closeOnSignals } from '../packages/api/src/shutdown.js';
import { buildDemo, consoleWithDocs, startDemoServer } from './demo.js';

async function main() {
  await buildDemo({ docs: true });
  const host = process.env.HOST || '127.0.0.1';
  const demoPort = Number(process.env.TEC_DEMO_PORT || 8788);
  const demoOrigins = [`http://${host}:${demoPort}`, `http://localhost:${demoPort}`];
  const env = {
    ...process.env,
    // The console's admin calls come from the demo sites' origin (sign-ups are open to any page).
    TEC_ALLOWED_ORIGINS: [process.env.TEC_ALLOWED_ORIGINS, ...demoOrigins].filter(Boolean).join(','),
    // The console of the programme's teams, at /console/ on the API's origin, its configurator
    // links pointing at the documentation site on the demo's origin.
    TEC_CONSOLE_DIR: process.env.TEC_CONSOLE_DIR || consoleWithDocs(`http://${host}:${demoPort}/docs/`),
  };
  const config = readConfig(env);
  const api = await startServer(config);
  const demo = await startDemoServer({
    apiUrl: api.url,
    port: demoPort,
    host,
    outboxDir: config.mail.smtpUrl ? undefined : config.mail.outboxDir,
  });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${config.dataDir}`;
  console.log(`TEC API on ${api.url}/v1 — database: ${where}`);
  console.log(`Demo partner sites on ${demo.url}/`);
  console.log(`Console of the programme's teams on ${api.url}/console/`);
  console.log(
    `Documentation site on ${demo.url}/docs/ (embed configurator: ${demo.url}/docs/fr/configurateur.html)`,
  );
  console.log(
    config.mail.smtpUrl
      ? 'Follow-up e-mails: sent by SMTP (TEC_SMTP_URL).'
      : `Follow-up e-mails: written to ${config.mail.outboxDir}, shown at ${demo.url}/boite-d-envoi/`,
  );
  if (api.seeded) console.log('Demo data seeded (six territories).');
  if (api.generatedAdminToken) {
    console.log(`Admin token (shown once, keep it safe): ${api.generatedAdminToken}`);
  }
  closeOnSignals(() => Promise.all([demo.close(), api.close()]), api.log);
}

main().catch((error: unknown) => {
  console.error(`TEC demo failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
