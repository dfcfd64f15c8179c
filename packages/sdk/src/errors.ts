/**
 * Every failure of the SDK is one of these classes, with a stable `code` to branch on. No raw
 * `ky` or `fetch` error escapes.
 *
 * @example
 * ```ts
 * try {
 *   await tec.engagements.create('roya', request);
 * } catch (error) {
 *   if (error instanceof TecHttpError && error.problem?.type === 'urn:tec:problem:opportunity-full') …
 *   else if (error instanceof TecNetworkError) …
 * }
 * // Or switch on the code:
 * switch ((error as TecError).code) {
 *   case 'origin-not-allowed': // this site may not send sign-ups: tell the webmaster
 * }
 * ```
 */
import type { FieldError, Problem, ProblemTypeUri } from '@tec/contract';

export type TecErrorCode = 'http' | 'origin-not-allowed' | 'network' | 'timeout' | 'abort' | 'validation';

export class TecError extends Error {
  readonly code: TecErrorCode;
  constructor(code: TecErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
}

/** The server answered with an error status; `problem` is its RFC 9457 body when it sent one. */
export class TecHttpError extends TecError {
  constructor(
    readonly status: number,
    readonly problem: Problem | undefined,
    options?: { cause?: unknown; code?: 'http' | 'origin-not-allowed' },
  ) {
    super(
      options?.code ?? 'http',
      problem?.detail ?? problem?.title ?? `The TEC API answered ${status}`,
      options,
    );
  }

  /** Seconds the server asked to wait (429, 503), if it said. */
  get retryAfter(): number | undefined {
    return this.problem?.retryAfter;
  }
}

/** The problem type the API sends when its operator does not accept sign-ups from this page. */
export const ORIGIN_NOT_ALLOWED: ProblemTypeUri = 'urn:tec:problem:origin-not-allowed';

/**
 * The API refused the page's site (403 `urn:tec:problem:origin-not-allowed`): its operator
 * accepts sign-ups only from the sites it lists (`TEC_SIGNUP_ORIGINS=allowed` and
 * `TEC_ALLOWED_ORIGINS`). Retrying cannot help; the webmaster must ask the operator to add the
 * page's origin (`location.origin`). Code: `origin-not-allowed`; still a `TecHttpError`.
 */
export class TecOriginNotAllowedError extends TecHttpError {
  declare readonly code: 'origin-not-allowed';
  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(403, problem, { ...options, code: 'origin-not-allowed' });
  }
}

/** The request did not reach the server, or the connection dropped. */
export class TecNetworkError extends TecError {
  constructor(message = 'The TEC API could not be reached', options?: { cause?: unknown }) {
    super('network', message, options);
  }
}

/** No answer within the timeout. */
export class TecTimeoutError extends TecError {
  constructor(
    readonly timeoutMs: number,
    options?: { cause?: unknown },
  ) {
    super('timeout', `The TEC API did not answer within ${timeoutMs} ms`, options);
  }
}

/** The caller's AbortSignal aborted the request. */
export class TecAbortError extends TecError {
  constructor(options?: { cause?: unknown }) {
    super('abort', 'The request was aborted', options);
  }
}

/** The response does not match the contract: `errors` names each path and reason. */
export class TecValidationError extends TecError {
  constructor(
    readonly errors: FieldError[],
    readonly what: string,
  ) {
    super(
      'validation',
      `${what} does not match the TEC contract: ${errors
        .slice(0, 3)
        .map((e) => `${e.path} ${e.message}`)
        .join('; ')}`,
    );
  }
}
