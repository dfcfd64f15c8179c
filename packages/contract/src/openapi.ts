/**
 * Generates the OpenAPI 3.1 document from the endpoint table. Server-side and build-time only:
 * browser code never imports this entry.
 */
import * as z from 'zod/mini';
import * as endpointTable from './endpoints.js';
import { endpoints, type Endpoint } from './endpoints.js';
import { PROBLEM_TYPES } from './problems.js';
import * as schemas from './schemas.js';
import { LiveEvent } from './events.js';

type JsonSchema = Record<string, unknown>;

const REF = '#/components/schemas/';

/** `territory.updated` → `TerritoryUpdatedEvent`. */
const eventName = (type: string) =>
  `${type
    .split(/[.-]/)
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('')}Event`;

/**
 * Every schema of the contract under its exported name (`TerritoryDetail`, `MemberKind`,
 * `Problem`…), and each live event under its own (`PlacesChangedEvent`): what a generator
 * outside the project names its types after. A schema exported later is named with no change
 * here; the exported names are the contract's type names.
 */
function namedSchemas(): z.core.$ZodRegistry<{ id: string }> {
  const registry = z.registry<{ id: string }>();
  const add = (id: string, schema: unknown) => {
    if (schema instanceof z.ZodMiniType && !registry.has(schema)) registry.add(schema, { id });
  };
  for (const [name, value] of Object.entries(schemas)) add(name, value);
  for (const [name, value] of Object.entries(endpointTable)) add(name, value);
  add('LiveEvent', LiveEvent);
  for (const option of LiveEvent.def.options) {
    add(eventName(String(option.shape.type.def.values[0])), option);
  }
  return registry;
}

const registry = namedSchemas();

// A topology's arcs are checked by one loop (schemas.ts), not by schemas a generator could read:
// what that loop enforces, said here so that the browser bundle does not carry it.
z.globalRegistry.add(schemas.Topology.shape.arcs, {
  type: 'array',
  maxItems: schemas.MAX_ARCS,
  items: {
    type: 'array',
    minItems: 1,
    items: { type: 'array', minItems: 2, maxItems: 3, items: { type: 'number' } },
  },
});

/** Drops the JSON Schema dialect keys that OpenAPI's components do not want. */
function clean(schema: JsonSchema): JsonSchema {
  delete schema.$schema;
  delete schema.$id;
  return schema;
}

/** A schema for an operation: a `$ref` to its component when it has a name, inline otherwise. */
function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const inner = schema instanceof z.ZodMiniOptional ? (schema.def.innerType as z.ZodMiniType) : schema;
  const named = registry.get(inner);
  if (named) return { $ref: `${REF}${named.id}` };
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any', metadata: registry }) as JsonSchema;
  delete out.$defs;
  return JSON.parse(JSON.stringify(clean(out)).replaceAll('"#/$defs/', `"${REF}`)) as JsonSchema;
}

/**
 * The components: every named schema, as the API sends it (output). A request body is read as
 * input, which for this contract (no default, no transform, strict objects) is the same — checked
 * here with everything it contains, so that a body that one day differs fails the build instead
 * of being described wrongly.
 */
function components(): Record<string, JsonSchema> {
  const reading = (schema: z.ZodMiniType, io: 'input' | 'output') =>
    JSON.stringify(z.toJSONSchema(schema, { io, unrepresentable: 'any', metadata: registry }));
  for (const [id, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    if (endpoint.body && reading(endpoint.body, 'input') !== reading(endpoint.body, 'output')) {
      throw new Error(`The body of ${id} reads differently as input and as output: give it its own schema.`);
    }
  }
  const { schemas: all } = z.toJSONSchema(registry, {
    unrepresentable: 'any',
    uri: (id) => `${REF}${id}`,
  }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(
    Object.entries(all)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, schema]) => [name, clean(schema)]),
  );
}

function isOptional(schema: z.ZodMiniType): boolean {
  return schema._zod.optin === 'optional';
}

function parameters(where: 'path' | 'query' | 'header', object: z.ZodMiniObject | undefined) {
  if (!object) return [];
  return Object.entries(object.shape as Record<string, z.ZodMiniType>).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || !isOptional(schema),
    schema: jsonSchema(schema, 'input'),
  }));
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

function operation(id: string, endpoint: Endpoint) {
  const responses: Record<string, unknown> = {};
  const { response } = endpoint;
  if (response.contentType === 'text/event-stream') {
    responses[response.status] = {
      description: 'A stream of LiveEvent, one per SSE message, named by its type',
      content: { 'text/event-stream': { schema: { $ref: '#/components/schemas/LiveEvent' } } },
    };
  } else if (response.contentType === 'text/html') {
    responses[response.status] = {
      description: endpoint.summary,
      content: { 'text/html': { schema: { type: 'string' } } },
    };
  } else if (response.schema) {
    const content: Record<string, unknown> = {
      'application/json': { schema: jsonSchema(response.schema, 'output') },
    };
    if (id === 'exportEngagements') content['text/csv'] = { schema: { type: 'string' } };
    responses[response.status] = { description: endpoint.summary, content };
    if (endpoint.alsoAnswers) {
      responses[endpoint.alsoAnswers.status] = { description: endpoint.alsoAnswers.description, content };
    }
  } else {
    responses[response.status] = { description: 'Done, no content' };
  }
  if (endpoint.cache) responses['304'] = { description: 'Not modified (If-None-Match matched the ETag)' };
  for (const name of endpoint.errors) {
    const problem = PROBLEM_TYPES[name];
    const status = String(problem.status);
    const existing = responses[status] as { description: string } | undefined;
    responses[status] = problemResponse(
      existing ? `${existing.description}; ${problem.type}` : `${problem.title} (${problem.type})`,
    );
  }
  return {
    operationId: id,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [endpoint.tag],
    ...(endpoint.auth ? { security: [{ adminToken: [] }] } : {}),
    parameters: [
      ...parameters('path', endpoint.params),
      ...parameters('query', endpoint.query),
      ...parameters('header', endpoint.headers),
    ],
    ...(endpoint.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchema(endpoint.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

/** The OpenAPI 3.1 document of the TEC API, built from the endpoint table. */
export function buildOpenApiDocument(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [id, endpoint] of Object.entries(endpoints) as [string, Endpoint][]) {
    const item = (paths[endpoint.path] ??= {});
    item[endpoint.method.toLowerCase()] = operation(id, endpoint);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'TEC API — Territoires d’Engagement et de Coopération',
      version,
      description:
        'Live data of the TEC programme (Fondation de France and the Kiif): territories, phases, ' +
        'coalition members, calls to engage, sign-ups and live events. Errors are RFC 9457 ' +
        'problem details with a stable `type`.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/' }],
    tags: [
      { name: 'territories' },
      { name: 'members' },
      { name: 'engagements' },
      { name: 'geometry' },
      { name: 'events' },
      { name: 'meta' },
      { name: 'admin' },
    ],
    paths,
    components: {
      schemas: components(),
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'An admin token (npm run admin)' },
      },
    },
  };
}
