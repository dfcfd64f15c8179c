/** Small HTTP helpers for the API tests: plain fetch against the real server. */
import assert from 'node:assert/strict';
import { check, type Problem } from '@tec/contract';
import type { TestServer } from '@tec/api/testing';

export interface Reply<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export async function request<T = unknown>(
  server: { url: string },
  method: string,
  path: string,
  options: { body?: unknown; raw?: string; headers?: Record<string, string>; token?: string } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.raw !== undefined) body = options.raw;
  else if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  if (/json/.test(response.headers.get('content-type') ?? '') && text) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

export const get = <T = unknown>(s: { url: string }, path: string, headers: Record<string, string> = {}) =>
  request<T>(s, 'GET', path, { headers });

export const admin = <T = unknown>(s: TestServer, method: string, path: string, body?: unknown) =>
  request<T>(s, method, `/v1/admin${path}`, { body, token: s.adminToken });

/** Asserts that `body` matches the contract's `schema`, naming the fields that do not. */
export function valid(schema: Parameters<typeof check>[0], body: unknown): void {
  const result = check(schema, body);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
}

/** Asserts an RFC 9457 problem of the given type and status, and returns it. */
export function assertProblem(reply: Reply, status: number, type: string): Problem {
  assert.equal(reply.status, status, reply.text);
  assert.match(reply.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const problem = reply.body as Problem;
  assert.equal(problem.type, `urn:tec:problem:${type}`, reply.text);
  assert.equal(problem.status, status);
  assert.ok(!/at .*\.ts:\d+/.test(reply.text), 'no stack trace in a problem');
  return problem;
}

export function signup(opportunityId: string, overrides: Record<string, unknown> = {}) {
  return {
    opportunityId,
    firstName: 'Camille',
    email: 'camille@example.org',
    availability: ['week-end'],
    consent: true,
    ...overrides,
  };
}

export interface SseEvent {
  event: string;
  id?: string;
  data: string;
}

/**
 * Opens an event stream and collects its messages. `until` resolves once `count` messages of
 * the given name have arrived (or rejects after `timeoutMs`).
 */
export function openStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const events: SseEvent[] = [];
  const waiters: { test: () => boolean; resolve: () => void }[] = [];
  let ended = false;
  const done = (async () => {
    const response = await fetch(url, { headers, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        buffer += value;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const message: SseEvent = { event: 'message', data: '' };
          let isComment = true;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            isComment = false;
            const [field, ...rest] = line.split(':');
            const value = rest.join(':').replace(/^ /, '');
            if (field === 'event') message.event = value;
            else if (field === 'id') message.id = value;
            else if (field === 'data') message.data += value;
          }
          if (!isComment) events.push(message);
          for (const w of [...waiters]) if (w.test()) w.resolve();
        }
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    } finally {
      ended = true;
      for (const w of waiters) w.resolve();
    }
  })();
  done.catch(() => {});
  return {
    events,
    done,
    get ended() {
      return ended;
    },
    named: (name: string) => events.filter((e) => e.event === name),
    async until(name: string, count = 1, timeoutMs = 5000): Promise<SseEvent[]> {
      const test = () => events.filter((e) => e.event === name).length >= count;
      if (!test()) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () =>
              reject(
                new Error(
                  `waited ${timeoutMs} ms for ${count} "${name}" events; got ${JSON.stringify(events.map((e) => e.event))}`,
                ),
              ),
            timeoutMs,
          );
          waiters.push({
            test,
            resolve: () => {
              clearTimeout(timer);
              resolve();
            },
          });
        });
      }
      return events.filter((e) => e.event === name);
    },
    close: () => controller.abort(),
  };
}

/**
 * Runs `attempt` (requests that must change nothing) and asserts that it pushed no live event
 * for `territory`: a marker change made after it must be the first thing the stream receives.
 */
export async function assertNoEvent(
  server: TestServer,
  territory: string,
  attempt: () => Promise<void>,
): Promise<void> {
  const stream = openStream(`${server.url}/v1/events?territory=${territory}`);
  try {
    await stream.until('ready');
    await attempt();
    const marker = Math.round(Math.random() * 1000) / 10_000;
    const reply = await admin(server, 'PATCH', `/territories/${territory}/phases/coalition`, {
      progress: marker,
    });
    assert.equal(reply.status, 200, reply.text);
    await stream.until('phase.updated');
    await stream.until('territory.updated');
    const types = stream.events.filter((e) => e.event !== 'ready').map((e) => e.event);
    assert.deepEqual(types, ['phase.updated', 'territory.updated'], 'no event before the marker');
  } finally {
    stream.close();
  }
}
