/** The types the application, its middlewares and the route handlers share. */
import type { Context } from 'hono';
import type { z } from 'zod/mini';
import type { Endpoint, EndpointId, Endpoints } from '@tec/contract';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { EventBus } from '../bus.js';
import type { Logger } from '../log.js';
import type { ResponseCache } from './cache.js';
import type { RateLimiter } from './ratelimit.js';

type Out<S> = S extends z.ZodMiniType ? z.output<S> : Record<string, never>;

/** What a handler receives: validated inputs typed from the endpoint table. */
export interface HandlerInput<E extends Endpoint> {
  params: Out<E['params']>;
  query: Out<E['query']>;
  headers: Out<E['headers']>;
  body: Out<E['body']>;
  /** The admin token's scope, for admin routes. */
  scope: string;
  c: Context;
}

export type HandlerResult =
  { status: 200 | 201; body: unknown; headers?: Record<string, string> } | { status: 204 } | Response;

export type Handlers = {
  [K in EndpointId]: (input: HandlerInput<Endpoints[K]>) => Promise<HandlerResult>;
};

export interface AppDeps {
  config: Config;
  db: Database;
  bus: EventBus;
  cache: ResponseCache;
  log: Logger;
  version: string;
  /** Streams to end on shutdown. */
  streams: Set<() => void>;
  /** Per-client limits, shared with the cached-read fast path. */
  limits: { reads: RateLimiter; signups: RateLimiter };
  /** True once the process drains (SIGTERM): readiness answers 503. */
  draining?: () => boolean;
  /** Counts accepted sign-ups (Prometheus). */
  onSignup?: (territory: string) => void;
}
