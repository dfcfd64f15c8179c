// The schema's migrations on both engines: a database made by an earlier release is brought up
// to date with its rows kept.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { migrate, openDatabase } from '@tec/api';
import { migrations } from '../src/db/migrations.js';
import { ENGINES, createTestDatabase } from '@tec/api/testing';

for (const engine of ENGINES) {
  describe(`migrations on ${engine}`, () => {
    it('adds the sign-ups’ page origin to a database of the first release, keeping its rows', async () => {
      const db = await openDatabase(
        engine === 'postgres'
          ? { databaseUrl: await createTestDatabase(), dataDir: '' }
          : { dataDir: 'memory://' },
      );
      try {
        // The first release's schema, and one sign-up stored by it.
        await db.query(`create table schema_migrations (
          version int primary key, name text not null, applied_at timestamptz not null default now())`);
        const first = migrations.find((m) => m.version === 1)!;
        for (const statement of first.sql
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean)) {
          await db.query(statement);
        }
        await db.query(`insert into schema_migrations (version, name) values (1, 'initial schema')`);
        await db.query(`insert into engagements (id, territory, opportunity_id, first_name, email, availability,
          lang, request_hash) values ('eng_old', 'roya', 'opp_roya_1', 'Camille', 'c@example.org', '["week-end"]',
          'fr', 'h')`);

        const applied = await migrate(db);
        assert.ok(applied.includes(2), `applied ${applied.join()}`);
        const rows = await db.query<{ id: string; origin: string | null }>(
          'select id, origin from engagements',
        );
        assert.deepEqual(
          rows.map((r) => ({ ...r })),
          [{ id: 'eng_old', origin: null }],
        );
        assert.deepEqual(await migrate(db), [], 'a second start applies nothing');
      } finally {
        await db.close();
      }
    });

    it('adds portraits, cooperations and the phases’ closing reason to a database of version 13', async () => {
      const db = await openDatabase(
        engine === 'postgres'
          ? { databaseUrl: await createTestDatabase(), dataDir: '' }
          : { dataDir: 'memory://' },
      );
      try {
        await db.query(`create table schema_migrations (
          version int primary key, name text not null, applied_at timestamptz not null default now())`);
        for (const migration of migrations.filter((m) => m.version <= 13)) {
          for (const statement of migration.sql
            .split(';')
            .map((s) => s.trim())
            .filter(Boolean)) {
            await db.query(statement);
          }
          await db.query('insert into schema_migrations (version, name) values ($1, $2)', [
            migration.version,
            migration.name,
          ]);
        }
        await db.query(
          `insert into territories (slug, position, status, data) values ('roya', 1, 'actif', '{}')`,
        );
        await db.query(
          `insert into phases (territory, key, ord, status) values ('roya', 'portrait', 1, 'terminee')`,
        );

        const applied = await migrate(db);
        assert.ok(applied.includes(14), `applied ${applied.join()}`);
        const [phase] = await db.query<{ key: string; closing_reason: string | null }>(
          'select key, closing_reason from phases',
        );
        assert.deepEqual({ ...phase }, { key: 'portrait', closing_reason: null });
        const counts = await db.query<{ n: number }>(
          `select (select count(*) from portraits)::int + (select count(*) from cooperations)::int
             + (select count(*) from cooperation_actors)::int as n`,
        );
        assert.equal(counts[0]?.n, 0);
        assert.deepEqual(await migrate(db), [], 'a second start applies nothing');
      } finally {
        await db.close();
      }
    });
  });
}
