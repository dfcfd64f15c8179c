/**
 * The server's admin socket: a Unix socket beside the data folder's lock, readable and writable
 * by the server's user only (mode 0600), through which `npm run admin` and `npm run geo:import`
 * act on a running PGlite server instead of opening its folder a second time. Their effect is
 * live at once: the server's own database, cache and event bus see it.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { chmodSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Database } from '../db/database.js';
import { CommandError, runAdminCommand, type AdminRequest } from './commands.js';

const MAX_REQUEST = 64 * 1024;

/** Where the socket of `dataDir` lives: in it, or in the temporary folder if its path is too long. */
export function socketPath(dataDir: string): string {
  const inside = join(resolve(dataDir), 'tec-admin.sock');
  if (Buffer.byteLength(inside) < 100) return inside;
  const hash = createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16);
  return join(tmpdir(), `tec-admin-${hash}.sock`);
}

export async function startControlSocket(
  path: string,
  db: Database,
  afterChange: () => void,
): Promise<{ close(): Promise<void> }> {
  rmSync(path, { force: true }); // ours: the folder's lock is held, so any file there is stale
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      void (async () => {
        let status = 200;
        let body: { lines?: string[]; error?: string };
        try {
          const request = JSON.parse(Buffer.concat(chunks).toString('utf8')) as AdminRequest;
          body = { lines: await runAdminCommand(db, request) };
          afterChange();
        } catch (error) {
          status = error instanceof CommandError ? 400 : 500;
          body = { error: error instanceof Error ? error.message : String(error) };
        }
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      })();
    });
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(path, () => ok());
  });
  chmodSync(path, 0o600);
  return {
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => {
          rmSync(path, { force: true });
          ok();
        });
      }),
  };
}

/** Sends one command to a running server's socket; resolves with its lines or rejects. */
export function callServer(path: string, request: AdminRequest): Promise<string[]> {
  return new Promise((ok, fail) => {
    const req = httpRequest(
      { socketPath: path, method: 'POST', path: '/', headers: { 'content-type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            const body = JSON.parse(text) as { lines?: string[]; error?: string };
            if (body.lines) ok(body.lines);
            else fail(new CommandError(body.error ?? `the server answered ${res.statusCode}`));
          } catch (error) {
            fail(error instanceof Error ? error : new Error(String(error)));
          }
        });
      },
    );
    req.on('error', fail);
    req.end(JSON.stringify(request));
  });
}
