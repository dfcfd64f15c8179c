-- TEC: the database and its two roles, least privilege. Run once as the postgres superuser:
--
--   sudo -u postgres psql -v ON_ERROR_STOP=1 -v db=tec -v owner=tec_owner -v api=tec_api \
--     -v owner_password="$(cat /etc/tec/owner.pw)" -v api_password="$(cat /etc/tec/api.pw)" \
--     -f deploy/postgresql/roles.sql
--
-- `owner` owns the schema: only the migrations at start-up use it (TEC_MIGRATION_DATABASE_URL).
-- `api` serves requests (DATABASE_URL): it reads and writes rows of the tables the owner makes,
-- and can neither create, alter, drop nor truncate them.

create role :"owner" login password :'owner_password';
create role :"api" login password :'api_password';
create database :"db" owner :"owner" encoding 'UTF8' template template0;
revoke all on database :"db" from public;
grant connect on database :"db" to :"api";

\connect :"db"
-- PostgreSQL 15 already keeps public from creating in the public schema; say it for older ones.
revoke create on schema public from public;
alter schema public owner to :"owner";
grant usage on schema public to :"api";
-- Tables and sequences the owner creates later (every migration) are open to the API's rows.
alter default privileges for role :"owner" in schema public
  grant select, insert, update, delete on tables to :"api";
alter default privileges for role :"owner" in schema public
  grant usage, select on sequences to :"api";
-- And those that exist already (a database that was migrated before this file ran).
grant select, insert, update, delete on all tables in schema public to :"api";
grant usage, select on all sequences in schema public to :"api";
