/**
 * `@tec/contract` — the one description of TEC data. Schemas are written with `zod/mini` so that
 * browser bundles stay small; every type is inferred from its schema.
 */
export * from './primitives.js';
export * from './schemas.js';
export * from './story.js';
export * from './events.js';
export * from './problems.js';
export * from './issues.js';
export * from './queries.js';
export * from './endpoints.js';
export { PATHS, buildPath, type PathId } from './paths.js';
