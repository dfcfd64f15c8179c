/**
 * The schema, as numbered migrations applied in order on start-up, each in its own transaction.
 * A migration is never edited once released: add a new one.
 */
import type { Database, Sql } from './database.js';

export const migrations: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      create table territories (
        slug text primary key,
        position int not null,
        status text not null,
        data jsonb not null,
        own_perimeter boolean not null default false,
        updated_at timestamptz not null default now()
      );
      create table phases (
        territory text not null references territories (slug) on delete cascade,
        key text not null,
        ord int not null,
        status text not null,
        start_date date,
        end_date date,
        progress double precision not null default 0 check (progress >= 0 and progress <= 1),
        primary key (territory, key)
      );
      create table milestones (
        id text primary key,
        territory text not null,
        phase text not null,
        position int not null,
        title text not null,
        description text,
        status text not null,
        due_date date,
        completed_date date,
        foreign key (territory, phase) references phases (territory, key) on delete cascade
      );
      create index milestones_phase on milestones (territory, phase, position);
      create table members (
        id text primary key,
        territory text not null references territories (slug) on delete cascade,
        name text not null,
        sort_key text not null,
        search text not null,
        kind text not null,
        role text,
        joined_at date not null,
        commune_insee text,
        commune_name text,
        website text,
        logo text,
        description text,
        created_at timestamptz not null default now()
      );
      create index members_list on members (territory, sort_key, id);
      create table opportunities (
        id text primary key,
        territory text not null references territories (slug) on delete cascade,
        seq bigserial not null,
        kind text not null,
        title text not null,
        description text,
        starts_at timestamptz,
        ends_at timestamptz,
        place jsonb,
        capacity int check (capacity is null or capacity > 0),
        places_left int check (places_left is null or places_left >= 0),
        created_at timestamptz not null default now()
      );
      create index opportunities_territory on opportunities (territory, seq);
      create table engagements (
        id text primary key,
        territory text not null,
        opportunity_id text not null,
        first_name text not null,
        email text not null,
        phone text,
        availability jsonb not null,
        message text,
        lang text not null,
        created_at timestamptz not null default now(),
        idempotency_key text,
        request_hash text not null,
        unique (territory, idempotency_key)
      );
      create index engagements_email on engagements (lower(email));
      create index engagements_created on engagements (created_at);
      create table events (
        id bigserial primary key,
        territory text not null,
        type text not null,
        payload jsonb not null,
        at timestamptz not null default now()
      );
      create index events_at on events (at);
      create table admin_tokens (
        id text primary key,
        name text not null,
        secret_hash text not null,
        scope text not null,
        created_at timestamptz not null default now(),
        revoked_at timestamptz
      );
      create table geometries (
        key text primary key,
        topology jsonb not null,
        attribution text not null,
        approximate boolean not null,
        updated_at timestamptz not null default now()
      );
    `,
  },
  {
    version: 2,
    name: 'the page origin of each sign-up',
    sql: `
      alter table engagements add column origin text
    `,
  },
  {
    // Numbered after its issue (13), so that migrations written on parallel branches do not
    // collide; they apply in the order of this list.
    version: 13,
    name: 'places taken outside the API, so that places taken are counted, never derived',
    sql: `
      alter table opportunities add column places_reserved int not null default 0
        check (places_reserved >= 0);
      update opportunities o set places_reserved = greatest(0, o.capacity - o.places_left - (
          select count(*) from engagements e where e.territory = o.territory and e.opportunity_id = o.id))
        where o.capacity is not null and o.places_left is not null
    `,
  },
  {
    // Issue 14: the portrait (phase 1's deliverable), the cooperations (phase 2) and why a
    // phase was closed with milestones unmet.
    version: 14,
    name: 'portraits, cooperations, and the closing reason of a phase',
    sql: `
      alter table phases add column closing_reason text;
      create table portraits (
        territory text primary key references territories (slug) on delete cascade,
        status text not null,
        published_at date,
        data jsonb not null,
        demo boolean not null,
        updated_at timestamptz not null default now()
      );
      create table cooperations (
        id text primary key,
        territory text not null references territories (slug) on delete cascade,
        seq bigserial not null,
        title text not null,
        summary text not null,
        status text not null,
        started_at date,
        communes jsonb not null,
        needs jsonb not null,
        demo boolean not null,
        updated_at timestamptz not null default now()
      );
      create index cooperations_territory on cooperations (territory, seq);
      create table cooperation_actors (
        cooperation text not null references cooperations (id) on delete cascade,
        member text not null references members (id) on delete cascade,
        position int not null,
        primary key (cooperation, member)
      );
      create index cooperation_actors_member on cooperation_actors (member)
      `,
  },
  {
    // Issue 15: one place per person, a waiting list, and the follow-up e-mails' queue.
    // Additive: existing sign-ups stay as they are; of duplicates already stored (the same
    // address twice on one opportunity) only the first gets the key, so the index can be built.
    version: 15,
    name: 'one place per e-mail and opportunity, waiting list, queue of follow-up e-mails',
    sql: `
      alter table engagements add column email_key text;
      alter table engagements add column status text not null default 'confirmed'
        check (status in ('confirmed', 'waitlisted'));
      update engagements e set email_key = encode(sha256(convert_to(lower(btrim(e.email)), 'UTF8')), 'hex')
        where not exists (select 1 from engagements d
          where d.territory = e.territory and d.opportunity_id = e.opportunity_id
            and lower(btrim(d.email)) = lower(btrim(e.email)) and (d.created_at, d.id) < (e.created_at, e.id));
      create unique index engagements_one_per_person on engagements (territory, opportunity_id, email_key);
      create index engagements_line on engagements (territory, opportunity_id, status, created_at, id);
      create table mail_outbox (
        id bigserial primary key,
        engagement_id text not null references engagements (id) on delete cascade,
        kind text not null check (kind in ('confirmation', 'reminder', 'promoted')),
        dedupe text unique,
        status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
        attempts int not null default 0,
        next_attempt_at timestamptz not null default now(),
        last_error text,
        created_at timestamptz not null default now(),
        sent_at timestamptz
      );
      create index mail_outbox_due on mail_outbox (next_attempt_at, id) where status = 'pending';
      create index mail_outbox_engagement on mail_outbox (engagement_id);
      create table server_secrets (
        name text primary key,
        value text not null,
        created_at timestamptz not null default now()
      )
    `,
  },
  {
    // Issue 15's console part. Additive: a new table only.
    version: 16,
    name: 'the audit log of admin changes, exports and erasures',
    sql: `
      create table audit_log (
        id bigserial primary key,
        at timestamptz not null default now(),
        territory text,
        token_id text not null,
        token_name text not null,
        action text not null,
        target jsonb not null,
        change jsonb,
        outcome jsonb
      );
      create index audit_log_territory on audit_log (territory, id)
    `,
  },
  {
    // Issue 15, review: the cancellation's e-mail. Its sign-up is deleted when it is queued, so
    // its row holds what the message needs (`payload`, cleared once the message has left or was
    // given up) and whose it is (`email_key`, `territory`), so that an erasure or the retention
    // purge can delete it while it waits. Additive: existing rows keep their sign-up.
    version: 17,
    name: 'the cancellation e-mail: queue rows that outlive their sign-up until sent',
    sql: `
      alter table mail_outbox alter column engagement_id drop not null;
      alter table mail_outbox drop constraint mail_outbox_kind_check;
      alter table mail_outbox add constraint mail_outbox_kind_check
        check (kind in ('confirmation', 'reminder', 'promoted', 'cancelled'));
      alter table mail_outbox add column payload jsonb;
      alter table mail_outbox add column email_key text;
      alter table mail_outbox add column territory text;
      alter table mail_outbox add constraint mail_outbox_owner
        check (engagement_id is not null or (email_key is not null and territory is not null));
      create index mail_outbox_email_key on mail_outbox (email_key) where email_key is not null
    `,
  },
];

/** The schema version this code expects: the last migration's number. */
export const SCHEMA_VERSION = migrations[migrations.length - 1]!.version;

/** The advisory lock every migrator takes (the event ids use 7400). */
const MIGRATION_LOCK = 7401;

/**
 * Applies the migrations the database has not seen yet. Safe to run from several processes at
 * once: the bookkeeping table is created, and each migration applied, under one advisory lock,
 * so a migration runs exactly once however many processes start together.
 */
export async function migrate(db: Database): Promise<number[]> {
  await db.transaction(async (tx) => {
    // Two concurrent `create table if not exists` can both miss the table and one then fails
    // on the catalog's unique index: the lock makes the second one wait and find it.
    await tx.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.query(`create table if not exists schema_migrations (
      version int primary key, name text not null, applied_at timestamptz not null default now())`);
  });
  const applied: number[] = [];
  for (const migration of migrations) {
    const done = await db.transaction(async (tx) => {
      // One migrator at a time across processes sharing a PostgreSQL server.
      await tx.query(`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
      const rows = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (rows.length > 0) return false;
      for (const statement of migration.sql
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)) {
        await tx.query(statement);
      }
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}

/** The newest migration applied to the database (0 when none), for the readiness check. */
export async function schemaVersion(db: Sql): Promise<number> {
  const [row] = await db.query<{ version: number }>(
    'select coalesce(max(version), 0)::int as version from schema_migrations',
  );
  return row?.version ?? 0;
}
