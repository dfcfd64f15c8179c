/**
 * The client's response cache: identical requests in flight are made once; results are served
 * fresh for `maxAge`, then stale while one revalidation (with If-None-Match) runs, until
 * `staleWhileRevalidate` has passed too. Live events mark a territory's entries stale.
 */
export interface CacheOptions {
  /** Milliseconds a result is served without asking the server (default 30 s). */
  maxAge?: number;
  /** Milliseconds after `maxAge` during which a stale result is served while revalidating (default 5 min). */
  staleWhileRevalidate?: number;
}

export interface Entry<T = unknown> {
  data: T;
  etag: string | null;
  at: number;
}

/** What a loader returns: new data, or "not modified" (the server answered 304). */
export type Loaded<T> = { data: T; etag: string | null } | { notModified: true };

export type Loader<T> = (etag: string | null, signal?: AbortSignal) => Promise<Loaded<T>>;

type Stored = Entry & { scope: string; load: Loader<unknown> };

export class ResponseCache {
  private readonly entries = new Map<string, Stored>();
  private readonly inflight = new Map<string, { promise: Promise<unknown>; scope: string }>();
  /**
   * Counts invalidations: a response that was on its way while an event said its data changed
   * is kept, but stale (the next read asks again), and is not shared with readers who came after
   * the event — they would see the change undone.
   */
  private generation = 0;
  private readonly maxAge: number;
  private readonly swr: number;
  /** Requests actually sent to the server (for tests and benchmarks). */
  requests = 0;

  constructor(
    options: CacheOptions = {},
    private readonly now: () => number = () => Date.now(),
  ) {
    this.maxAge = options.maxAge ?? 30_000;
    this.swr = options.staleWhileRevalidate ?? 300_000;
  }

  /** The cached data for `key`, whatever its age (widgets show it while they refresh). */
  peek<T>(key: string): T | undefined {
    return this.entries.get(key)?.data as T | undefined;
  }

  async get<T>(key: string, scope: string, load: Loader<T>, signal?: AbortSignal): Promise<T> {
    const entry = this.entries.get(key) as (Entry<T> & Stored) | undefined;
    const age = entry ? this.now() - entry.at : Infinity;
    if (entry && age < this.maxAge) return entry.data;
    if (entry && age < this.maxAge + this.swr) {
      // Stale: answer now, refresh behind.
      this.refresh(key, scope, load).catch(() => {});
      return entry.data;
    }
    return this.refresh(key, scope, load, signal);
  }

  /** Fetches `key` once however many callers ask at the same time. */
  refresh<T>(key: string, scope: string, load: Loader<T>, signal?: AbortSignal): Promise<T> {
    const running = this.inflight.get(key)?.promise as Promise<T> | undefined;
    if (running) return running;
    const entry = this.entries.get(key) as (Entry<T> & Stored) | undefined;
    this.requests += 1;
    const generation = this.generation;
    const at = () => (generation === this.generation ? this.now() : -Infinity);
    const promise: Promise<T> = load(entry?.etag ?? null, signal)
      .then((loaded) => {
        if ('notModified' in loaded) {
          if (!entry) throw new Error('304 without a cached entry');
          entry.at = at();
          return entry.data;
        }
        this.entries.set(key, {
          data: loaded.data,
          etag: loaded.etag,
          at: at(),
          scope,
          load: load as Loader<unknown>,
        });
        return loaded.data;
      })
      .finally(() => {
        if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
      });
    this.inflight.set(key, { promise, scope });
    return promise;
  }

  /** The scopes (territories, and `*` for national data) of what the cache holds. */
  scopes(): string[] {
    return [...new Set([...this.entries.values()].map((e) => e.scope))];
  }

  /** Marks every entry of a territory (and the national ones) stale: the next read revalidates. */
  invalidate(scope: string): void {
    this.generation += 1;
    for (const entry of this.entries.values()) {
      if (entry.scope === scope || entry.scope === '*') entry.at = -Infinity;
    }
    for (const [key, running] of this.inflight) {
      if (running.scope === scope || running.scope === '*') this.inflight.delete(key);
    }
  }

  /**
   * Revalidates every entry of a territory with If-None-Match (polling, when no event stream is
   * available); resolves true when any of them changed.
   */
  async revalidate(scope: string): Promise<boolean> {
    const stale = [...this.entries].filter(([, e]) => e.scope === scope);
    const changed = await Promise.all(
      stale.map(async ([key, entry]) => {
        const before = entry.etag;
        await this.refresh(key, scope, entry.load).catch(() => undefined);
        return this.entries.get(key)?.etag !== before;
      }),
    );
    return changed.some(Boolean);
  }

  clear(): void {
    this.entries.clear();
  }
}
