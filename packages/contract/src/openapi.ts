/**
 * Generates the OpenAPI 3.1 document from the endpoint table. Server-side and build-time only:
 * browser code never imports this entry.
 */
import * as z from 'zod/mini';
import { endpoints, type Endpoint } from './endpoints.js';
import { PROBLEM_TYPES } from './problems.js';
import { Problem } from './schemas.js';
import { LiveEvent } from './events.js';

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output'): JsonSchema {
  const out = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  delete out.$schema;
  return out;
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
  } else if (response.schema) {
    const content: Record<string, unknown> = {
      'application/json': { schema: jsonSchema(response.schema, 'output') },
    };
    if (id === 'exportEngagements') content['text/csv'] = { schema: { type: 'string' } };
    responses[response.status] = { description: endpoint.summary, content };
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
      schemas: {
        Problem: jsonSchema(Problem, 'output'),
        LiveEvent: jsonSchema(LiveEvent, 'output'),
      },
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer', description: 'An admin token (npm run admin)' },
      },
    },
  };
}
