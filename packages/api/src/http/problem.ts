import {
  PROBLEM_TYPES,
  type ConsistencyRule,
  type FieldError,
  type Problem,
  type ProblemName,
} from '@tec/contract';

/** An RFC 9457 problem to send; thrown by handlers and turned into a response by the app. */
export class HttpProblem extends Error {
  constructor(
    readonly name_: ProblemName,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
    readonly retryAfter?: number,
    /** Members of this problem type beyond RFC 9457's (an `inconsistent` problem's `rule`). */
    readonly members: Record<string, unknown> = {},
  ) {
    super(detail ?? PROBLEM_TYPES[name_].title);
  }

  /** 422: the write would break a consistency rule, named by `rule`; nothing was written. */
  static inconsistent(rule: ConsistencyRule, detail: string): HttpProblem {
    return new HttpProblem('inconsistent', detail, undefined, {}, undefined, { rule });
  }

  body(instance?: string): Problem {
    const { type, title, status } = PROBLEM_TYPES[this.name_];
    return {
      type,
      title,
      status,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(instance ? { instance } : {}),
      ...(this.errors ? { errors: this.errors.slice(0, 100) } : {}),
      ...(this.retryAfter !== undefined ? { retryAfter: this.retryAfter } : {}),
      ...this.members,
    } as Problem;
  }
}

export function problemResponse(
  problem: HttpProblem,
  instance?: string,
  extraHeaders: Record<string, string> = {},
) {
  const body = problem.body(instance);
  return new Response(JSON.stringify(body), {
    status: body.status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'cache-control': 'no-store',
      ...problem.headers,
      ...extraHeaders,
    },
  });
}

/** 429 with Retry-After, in the header and in the problem. */
export function rateLimited(
  seconds: number,
  detail = `Too many requests; retry in ${seconds} s.`,
): HttpProblem {
  return new HttpProblem('rateLimited', detail, undefined, { 'retry-after': String(seconds) }, seconds);
}
