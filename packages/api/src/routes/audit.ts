/**
 * The routes of the audit log and of the console's sign-in: who a token is, and what was changed
 * in a territory (audit.ts).
 */
import { listAudit, sessionOf } from '../audit.js';
import type { AppDeps, Handlers } from '../http/types.js';
import { HttpProblem } from '../http/problem.js';

export function auditRoutes(deps: AppDeps): Pick<Handlers, 'adminSession' | 'listAudit'> {
  const { db } = deps;
  return {
    adminSession: async ({ token }) => {
      if (!token) throw new HttpProblem('unauthorized', 'Send Authorization: Bearer <admin token>.');
      return { status: 200, body: await sessionOf(db, token) };
    },
    listAudit: async ({ params, query }) => {
      const [territory] = await db.query('select 1 from territories where slug = $1', [params.slug]);
      if (!territory) throw new HttpProblem('notFound', 'The territory does not exist.');
      return { status: 200, body: await listAudit(db, params.slug, query) };
    },
  };
}
