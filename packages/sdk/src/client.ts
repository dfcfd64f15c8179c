/**
 * The TEC client: every route of the API as a typed method that returns validated data.
 *
 * @example
 * ```ts
 * import { createTecClient } from '@tec/sdk';
 * const tec = createTecClient({ baseUrl: 'https://api.example.org' });
 * const roya = await tec.territories.get('roya');
 * for await (const m of tec.members.all('roya', { kind: 'association' })) console.log(m.name);
 * const stop = tec.live.subscribe({ territory: 'roya' }, (event) => console.log(event.type));
 * const receipt = await tec.engagements.create('roya', {
 *   opportunityId: 'opp_roya_2', firstName: 'Camille', email: 'camille@example.org',
 *   availability: ['week-end'], consent: true,
 * });
 * ```
 */
import type { Member, Phase, Opportunity } from '@tec/contract';
import {
  CooperationList,
  CooperationQuery,
  Portrait,
  EngagementReceipt,
  EngagementRequest,
  Geometry,
  MemberPage,
  MemberQuery,
  OpportunityList,
  PhaseList,
  Slug,
  TerritoryDetail,
  TerritoryList,
  PATHS,
  buildPath,
  type TerritorySummary,
} from '@tec/contract';
import type { z } from 'zod/mini';
import { ResponseCache, type CacheOptions } from './cache.js';
import { TecAbortError } from './errors.js';
import { input } from './input.js';
import { Http, type HttpOptions } from './http.js';
import { LiveConnection, type LiveListener, type LiveOptions, type LiveState } from './live.js';

export interface TecClientOptions extends HttpOptions {
  cache?: CacheOptions;
  live?: LiveOptions;
}

/** Per-call options. */
/**
 * One page's query of coalition members. `limit` is a number here: the contract's schema also
 * accepts the query string's text, which a typed caller never needs to pass.
 */
export type MemberPageQuery = Omit<z.input<typeof MemberQuery>, 'limit'> & {
  /** Page size, 1 to 100 (the server's default is 50). */
  limit?: number;
};

export interface RequestOptions {
  /** Abandons the call: it rejects with `TecAbortError`. */
  signal?: AbortSignal;
}

export interface CreateEngagementOptions extends RequestOptions {
  /** Reuse a key to retry a sign-up you already sent (default: a new random key per call). */
  idempotencyKey?: string;
}

/** 16 random bytes in base64url: works on plain-http pages, where `crypto.randomUUID` does not. */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Rejects with TecAbortError when `signal` aborts, without cancelling a request others share. */
function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(new TecAbortError());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new TecAbortError());
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e instanceof Error ? e : new Error(String(e)));
      },
    );
  });
}

export type TecClient = ReturnType<typeof createTecClient>;

/** Creates a client with its own cache and live connection. Most pages want `getTecClient`. */
export function createTecClient(options: TecClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const http = new Http({ ...options, baseUrl });
  const cache = new ResponseCache(options.cache);
  const live = new LiveConnection(baseUrl, cache, options.fetch ?? ((...a) => fetch(...a)), options.live);
  const path = (p: string, params?: Record<string, string>) => buildPath(p, params).slice(1);

  /** A cached, validated GET. `scope` is the territory whose events invalidate it. */
  function read<S extends z.ZodMiniType>(
    url: string,
    schema: S,
    scope: string,
    opts: RequestOptions = {},
    searchParams?: Record<string, string | number | undefined>,
  ): Promise<z.output<S>> {
    const query = searchParams
      ? Object.entries(searchParams)
          .filter(([, v]) => v !== undefined && v !== '')
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
          .join('&')
      : '';
    const key = query ? `${url}?${query}` : url;
    const load = (etag: string | null) => http.call('get', url, schema, { etag, searchParams });
    return abortable(cache.get(key, scope, load), opts.signal);
  }

  const slug = (value: string) => input(Slug, value, 'The territory slug');

  return {
    baseUrl,

    territories: {
      /** The six territories. */
      async list(opts?: RequestOptions): Promise<TerritorySummary[]> {
        return (await read(path(PATHS.listTerritories), TerritoryList, '*', opts)).items;
      },
      /** One territory with its portrait. */
      async get(territory: string, opts?: RequestOptions): Promise<TerritoryDetail> {
        const s = slug(territory);
        return read(path(PATHS.getTerritory, { slug: s }), TerritoryDetail, s, opts);
      },
    },

    phases: {
      /** The three phases of a territory, in order, with their milestones. */
      async list(territory: string, opts?: RequestOptions): Promise<Phase[]> {
        const s = slug(territory);
        return (await read(path(PATHS.listPhases, { slug: s }), PhaseList, s, opts)).phases;
      },
    },

    members: {
      /** One page of coalition members; pass `nextCursor` back as `cursor` for the next. */
      async page(territory: string, query: MemberPageQuery = {}, opts?: RequestOptions): Promise<MemberPage> {
        const s = slug(territory);
        const q = input(MemberQuery, query, 'The member query');
        return read(path(PATHS.listMembers, { slug: s }), MemberPage, s, opts, {
          q: q.q,
          kind: q.kind,
          cursor: q.cursor,
          limit: q.limit,
        });
      },
      /** Every member matching the query, page after page. */
      async *all(
        territory: string,
        query: Omit<MemberPageQuery, 'cursor'> = {},
        opts?: RequestOptions,
      ): AsyncGenerator<Member> {
        let cursor: string | undefined;
        do {
          const page: MemberPage = await this.page(
            territory,
            { ...query, cursor, limit: query.limit ?? 100 },
            opts,
          );
          yield* page.items;
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      },
    },

    opportunities: {
      /** The territory's open calls to engage, with places left. */
      async list(territory: string, opts?: RequestOptions): Promise<Opportunity[]> {
        const s = slug(territory);
        return (await read(path(PATHS.listOpportunities, { slug: s }), OpportunityList, s, opts)).items;
      },
    },

    portraits: {
      /**
       * The territory's portrait (phase 1) with its binôme and volunteers: `a-venir` with empty
       * lists before the binôme starts, `en-cours` while it is gathered, then `publie`.
       */
      async get(territory: string, opts?: RequestOptions): Promise<Portrait> {
        const s = slug(territory);
        return read(path(PATHS.getPortrait, { slug: s }), Portrait, s, opts);
      },
    },

    cooperations: {
      /**
       * The territory's cooperations (phase 2), all or those of one commune (INSEE code); the
       * `communes` facet always counts all of them.
       */
      async list(
        territory: string,
        query: z.input<typeof CooperationQuery> = {},
        opts?: RequestOptions,
      ): Promise<CooperationList> {
        const s = slug(territory);
        const q = input(CooperationQuery, query, 'The cooperation query');
        return read(path(PATHS.listCooperations, { slug: s }), CooperationList, s, opts, {
          commune: q.commune,
        });
      },
    },

    geometry: {
      /** Metropolitan France and the six territories, as TopoJSON. */
      async overview(opts?: RequestOptions): Promise<Geometry> {
        return read(path(PATHS.getOverviewGeometry), Geometry, '*', opts);
      },
      /** A territory's outline and communes, as TopoJSON. */
      async territory(territory: string, opts?: RequestOptions): Promise<Geometry> {
        const s = slug(territory);
        return read(path(PATHS.getTerritoryGeometry, { slug: s }), Geometry, s, opts);
      },
    },

    engagements: {
      /**
       * Signs a resident up. The request is checked against the contract before it leaves; it is
       * retried on network errors, timeouts, 429 and 5xx with one Idempotency-Key, so it is
       * never lost and never stored twice.
       */
      async create(
        territory: string,
        request: z.input<typeof EngagementRequest>,
        opts: CreateEngagementOptions = {},
      ): Promise<EngagementReceipt> {
        const s = slug(territory);
        const body = input(EngagementRequest, request, 'The sign-up');
        const key = opts.idempotencyKey ?? newIdempotencyKey();
        const result = await http.call('post', path(PATHS.createEngagement, { slug: s }), EngagementReceipt, {
          json: body,
          headers: { 'idempotency-key': key },
          retryWrites: true,
          ...(opts.signal ? { signal: opts.signal } : {}),
        });
        cache.invalidate(s);
        return (result as { data: EngagementReceipt }).data;
      },
    },

    live: {
      /**
       * Calls `listener` for each change of the territories (all when none is given), and with
       * `{ type: 'resync' }` when changes may have been missed. One connection per client,
       * whatever the number of subscribers; the last unsubscribe closes it.
       */
      subscribe(filter: { territory?: string | string[] }, listener: LiveListener): () => void {
        const list =
          filter.territory === undefined
            ? undefined
            : (Array.isArray(filter.territory) ? filter.territory : [filter.territory]).map(slug);
        return live.subscribe(list, listener);
      },
      get state(): LiveState {
        return live.state;
      },
      /** Revalidates subscribed territories now (what polling does on its interval). */
      poll: () => live.poll(),
    },

    cache: {
      /** Forgets every cached response. */
      clear: () => cache.clear(),
      /** Requests sent to the server so far (reads, including revalidations). */
      get requests(): number {
        return cache.requests;
      },
    },
  };
}

const clients = new Map<string, TecClient>();

/**
 * The one shared client of this page for `baseUrl` — the SDK's only global state. Every widget
 * asks for it, so widgets on one page share requests, cache and one live connection.
 */
export function getTecClient(baseUrl: string, options: Omit<TecClientOptions, 'baseUrl'> = {}): TecClient {
  const key = new URL(baseUrl, typeof location === 'undefined' ? undefined : location.href).href.replace(
    /\/+$/,
    '',
  );
  let client = clients.get(key);
  if (!client) {
    client = createTecClient({ ...options, baseUrl: key });
    clients.set(key, client);
  }
  return client;
}
