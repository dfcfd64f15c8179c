import postgres from 'postgres';
import type { Database, Sql } from './database.js';

/** A pool of connections to a PostgreSQL server. */
export async function openPostgres(url: string): Promise<Database> {
  const sql = postgres(url, {
    max: Number(process.env.TEC_PG_POOL ?? 10),
    onnotice: () => {},
    connection: { application_name: 'tec-api' },
  });
  await sql`select 1`;
  const wrap = (q: postgres.Sql | postgres.TransactionSql): Sql => ({
    async query<T>(text: string, params: readonly unknown[] = []) {
      const rows = await q.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
      return rows as unknown as T[];
    },
  });
  return {
    kind: 'postgres',
    ...wrap(sql),
    transaction: (fn) => sql.begin((tx) => fn(wrap(tx))) as ReturnType<typeof fn>,
    async listen(channel, onPayload) {
      const { unlisten } = await sql.listen(channel, onPayload);
      return unlisten;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}
