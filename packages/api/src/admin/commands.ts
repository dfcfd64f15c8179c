/**
 * What `npm run admin` and `npm run geo:import` do, on an open database: run by the command
 * itself when no server holds the data folder, or by the server for it (its admin socket).
 */
import type { Database } from '../db/database.js';
import { createToken, listTokens, revokeToken } from '../auth.js';
import { importBoundaries } from '../geo/import.js';

export type AdminRequest =
  | { command: 'create'; name: string; scope: string }
  | { command: 'list' }
  | { command: 'revoke'; id: string }
  | { command: 'geo-import'; paths: string[]; attribution: string };

/** A refusal to show the person as it is. */
export class CommandError extends Error {}

/** Runs one command; returns the lines to print. */
export async function runAdminCommand(db: Database, request: AdminRequest): Promise<string[]> {
  switch (request.command) {
    case 'create': {
      const scope = request.scope;
      if (scope !== '*' && !/^[a-z0-9-]{1,64}$/.test(scope))
        throw new CommandError('--scope must be a territory slug or *');
      const exists =
        scope === '*' || (await db.query('select 1 from territories where slug = $1', [scope])).length > 0;
      if (!exists) throw new CommandError(`no territory ${scope}`);
      const name = request.name.trim();
      if (!name || name.length > 100) throw new CommandError('--name must be 1 to 100 characters');
      return [await createToken(db, name, scope)];
    }
    case 'list':
      return (await listTokens(db)).map((t) =>
        [t.id, t.scope, t.createdAt, t.revokedAt ? `revoked ${t.revokedAt}` : 'active', t.name].join('\t'),
      );
    case 'revoke': {
      if (!(await revokeToken(db, request.id))) throw new CommandError(`no active token ${request.id}`);
      const lines = [`revoked ${request.id}`];
      if (request.id === 'bootstrap') {
        lines.push(
          'It stays revoked while TEC_ADMIN_TOKEN keeps this value; a new value creates a new token.',
        );
      }
      return lines;
    }
    case 'geo-import': {
      const reports = await importBoundaries(db, request.paths, request.attribution);
      return reports.map((r) => {
        const what = r.skipped
          ? `kept its outline: ${r.skipped}${r.missing.length ? ` (missing ${r.missing.join(', ')})` : ''}`
          : `${r.communes} communes merged into ${r.rings} ring${r.rings > 1 ? 's' : ''}`;
        return `${r.territory}: ${what}`;
      });
    }
  }
}
