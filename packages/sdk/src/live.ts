/**
 * Live events for a client: one connection however many subscribers. In browsers it is an
 * `EventSource`; where there is none (Node.js 20) a fetch stream reads the same Server-Sent
 * Events. It resumes with Last-Event-ID, reconnects with backoff, falls back to polling with
 * If-None-Match when streams keep failing, and pauses while the page is hidden.
 */
import { LIVE_EVENT_TYPES, LiveEvent, RELOAD_EVENT, check } from '@tec/contract';
import type { ResponseCache } from './cache.js';

/**
 * A change, or `resync`: something of the territory changed, refetch what you show. After the
 * server's `reload` (it could not replay what was missed), every subscriber gets one `resync`
 * per territory it follows (`*` for one that follows all), once the cache has reloaded.
 */
export type LiveNotice = LiveEvent | { type: 'resync'; territory: string };
export type LiveListener = (notice: LiveNotice) => void;
export type LiveState = 'idle' | 'connecting' | 'open' | 'polling' | 'paused';

export interface LiveOptions {
  /** `auto` (EventSource, else a fetch stream), or force one transport. */
  transport?: 'auto' | 'eventsource' | 'fetch' | 'poll';
  /** Milliseconds between two polls when streams are unavailable (default 30 s). */
  pollInterval?: number;
  /** Failed stream attempts in a row before polling instead (default 3). */
  maxStreamFailures?: number;
  /** Longest wait between two reconnections, in ms (default 30 s). */
  maxBackoff?: number;
}

interface Subscriber {
  territories: ReadonlySet<string> | undefined;
  listener: LiveListener;
}

export class LiveConnection {
  state: LiveState = 'idle';
  /** Id of the newest event received (sent back as Last-Event-ID). */
  lastEventId: string | undefined;
  private readonly subscribers = new Set<Subscriber>();
  private source: EventSource | undefined;
  private abort: AbortController | undefined;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private filter = '';
  private scheduled = false;
  /** The server's `retry:` advice, in ms, for reconnecting after it ended a stream. */
  private retryMs: number | undefined;
  private readonly onVisibility = () => this.visibilityChanged();

  constructor(
    private readonly baseUrl: string,
    private readonly cache: ResponseCache,
    private readonly fetchImpl: typeof fetch,
    private readonly options: LiveOptions = {},
  ) {}

  subscribe(territories: string[] | undefined, listener: LiveListener): () => void {
    const subscriber: Subscriber = { territories: territories ? new Set(territories) : undefined, listener };
    this.subscribers.add(subscriber);
    if (this.subscribers.size === 1 && typeof document !== 'undefined') {
      document.addEventListener('visibilitychange', this.onVisibility);
    }
    this.schedule();
    return () => {
      if (!this.subscribers.delete(subscriber)) return;
      if (this.subscribers.size === 0) {
        this.stop();
        if (typeof document !== 'undefined')
          document.removeEventListener('visibilitychange', this.onVisibility);
      } else this.schedule();
    };
  }

  /** The comma-separated territories wanted, or '' for all. */
  private wanted(): string {
    const all = new Set<string>();
    for (const s of this.subscribers) {
      if (!s.territories) return '';
      for (const t of s.territories) all.add(t);
    }
    return [...all].sort().join(',');
  }

  /** (Re)connects once per tick, so subscribers added together cause one connection. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      if (this.subscribers.size === 0 || this.state === 'paused') return;
      const wanted = this.wanted();
      if (wanted === this.filter && this.state !== 'idle') return;
      this.filter = wanted;
      this.connect();
    });
  }

  private hidden(): boolean {
    return typeof document !== 'undefined' && document.visibilityState === 'hidden';
  }

  private visibilityChanged(): void {
    if (this.hidden()) {
      this.close();
      this.state = 'paused';
    } else if (this.state === 'paused') {
      this.state = 'idle';
      this.connect(); // resumes from lastEventId: what happened meanwhile is replayed
    }
  }

  private transport(): 'eventsource' | 'fetch' | 'poll' {
    const wanted = this.options.transport ?? 'auto';
    if (wanted !== 'auto') return wanted;
    if (this.failures >= (this.options.maxStreamFailures ?? 3)) return 'poll';
    return typeof EventSource === 'function' ? 'eventsource' : 'fetch';
  }

  private url(): string {
    const params = new URLSearchParams();
    if (this.filter) params.set('territory', this.filter);
    if (this.lastEventId) params.set('lastEventId', this.lastEventId);
    const query = params.toString();
    return `${this.baseUrl}/v1/events${query ? `?${query}` : ''}`;
  }

  private connect(): void {
    this.close();
    if (this.hidden()) {
      this.state = 'paused';
      return;
    }
    const transport = this.transport();
    if (transport === 'poll') return this.startPolling();
    this.state = 'connecting';
    if (transport === 'eventsource') this.openEventSource();
    else void this.openFetchStream();
  }

  private openEventSource(): void {
    const source = new EventSource(this.url());
    this.source = source;
    source.addEventListener('ready', (m) => this.ready((m as MessageEvent<string>).data));
    source.addEventListener(RELOAD_EVENT, (m) => void this.reload((m as MessageEvent<string>).data));
    for (const type of LIVE_EVENT_TYPES) {
      source.addEventListener(type, (m) => this.receive((m as MessageEvent<string>).data));
    }
    source.onerror = () => {
      // The browser would retry by itself, but only from the last event it managed to read: a
      // connection reset can drop the bytes of an event it had not read yet, and then it resumes
      // from too far. We reconnect ourselves, from the position the server last told us.
      this.failed(this.state !== 'open');
    };
  }

  private async openFetchStream(): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    try {
      const response = await this.fetchImpl(this.url(), {
        headers: {
          accept: 'text/event-stream',
          ...(this.lastEventId ? { 'last-event-id': this.lastEventId } : {}),
        },
        signal: abort.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
      if (response.status === 503) {
        // The server takes no more streams: poll (it says so with Retry-After), try again later.
        await response.body?.cancel().catch(() => {});
        if (this.abort === abort) this.pollNow();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`event stream answered ${response.status}`);
      // The Server-Sent Events format (CRLF or CR line ends, multi-line data, comments, retry)
      // is read by a kept library, as EventSource would. It is loaded only here, where there is
      // no EventSource (Node.js 20) or the transport is forced: browsers never fetch it otherwise
      // (in the CDN set it is a chunk of its own, out of the runtime every widget loads).
      const { createParser } = await import('eventsource-parser');
      const parser = createParser({
        onEvent: (message) => {
          if (this.abort !== abort) return;
          if (message.event === 'ready') this.ready(message.data);
          else if (message.event === RELOAD_EVENT) void this.reload(message.data);
          else if (message.data) this.receive(message.data);
        },
        onRetry: (ms) => (this.retryMs = ms),
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.feed(value);
      }
      // The server ended the stream (it is draining): reconnect, resuming where we were.
      if (this.abort === abort) this.failed(false);
    } catch {
      if (this.abort === abort && !abort.signal.aborted) this.failed(this.state !== 'open');
    }
  }

  private ready(data: string): void {
    this.failures = 0;
    this.state = 'open';
    if (!this.lastEventId) {
      try {
        const id = (JSON.parse(data) as { lastEventId?: unknown }).lastEventId;
        if (typeof id === 'string' && /^\d{1,20}$/.test(id)) this.lastEventId = id;
      } catch {
        // a ready message without a position: start from now
      }
    }
  }

  /**
   * The server could not replay what this client missed (too much, too old, or an id it never
   * issued): reload what the cache holds, then tell every subscriber to refresh.
   */
  private async reload(data: string): Promise<void> {
    try {
      const id = (JSON.parse(data) as { lastEventId?: unknown }).lastEventId;
      if (typeof id === 'string' && /^\d{1,19}$/.test(id)) this.lastEventId = id;
    } catch {
      // no position: keep ours; the server goes on live anyway
    }
    const scopes = this.cache.scopes();
    for (const scope of scopes) this.cache.invalidate(scope);
    await Promise.all(scopes.map((scope) => this.cache.revalidate(scope).catch(() => false)));
    for (const s of [...this.subscribers]) {
      for (const territory of s.territories ?? ['*']) {
        try {
          s.listener({ type: 'resync', territory });
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  }

  private receive(data: string): void {
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return; // not an event of ours
    }
    const result = check(LiveEvent, json);
    if (!result.ok) return; // an event this version does not know: ignore it, as the contract says
    const event = result.data;
    if (this.lastEventId && BigInt(event.id) <= BigInt(this.lastEventId)) return; // already seen
    this.lastEventId = event.id;
    this.cache.invalidate(event.territory);
    this.dispatch(event);
  }

  private dispatch(notice: LiveNotice): void {
    for (const s of [...this.subscribers]) {
      if (s.territories && !s.territories.has(notice.territory)) continue;
      try {
        s.listener(notice);
      } catch (error) {
        queueMicrotask(() => {
          throw error; // a listener's bug must not stop the others
        });
      }
    }
  }

  /** Streams are refused (503): poll from now on, and try a stream again now and then. */
  private pollNow(): void {
    this.close();
    this.failures = this.options.maxStreamFailures ?? 3;
    this.connect();
  }

  private failed(countAsFailure = true): void {
    this.close();
    if (countAsFailure) this.failures += 1;
    this.state = 'connecting';
    const max = this.options.maxBackoff ?? 30_000;
    const delay = countAsFailure
      ? Math.min(max, 1000 * 2 ** (this.failures - 1)) * (0.5 + Math.random() / 2)
      : Math.min(max, this.retryMs ?? 250);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.subscribers.size > 0) this.connect();
    }, delay);
  }

  private startPolling(): void {
    this.state = 'polling';
    const interval = this.options.pollInterval ?? 30_000;
    let polls = 0;
    this.pollTimer = setInterval(() => {
      polls += 1;
      // Every tenth poll, try the stream again.
      if (polls % 10 === 0 && (this.options.transport ?? 'auto') === 'auto') {
        this.failures = 0;
        this.connect();
        return;
      }
      void this.poll();
    }, interval);
  }

  /** Revalidates the cached data of each subscribed territory; announces a resync where it changed. */
  async poll(): Promise<void> {
    const territories = new Set<string>();
    for (const s of this.subscribers) for (const t of s.territories ?? []) territories.add(t);
    for (const territory of territories) {
      if (await this.cache.revalidate(territory)) this.dispatch({ type: 'resync', territory });
    }
  }

  private close(): void {
    this.source?.close();
    this.source = undefined;
    this.abort?.abort();
    this.abort = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = undefined;
  }

  private stop(): void {
    this.close();
    this.state = 'idle';
    this.filter = '';
  }
}
