/**
 * The live event bus of one process. Events are rows of the `events` table; a NOTIFY after each
 * commit tells every process (PGlite: this one; PostgreSQL: all replicas) to read the new rows,
 * in id order, and hand them to their subscribers. A slow poll covers a lost notification.
 */
import type { LiveEvent } from '@tec/contract';
import type { Database } from './db/database.js';
import { eventsAfter, lastEventId } from './store.js';

export interface Subscriber {
  /** Territories to receive, or undefined for all. */
  territories: ReadonlySet<string> | undefined;
  deliver(event: LiveEvent): void;
}

export class EventBus {
  private last = '0';
  private readonly subscribers = new Set<Subscriber>();
  private pulling: Promise<void> = Promise.resolve();
  private pending = false;
  private unlisten: (() => Promise<void>) | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly onEvents: (events: LiveEvent[]) => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  async start(): Promise<void> {
    this.last = await lastEventId(this.db);
    this.unlisten = await this.db.listen('tec_events', () => this.pull());
    this.timer = setInterval(() => this.pull(), 5000);
    this.timer.unref();
  }

  /** The id of the newest event this process has delivered. */
  get lastId(): string {
    return this.last;
  }

  subscribe(subscriber: Subscriber): () => void {
    this.subscribers.add(subscriber);
    return () => this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Reads and delivers what was committed since the last read; calls coalesce. */
  pull(): Promise<void> {
    if (this.pending) return this.pulling;
    this.pending = true;
    this.pulling = this.pulling.then(async () => {
      this.pending = false;
      try {
        for (;;) {
          const events = await eventsAfter(this.db, this.last, undefined, 500);
          if (events.length === 0) return;
          this.last = events[events.length - 1]!.id;
          this.onEvents(events);
          for (const event of events) {
            for (const subscriber of this.subscribers) {
              if (!subscriber.territories || subscriber.territories.has(event.territory))
                subscriber.deliver(event);
            }
          }
          if (events.length < 500) return;
        }
      } catch (error) {
        this.onError(error);
      }
    });
    return this.pulling;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.unlisten?.().catch(() => {});
    await this.pulling;
    this.subscribers.clear();
  }
}
