/**
 * A route's inputs, validated with the contract's schemas: path, query, headers and a JSON body
 * (media type, UTF-8, JSON, then schema), each failure a `validation` problem naming the field.
 */
import type { Context } from 'hono';
import type { z } from 'zod/mini';
import { check, type Endpoint, type FieldError } from '@tec/contract';
import { HttpProblem } from './problem.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function validationProblem(where: string, errors: FieldError[]): HttpProblem {
  return new HttpProblem(
    'validation',
    `The request ${where} is invalid: ${errors
      .slice(0, 3)
      .map((e) => (e.path === '(root)' ? e.message : `${e.path} ${e.message}`))
      .join('; ')}`,
    errors.map((e) => ({ path: e.path === '(root)' ? where : `${where}.${e.path}`, message: e.message })),
  );
}

function validate<S extends z.ZodMiniType>(schema: S | undefined, value: unknown, where: string) {
  if (!schema) return {};
  const result = check(schema, value);
  if (!result.ok) throw validationProblem(where, result.errors);
  return result.data;
}

async function jsonBody(c: Context): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new HttpProblem('unsupportedMediaType', 'Send the body as application/json.');
  }
  let bytes: ArrayBuffer;
  try {
    bytes = await c.req.arrayBuffer();
  } catch (error) {
    if (error instanceof HttpProblem) throw error; // too large
    // The client went away mid-upload: nothing to answer, nothing went wrong here.
    throw new HttpProblem('validation', 'The body ended before its announced length.', [
      { path: 'body', message: 'was cut off before its end' },
    ]);
  }
  let text: string;
  try {
    text = strictUtf8.decode(bytes);
  } catch {
    throw new HttpProblem('validation', 'The body is not valid UTF-8.', [
      { path: 'body', message: 'is not valid UTF-8 text' },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpProblem('validation', 'The body is not valid JSON.', [
      { path: 'body', message: 'is not valid JSON' },
    ]);
  }
}

/** The validated inputs of a request to `endpoint`. */
export async function readInputs(c: Context, endpoint: Endpoint) {
  const params = validate(endpoint.params, c.req.param(), 'path');
  const query = validate(endpoint.query, c.req.query(), 'query');
  const headers = validate(endpoint.headers, c.req.header(), 'headers');
  const body: unknown = endpoint.body ? validate(endpoint.body, await jsonBody(c), 'body') : {};
  return { params, query, headers, body };
}
