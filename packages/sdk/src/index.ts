/**
 * `@tec/sdk` — the typed client of the TEC API, used by partner developers and by every widget.
 * No side effect on import; tree-shakeable; runs in evergreen browsers and Node.js 20.
 */
export { createTecClient, getTecClient, newIdempotencyKey } from './client.js';
export type {
  TecClient,
  TecClientOptions,
  RequestOptions,
  CreateEngagementOptions,
  MemberPageQuery,
} from './client.js';
export {
  TecError,
  TecHttpError,
  TecOriginNotAllowedError,
  ORIGIN_NOT_ALLOWED,
  TecNetworkError,
  TecTimeoutError,
  TecAbortError,
  TecValidationError,
  type TecErrorCode,
} from './errors.js';
export type { LiveNotice, LiveListener, LiveState, LiveOptions } from './live.js';
export type { CacheOptions } from './cache.js';
export type { HttpOptions } from './http.js';
export type * from '@tec/contract';
