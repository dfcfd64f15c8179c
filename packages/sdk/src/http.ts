/**
 * One request to the TEC API through ky: retries with backoff and jitter, a timeout, and every
 * failure mapped to the SDK's error classes; the body validated against the contract.
 */
import ky, { HTTPError, TimeoutError, type KyInstance, type Options } from 'ky';
import { Problem, check } from '@tec/contract';
import type { z } from 'zod/mini';
import {
  ORIGIN_NOT_ALLOWED,
  TecAbortError,
  TecHttpError,
  TecOriginNotAllowedError,
  TecNetworkError,
  TecTimeoutError,
  TecValidationError,
} from './errors.js';

export interface HttpOptions {
  baseUrl: string;
  /** Milliseconds before one attempt is abandoned (default 10,000). */
  timeout?: number;
  /** Retries of a failed read (default 2; 0 disables). */
  retries?: number;
  /** Longest wait between two attempts, in ms (default 10,000). */
  backoffLimit?: number;
  /** The fetch to use (default: the platform's). */
  fetch?: typeof fetch;
  /** Admin token, sent as a bearer token on admin calls. */
  token?: string;
}

export interface CallOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
  json?: unknown;
  searchParams?: Record<string, string | number | undefined>;
  /** Retry this non-GET call too (it must be idempotent, e.g. carry an Idempotency-Key). */
  retryWrites?: boolean;
  etag?: string | null;
}

export type Result<T> = { data: T; etag: string | null } | { notModified: true };

function cleanParams(params: CallOptions['searchParams']): Record<string, string> | undefined {
  if (!params) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
}

export class Http {
  readonly ky: KyInstance;
  readonly timeout: number;

  constructor(readonly options: HttpOptions) {
    this.timeout = options.timeout ?? 10_000;
    this.ky = ky.create({
      prefixUrl: options.baseUrl.replace(/\/+$/, ''),
      timeout: this.timeout,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      throwHttpErrors: (status) => status !== 304,
      // Never send or keep cookies; the API needs none.
      credentials: 'omit',
      retry: {
        limit: options.retries ?? 2,
        methods: ['get'],
        statusCodes: [408, 429, 500, 502, 503, 504],
        afterStatusCodes: [429, 503],
        maxRetryAfter: 60_000,
        backoffLimit: options.backoffLimit ?? 10_000,
        jitter: true,
        retryOnTimeout: true,
      },
    });
  }

  /** Sends the request; returns validated data, or `notModified` when the server said 304. */
  async call<S extends z.ZodMiniType>(
    method: 'get' | 'post' | 'patch' | 'delete',
    path: string,
    schema: S | undefined,
    call: CallOptions = {},
  ): Promise<Result<z.output<S>>> {
    const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
    if (call.etag) headers['if-none-match'] = call.etag;
    if (this.options.token && path.startsWith('v1/admin/'))
      headers.authorization = `Bearer ${this.options.token}`;
    const options: Options = {
      method,
      headers,
      // Revalidate with the server, never trust a stale browser HTTP cache: live data.
      cache: 'no-cache',
      ...(call.signal ? { signal: call.signal } : {}),
      ...(call.json !== undefined ? { json: call.json } : {}),
      ...(call.searchParams ? { searchParams: cleanParams(call.searchParams) } : {}),
      ...(call.retryWrites ? { retry: { ...this.retryFor(method) } } : {}),
    };
    let response: Response;
    try {
      response = await this.ky(path.replace(/^\//, ''), options);
    } catch (error) {
      throw await this.mapError(error, call.signal);
    }
    if (response.status === 304) return { notModified: true };
    if (response.status === 204 || !schema) return { data: undefined as z.output<S>, etag: null };
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      throw new TecValidationError(
        [{ path: '(root)', message: 'is not valid JSON' }],
        `The response to ${method.toUpperCase()} /${path}`,
      );
    }
    const result = check(schema, body);
    if (!result.ok)
      throw new TecValidationError(result.errors, `The response to ${method.toUpperCase()} /${path}`);
    return { data: result.data as z.output<S>, etag: response.headers.get('etag') };
  }

  private retryFor(method: string) {
    return {
      limit: this.options.retries ?? 2,
      methods: [method as 'post'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: 60_000,
      backoffLimit: this.options.backoffLimit ?? 10_000,
      jitter: true,
      retryOnTimeout: true,
    };
  }

  /** The SDK's error for a failed ky call (used by the admin entry's text export too). */
  async mapError(error: unknown, signal: AbortSignal | undefined): Promise<Error> {
    if (signal?.aborted) return new TecAbortError({ cause: error });
    if (error instanceof TimeoutError) return new TecTimeoutError(this.timeout, { cause: error });
    if (error instanceof HTTPError) {
      let problem: Problem | undefined;
      try {
        const parsed = check(Problem, await error.response.json());
        if (parsed.ok) problem = parsed.data;
      } catch {
        // a non-JSON error body: the status says enough
      }
      if (problem?.type === ORIGIN_NOT_ALLOWED)
        return new TecOriginNotAllowedError(problem, { cause: error });
      return new TecHttpError(error.response.status, problem, { cause: error });
    }
    if (error instanceof Error && error.name === 'AbortError') return new TecAbortError({ cause: error });
    return new TecNetworkError(undefined, { cause: error });
  }
}
