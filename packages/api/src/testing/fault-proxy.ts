/**
 * A small HTTP proxy on loopback in front of the real API, for tests. It forwards everything as
 * it is, counts requests, and — only when a test asks — injects the faults that a real server
 * cannot be made to produce on demand: a delay past the timeout, a dropped connection, a lost
 * response, a 503 or a 429, malformed JSON, a body that breaks the contract, an event stream
 * cut in the middle of a message. It is a fake only for those faults, and says so.
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault =
  | { kind: 'delay'; ms: number }
  | { kind: 'drop' }
  /** Forwards the request (the server acts on it), then drops the connection before answering. */
  | { kind: 'lose-response' }
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  | { kind: 'malformed-json' }
  | { kind: 'body'; body: unknown }
  /** For an event stream: forwards until `afterEvents` messages passed, then cuts mid-message. */
  | { kind: 'cut-stream'; afterEvents: number }
  /**
   * Forwards the request, but drops the CORS headers of the answer (a reverse proxy that strips
   * them, an API that refuses the page's origin): the browser refuses the response to the page.
   */
  | { kind: 'no-cors' };

interface Injection {
  method: string | undefined;
  path: RegExp;
  fault: Fault;
  times: number;
}

export interface ProxyRequest {
  method: string;
  url: string;
  status: number | undefined;
  headers: IncomingMessage['headers'];
}

export interface FaultProxy {
  url: string;
  /** Every request seen, in order, with the status that was sent back. */
  requests: ProxyRequest[];
  inject(rule: { path: RegExp; method?: string; fault: Fault; times?: number }): void;
  /** Requests whose URL matches. */
  count(path: RegExp, method?: string): number;
  /** Open responses (event streams) whose URL matches. */
  open(path: RegExp): number;
  reset(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const injections: Injection[] = [];
  const requests: ProxyRequest[] = [];
  const openResponses = new Set<{ url: string; res: ServerResponse }>();

  function take(req: IncomingMessage): Fault | undefined {
    const rule = injections.find(
      (r) => r.times > 0 && r.path.test(req.url ?? '') && (!r.method || r.method === req.method),
    );
    if (!rule) return undefined;
    rule.times -= 1;
    return rule.fault;
  }

  function forward(req: IncomingMessage, res: ServerResponse, log: ProxyRequest, fault: Fault | undefined) {
    const headers = { ...req.headers, host: upstream.host };
    const out = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers },
      (answer) => {
        log.status = answer.statusCode;
        if (fault?.kind === 'lose-response') {
          answer.resume();
          answer.once('end', () => req.socket.destroy());
          return;
        }
        const headers =
          fault?.kind === 'no-cors'
            ? Object.fromEntries(
                Object.entries(answer.headers).filter(([name]) => !name.startsWith('access-control-')),
              )
            : answer.headers;
        res.writeHead(answer.statusCode ?? 502, headers);
        const entry = { url: req.url ?? '', res };
        openResponses.add(entry);
        res.once('close', () => openResponses.delete(entry));
        if (fault?.kind === 'cut-stream') {
          let buffer = '';
          let passed = 0;
          answer.setEncoding('utf8');
          answer.on('data', (chunk: string) => {
            buffer += chunk;
            let cut: number;
            while ((cut = buffer.indexOf('\n\n')) >= 0) {
              const message = buffer.slice(0, cut + 2);
              buffer = buffer.slice(cut + 2);
              if (message.startsWith(':')) continue; // heartbeats are not messages
              if (passed < fault.afterEvents) {
                passed += 1;
                res.write(message);
                continue;
              }
              // Half of the next message, then the connection dies (once what came before is out).
              answer.destroy();
              res.write(message.slice(0, Math.floor(message.length / 2)), () => res.socket?.destroy());
              return;
            }
          });
          answer.on('end', () => res.end());
          return;
        }
        answer.pipe(res);
      },
    );
    out.on('error', () => res.socket?.destroy());
    res.once('close', () => out.destroy());
    req.pipe(out);
  }

  const server = createServer((req, res) => {
    const log: ProxyRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '',
      status: undefined,
      headers: req.headers,
    };
    requests.push(log);
    const fault = take(req);
    const respond = (status: number, body: string, headers: Record<string, string> = {}) => {
      log.status = status;
      res.writeHead(status, { 'access-control-allow-origin': '*', ...headers }).end(body);
    };
    switch (fault?.kind) {
      case 'drop':
        req.socket.destroy();
        return;
      case 'delay':
        setTimeout(() => forward(req, res, log, undefined), fault.ms);
        return;
      case 'status':
        respond(
          fault.status,
          JSON.stringify({
            type: 'urn:tec:problem:unavailable',
            title: 'Injected fault',
            status: fault.status,
          }),
          { 'content-type': 'application/problem+json', ...fault.headers },
        );
        return;
      case 'malformed-json':
        respond(200, '{"items": [{"slug": "roya", ', { 'content-type': 'application/json' });
        return;
      case 'body':
        respond(200, JSON.stringify(fault.body), { 'content-type': 'application/json' });
        return;
      default:
        forward(req, res, log, fault);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    inject: ({ path, method, fault, times = 1 }) => injections.push({ path, method, fault, times }),
    count: (path, method) =>
      requests.filter((r) => path.test(r.url) && (!method || r.method === method)).length,
    open: (path) => [...openResponses].filter((o) => path.test(o.url)).length,
    reset: () => {
      injections.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const o of openResponses) o.res.socket?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
