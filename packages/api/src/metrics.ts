/**
 * Prometheus metrics of one process (prom-client), served as text at `/metrics` — not under
 * `/v1/`, so the reverse proxy, which forwards only `/v1/`, never exposes them. Prometheus
 * scrapes each process on its own port. Only a peer on the loopback or a private network that
 * did not come through a proxy may read them, or anyone with `TEC_METRICS_TOKEN`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { endpoints, type LiveEvent } from '@tec/contract';
import type { Database } from './db/database.js';

/** Each endpoint's path as a pattern, to label requests with a route id (bounded cardinality). */
const ROUTES = Object.entries(endpoints).map(([id, e]) => ({
  id,
  method: e.method as string,
  pattern: new RegExp(`^${e.path.replace(/\{\w+\}/g, '[^/]+')}$`),
}));

/** Recent answers of routeOf: the hot path sees the same few paths again and again. */
const seen = new Map<string, string>();

export function routeOf(method: string, url: string): string {
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const key = `${method} ${path}`;
  let id = seen.get(key);
  if (id === undefined) {
    id = ROUTES.find((r) => r.method === method && r.pattern.test(path))?.id;
    id ??= method === 'OPTIONS' ? 'preflight' : 'other';
    if (seen.size >= 2000) seen.clear();
    seen.set(key, id);
  }
  return id;
}

/** A route and status's request counter and latency histogram (none for event streams). */
export interface Series {
  count: { inc(): void };
  time: { observe(value: number): void } | undefined;
}

/** Counts and times one answered request in its series; `start` from `performance.now()`. */
export function recordIn(series: Series, start: number): void {
  series.count.inc();
  series.time?.observe((performance.now() - start) / 1000);
}

export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'tec_http_requests_total',
    help: 'HTTP requests answered, by route id and status code',
    labelNames: ['route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'tec_http_request_duration_seconds',
    help: 'Time to answer an HTTP request (event streams excluded), by route id',
    labelNames: ['route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  private readonly lag = new Histogram({
    name: 'tec_event_delivery_lag_seconds',
    help: 'From an event’s commit time to its hand-over to this process’s streams',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly signups = new Counter({
    name: 'tec_signups_total',
    help: 'Sign-ups stored (not replays, not the honeypot), by territory',
    labelNames: ['territory'] as const,
    registers: [this.registry],
  });
  /** Bounded: route ids come from the contract (plus `preflight` and `other`), statuses are few. */
  private readonly series = new Map<string, Series>();
  private readonly dbBusy = new Gauge({
    name: 'tec_db_pool_busy',
    help: 'Database queries and transactions in flight (each holds a pool connection)',
    registers: [this.registry],
  });

  constructor(options: { openStreams: () => number; poolSize: number; kind: Database['kind'] }) {
    collectDefaultMetrics({ register: this.registry, prefix: 'tec_' });
    new Gauge({
      name: 'tec_open_streams',
      help: 'Event streams open on this process',
      registers: [this.registry],
      collect() {
        this.set(options.openStreams());
      },
    });
    new Gauge({
      name: 'tec_db_pool_size',
      help: 'Connections the pool may open (TEC_PG_POOL; 1 for the embedded database)',
      registers: [this.registry],
    }).set(options.kind === 'postgres' ? options.poolSize : 1);
  }

  /**
   * Counts and times one request from its arrival to the end of its response. The fast path of
   * cached reads does not come here: one `close` listener per response cost a quarter of its
   * throughput (304s, `npm run bench:api`); it records right after its synchronous `end()`.
   */
  observe(req: IncomingMessage, res: ServerResponse): void {
    const start = performance.now();
    res.once('close', () => recordIn(this.seriesOf(req, res.statusCode), start));
  }

  /**
   * The labelled series that count and time a request to this route with this status, looked up
   * once per route and status, not hashed on every request. The fast path keeps them with each
   * cached answer (`recordIn`), so that a cached read does not even look them up.
   */
  seriesOf(req: IncomingMessage, status: number): Series {
    const route = routeOf(req.method ?? 'GET', req.url ?? '/');
    const key = `${route} ${status}`;
    let series = this.series.get(key);
    if (!series) {
      series = {
        count: this.requests.labels({ route, status: String(status) }),
        time: route === 'events' ? undefined : this.latency.labels({ route }),
      };
      this.series.set(key, series);
    }
    return series;
  }

  delivered(events: readonly LiveEvent[]): void {
    const now = Date.now();
    for (const event of events) this.lag.observe(Math.max(0, now - Date.parse(event.at)) / 1000);
  }

  signup(territory: string): void {
    this.signups.inc({ territory });
  }

  /** Wraps a database so that every query and transaction counts as busy while it runs. */
  instrument(db: Database): Database {
    const busy = this.dbBusy;
    const track = async <T>(run: () => Promise<T>): Promise<T> => {
      busy.inc();
      try {
        return await run();
      } finally {
        busy.dec();
      }
    };
    return {
      kind: db.kind,
      query: (text, params) => track(() => db.query(text, params)),
      transaction: (fn) => track(() => db.transaction(fn)),
      listen: (channel, onPayload) => db.listen(channel, onPayload),
      close: () => db.close(),
    };
  }

  /** Answers `/metrics` when the caller may read it; returns false for any other request. */
  serve(req: IncomingMessage, res: ServerResponse, token: string | undefined): boolean {
    if (req.url !== '/metrics' && !req.url?.startsWith('/metrics?')) return false;
    if (!metricsAllowed(req, token)) {
      res
        .writeHead(403, {
          'content-type': 'application/problem+json; charset=utf-8',
          'cache-control': 'no-store',
        })
        .end(
          JSON.stringify({
            type: 'urn:tec:problem:forbidden',
            title: 'Forbidden',
            status: 403,
            detail:
              'Metrics are served to the loopback and private networks, not through a proxy, or with Authorization: Bearer <TEC_METRICS_TOKEN>.',
          }),
        );
      return true;
    }
    this.registry.metrics().then(
      (text) =>
        res
          .writeHead(200, { 'content-type': this.registry.contentType, 'cache-control': 'no-store' })
          .end(text),
      () => res.writeHead(500).end(),
    );
    return true;
  }
}

/** Loopback, RFC 1918, link-local and unique-local addresses (IPv4-mapped ones too). */
export function isLocalAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase().replace(/^::ffff:(?=\d+\.)/, '');
  if (isIP(a) === 4) {
    const [x, y] = a.split('.').map(Number) as [number, number];
    return (
      x === 127 ||
      x === 10 ||
      (x === 172 && y >= 16 && y <= 31) ||
      (x === 192 && y === 168) ||
      (x === 169 && y === 254)
    );
  }
  return a === '::1' || /^f[cd][0-9a-f]{2}:/.test(a) || /^fe[89ab][0-9a-f]:/.test(a);
}

function metricsAllowed(req: IncomingMessage, token: string | undefined): boolean {
  if (token) {
    const sent = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const a = Buffer.from(sent);
    const b = Buffer.from(token);
    if (a.length === b.length && timingSafeEqual(a, b)) return true;
  }
  // A proxy on the same host connects from the loopback: what it forwards comes from outside.
  const proxied = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
  return !proxied && isLocalAddress(req.socket.remoteAddress);
}
