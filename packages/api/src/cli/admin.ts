#!/usr/bin/env node
/**
 * `npm run admin -- <command>`: admin tokens on the configured database.
 *   create --name "Équipe Roya" --scope roya   prints the new token once
 *   list                                        ids, names, scopes, dates (never secrets)
 *   revoke <id>
 * On PGlite, while the server runs, the command goes through the server (admin/run.ts).
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { runCommand } from '../admin/run.js';
import type { AdminRequest } from '../admin/commands.js';

const usage = 'usage: npm run admin -- create --name NAME --scope SLUG|* | list | revoke ID';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, scope: { type: 'string' } },
  });
  const [command, arg] = positionals;
  let request: AdminRequest;
  if (command === 'create') request = { command, name: values.name ?? '', scope: values.scope ?? '' };
  else if (command === 'list') request = { command };
  else if (command === 'revoke' && arg) request = { command, id: arg };
  else throw new Error(usage);
  for (const line of await runCommand(readConfig(), request)) console.log(line);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
