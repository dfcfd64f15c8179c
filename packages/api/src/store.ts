/**
 * The store's index: every query of the API, one module per aggregate under store/, returning
 * contract types. Outputs are cast in SQL to text, int and jsonb so that PGlite and PostgreSQL
 * give identical objects. Geometry lives beside its import code, in geo/geometry.ts.
 */
export * from './store/common.js';
export * from './store/territories.js';
export * from './store/phases.js';
export * from './store/members.js';
export * from './store/opportunities.js';
export * from './store/engagements.js';
export * from './store/events.js';
export * from './store/portraits.js';
export * from './store/cooperations.js';
export * from './store/consistency.js';
