#!/usr/bin/env node
/**
 * `npm run admin -- <command>`: admin tokens on the configured database.
 *   create --name "Équipe Roya" --scope roya   prints the new token once
 *   list                                        ids, names, scopes, dates (never secrets)
 *   revoke <id>
 */
import { parseArgs } from 'node:util';
import { readConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { createToken, listTokens, revokeToken } from '../auth.js';

const usage = 'usage: npm run admin -- create --name NAME --scope SLUG|* | list | revoke ID';

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, scope: { type: 'string' } },
  });
  const [command, arg] = positionals;
  const config = readConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db);
    if (command === 'create') {
      const scope = values.scope ?? '';
      if (scope !== '*' && !/^[a-z0-9-]{1,64}$/.test(scope))
        throw new Error('--scope must be a territory slug or *');
      const exists =
        scope === '*' || (await db.query('select 1 from territories where slug = $1', [scope])).length > 0;
      if (!exists) throw new Error(`no territory ${scope}`);
      const name = (values.name ?? '').trim();
      if (!name || name.length > 100) throw new Error('--name must be 1 to 100 characters');
      console.log(await createToken(db, name, scope));
    } else if (command === 'list') {
      for (const t of await listTokens(db)) {
        console.log(
          [t.id, t.scope, t.createdAt, t.revokedAt ? `revoked ${t.revokedAt}` : 'active', t.name].join('\t'),
        );
      }
    } else if (command === 'revoke' && arg) {
      if (!(await revokeToken(db, arg))) throw new Error(`no active token ${arg}`);
      console.log(`revoked ${arg}`);
    } else {
      throw new Error(usage);
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
