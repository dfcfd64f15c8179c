/**
 * Production as deploy/ describes it, on the loopback with private folders: PostgreSQL with the
 * roles of deploy/postgresql/roles.sql, API processes started as the systemd unit starts them
 * (from the sources here), and nginx running deploy/nginx/tec.conf templated only for ports and
 * paths. Used by the end-to-end test (deploy.test.ts) and `npm run bench:scale`.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request } from 'node:https';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createTestDatabase, freePort } from '@tec/api/testing';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const version = (
  JSON.parse(readFileSync(join(root, 'packages/widgets/package.json'), 'utf8')) as { version: string }
).version;
export const ADMIN_TOKEN = 'deploy-admin-token-0123456789-abcdefghijkl';

/** A private folder, removed by `cleanup()`. */
export function privateFolder(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function postgresBin(name: string): string {
  const base = '/usr/lib/postgresql';
  const versions = readdirSync(base)
    .filter((v) => existsSync(join(base, v, 'bin', name)))
    .sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) throw new Error(`no ${name} in ${base}/*/bin: apt-get install postgresql`);
  return join(base, versions[0], 'bin', name);
}

export interface DatabaseUrls {
  /** The schema owner (TEC_MIGRATION_DATABASE_URL). */
  owner: string;
  /** The serving role (DATABASE_URL). */
  api: string;
  /** A superuser on the same server (what `sudo -u postgres` is on a host). */
  superuser: string;
}

/** A database and its two roles, made by deploy/postgresql/roles.sql through psql. */
export async function createDeploymentDatabase(): Promise<DatabaseUrls> {
  // Starts the test server (or takes TEC_TEST_DATABASE_URL's) and gives a superuser URL on it.
  const scratch = new URL(await createTestDatabase());
  const suffix = randomBytes(4).toString('hex');
  const names = { db: `tec_deploy_${suffix}`, owner: `tec_owner_${suffix}`, api: `tec_api_${suffix}` };
  const admin = new URL(scratch);
  admin.pathname = '/postgres';
  const psql = spawnSync(
    postgresBin('psql'),
    [
      admin.toString(),
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      ...Object.entries(names).flatMap(([k, v]) => ['-v', `${k}=${v}`]),
      '-v',
      'owner_password=owner-password',
      '-v',
      'api_password=api-password',
      '-f',
      join(root, 'deploy/postgresql/roles.sql'),
    ],
    { encoding: 'utf8' },
  );
  if (psql.status !== 0) throw new Error(`deploy/postgresql/roles.sql failed: ${psql.stderr}`);
  const url = (user: string, password: string) => {
    const u = new URL(scratch);
    u.username = user;
    u.password = password;
    u.pathname = `/${names.db}`;
    return u.toString();
  };
  const superuser = new URL(scratch);
  superuser.pathname = `/${names.db}`;
  return {
    owner: url(names.owner, 'owner-password'),
    api: url(names.api, 'api-password'),
    superuser: superuser.toString(),
  };
}

export interface ApiProcess {
  port: number;
  url: string;
  process: ChildProcess;
  exited: Promise<number | null>;
  /** SIGTERM (drain) or SIGKILL, and wait for the exit. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

/**
 * How tec-api@PORT starts the API: `node packages/api/dist/main.js`, the build's output, when
 * it is at least as new as the sources of the API and the contract (`npm test` builds it first);
 * otherwise the sources through tsx, so that an edit is tested without a build.
 */
export function apiCommand(): string[] {
  const built = ['api', 'contract'].every((name) => {
    const dist = join(root, 'packages', name, 'dist');
    return existsSync(join(dist, 'index.js')) && newest(dist) >= newest(join(root, 'packages', name, 'src'));
  });
  return built
    ? ['packages/api/dist/main.js']
    : ['--conditions=source', '--import', 'tsx', 'packages/api/src/main.ts'];
}

/** The API in its own process, as tec-api@PORT runs it (see apiCommand). */
export async function startApi(port: number, env: Record<string, string>): Promise<ApiProcess> {
  const child = spawn(process.execPath, apiCommand(), {
    cwd: root,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), TEC_LOG: 'silent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API on ${port} did not start: ${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('TEC API on ')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API on ${port} exited (${code}): ${output}`));
    });
  });
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    process: child,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Waits until `/v1/health` on the process's own port answers 200 (ready). */
export async function waitReady(api: { url: string }, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(`${api.url}/v1/health`)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${api.url} not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Copies the built CDN set into `folder/cdn/<version>/`, adding a `.br` and a `.gz` beside any
 * file the build did not precompress (node:zlib, the same settings as the build's).
 */
export function copyCdnSet(folder: string): string {
  const from = join(root, 'dist', 'cdn', version);
  if (!existsSync(join(from, 'manifest.json'))) throw new Error(`no CDN set in ${from}: run npm run build`);
  const to = join(folder, 'cdn', version);
  const copy = (src: string, dst: string) => {
    mkdirSync(dst, { recursive: true });
    for (const entry of readdirSync(src, { withFileTypes: true })) {
      if (entry.isDirectory()) copy(join(src, entry.name), join(dst, entry.name));
      else copyFileSync(join(src, entry.name), join(dst, entry.name));
    }
    for (const name of readdirSync(dst)) {
      const path = join(dst, name);
      if (/\.(br|gz)$/.test(name) || !statSync(path).isFile()) continue;
      const bytes = readFileSync(path);
      if (!existsSync(`${path}.br`)) {
        writeFileSync(
          `${path}.br`,
          brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        );
      }
      if (!existsSync(`${path}.gz`)) writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
    }
  };
  copy(from, to);
  return to;
}

export interface Nginx {
  /** https://127.0.0.1:PORT */
  url: string;
  port: number;
  folder: string;
  stop(): Promise<void>;
}

/** The shipped site configuration with ports and paths replaced; each must match once at least. */
export function templateSite(options: {
  folder: string;
  httpsPort: number;
  httpPort: number;
  upstreams: number[];
  limits?: boolean;
}): string {
  let text = readFileSync(join(root, 'deploy/nginx/tec.conf'), 'utf8');
  const replace = (pattern: RegExp, by: string) => {
    if (!pattern.test(text)) throw new Error(`deploy/nginx/tec.conf no longer contains ${pattern}`);
    text = text.replace(pattern, by);
  };
  replace(/\/etc\/letsencrypt\/live\/tec\.example\.org\//g, `${options.folder}/`);
  replace(/\/var\/www\/letsencrypt/g, join(options.folder, 'acme'));
  replace(/\/srv\/tec/g, options.folder);
  replace(/^\s*listen \[::\]:\d+.*$/gm, '');
  replace(/listen 80;/g, `listen 127.0.0.1:${options.httpPort};`);
  replace(/listen 443 ssl http2;/g, `listen 127.0.0.1:${options.httpsPort} ssl http2;`);
  const servers = options.upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=0;`).join('\n');
  replace(/(?:^\s*server 127\.0\.0\.1:\d+ [^\n]*\n)+/m, `${servers}\n`);
  // The bench measures throughput from one address: it lifts the per-client limits.
  if (options.limits === false) replace(/^\s*limit_(req|conn) [^\n]*$/gm, '');
  return text;
}

/** nginx in the foreground with a private prefix, a self-signed certificate and the site. */
export async function startNginx(options: {
  folder: string;
  upstreams: number[];
  limits?: boolean;
  /** The HTTPS port, when the API must know its origin before nginx starts. */
  httpsPort?: number;
}): Promise<Nginx> {
  const { folder } = options;
  for (const dir of ['tmp', 'acme', 'site', 'logs']) mkdirSync(join(folder, dir), { recursive: true });
  const cert = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-keyout',
      join(folder, 'privkey.pem'),
      '-out',
      join(folder, 'fullchain.pem'),
    ],
    { encoding: 'utf8' },
  );
  if (cert.status !== 0) throw new Error(`openssl: ${cert.stderr}`);
  const httpsPort = options.httpsPort ?? (await freePort());
  const httpPort = await freePort();
  writeFileSync(
    join(folder, 'tec.conf'),
    templateSite({ folder, httpsPort, httpPort, upstreams: options.upstreams, limits: options.limits }),
  );
  const modules = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
  if (!existsSync(modules)) throw new Error('apt-get install nginx libnginx-mod-http-brotli-static');
  const tmp = join(folder, 'tmp');
  writeFileSync(
    join(folder, 'nginx.conf'),
    `load_module ${modules};
${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
pid ${join(folder, 'nginx.pid')};
error_log ${join(folder, 'logs', 'error.log')} warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  sendfile on;
  access_log off;
  client_body_temp_path ${tmp}/body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  include ${join(folder, 'tec.conf')};
}
`,
  );
  const binary = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
  const child = spawn(binary, ['-p', folder, '-c', join(folder, 'nginx.conf'), '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let errors = '';
  child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errors}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(httpsPort, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) break;
    if (Date.now() > deadline) throw new Error(`nginx did not listen: ${errors}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `https://127.0.0.1:${httpsPort}`,
    port: httpsPort,
    folder,
    async stop() {
      child.kill('SIGQUIT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}

// ----- a client that comes from any loopback address -------------------------------------------

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

const agents = new Map<string, Agent>();

/** A keep-alive agent whose connections leave from `address` (any 127.x.y.z is the loopback). */
function agentFor(address: string): Agent {
  let agent = agents.get(address);
  if (!agent) {
    agent = new Agent({ keepAlive: true, localAddress: address, rejectUnauthorized: false, maxSockets: 16 });
    agents.set(address, agent);
  }
  return agent;
}

export function closeAgents(): void {
  for (const agent of agents.values()) agent.destroy();
  agents.clear();
}

/** The n-th client address: 127.0.<block>.<1..250>, one per simulated client. */
export function clientAddress(block: number, n: number): string {
  return `127.${block + Math.floor(n / 62_500)}.${Math.floor(n / 250) % 250}.${1 + (n % 250)}`;
}

/** One HTTPS request through nginx from `from` (default 127.0.0.1). */
export function call(
  base: string,
  method: string,
  path: string,
  options: { from?: string; headers?: Record<string, string>; body?: unknown; raw?: string } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  let payload: string | undefined = options.raw;
  if (options.body !== undefined) {
    payload = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  return new Promise((resolve, reject) => {
    const req = request(
      `${base}${path}`,
      { method, headers, agent: agentFor(options.from ?? '127.0.0.1') },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

export interface LiveEventSeen {
  event: string;
  id: string;
  data: string;
}

/**
 * An event stream through nginx that resumes as a browser's EventSource does: when the
 * connection ends, it reconnects with the last id it saw in Last-Event-ID.
 */
export function resumingStream(base: string, path: string, from = '127.0.0.1') {
  const events: LiveEventSeen[] = [];
  const waiters = new Set<() => void>();
  let lastId: string | undefined;
  let connections = 0;
  let closed = false;
  let current: ReturnType<typeof request> | undefined;
  const notify = () => waiters.forEach((w) => w());

  const open = () => {
    if (closed) return;
    const headers: Record<string, string> = { accept: 'text/event-stream' };
    if (lastId) headers['last-event-id'] = lastId;
    // Each stream on its own connection, as a browser holds one per page.
    const req = request(`${base}${path}`, {
      headers,
      agent: new Agent({ localAddress: from, rejectUnauthorized: false }),
    });
    current = req;
    let retried = false;
    const again = () => {
      if (retried || closed) return;
      retried = true;
      setTimeout(open, 50);
    };
    req.on('response', (res) => {
      res.on('close', again);
      if (res.statusCode !== 200) {
        res.resume();
        return;
      }
      connections += 1;
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          let event = 'message';
          let id: string | undefined;
          let data = '';
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue;
            const at = line.indexOf(':');
            const field = at < 0 ? line : line.slice(0, at);
            const value = at < 0 ? '' : line.slice(at + 1).replace(/^ /, '');
            if (field === 'event') event = value;
            else if (field === 'id') id = value;
            else if (field === 'data') data += value;
          }
          if (id !== undefined) lastId = id;
          if (event !== 'message' || data) events.push({ event, id: id ?? '', data });
        }
        notify();
      });
      res.on('error', () => {});
    });
    req.on('error', again);
    req.end();
  };
  open();

  return {
    events,
    get connections() {
      return connections;
    },
    /** Ids of the live events received (not `ready`). */
    ids: () => events.filter((e) => e.event !== 'ready').map((e) => e.id),
    /** Resolves when `test` holds, rejects after `timeoutMs`. */
    async until(test: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
      if (test()) return;
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!test()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`waited ${timeoutMs} ms for ${what}; got ${events.length} events`));
        }, timeoutMs);
        waiters.add(check);
      });
    },
    close() {
      closed = true;
      current?.destroy();
    },
  };
}

export function cleanup(folders: string[]): void {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
}
