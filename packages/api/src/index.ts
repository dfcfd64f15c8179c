export { readConfig, type Config } from './config.js';
export { startServer, VERSION, type RunningServer } from './server.js';
export { openDatabase, type Database, type Sql } from './db/database.js';
export { migrate, migrations, SCHEMA_VERSION } from './db/migrations.js';
export { seedIfEmpty } from './seed/seed.js';
export { createToken, listTokens, revokeToken } from './auth.js';
export { importBoundaries, readCommunes, unionOf } from './geo/import.js';
