// The server as an operating system process: durability under SIGKILL, draining on SIGTERM.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engagement, EngagementReceipt } from '@tec/contract';
import { ENGINES, TEST_ADMIN_TOKEN, createTestDatabase, type Engine } from '@tec/api/testing';
import { openStream, request, signup } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const folders: string[] = [];
after(() => folders.forEach((f) => rmSync(f, { recursive: true, force: true })));

interface Child {
  process: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

/** Starts `npm start`'s entry point in its own process and waits for its URL. */
async function spawnServer(env: Record<string, string>): Promise<Child> {
  const child = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', 'packages/api/src/main.ts'],
    {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        TEC_LOG: 'silent',
        TEC_ADMIN_TOKEN: TEST_ADMIN_TOKEN,
        TEC_SIGNUP_RATE: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /TEC API on (http:\/\/[^\s]+)\/v1/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
  });
  return { process: child, url, exited };
}

async function envFor(engine: Engine): Promise<Record<string, string>> {
  if (engine === 'postgres') return { DATABASE_URL: await createTestDatabase() };
  const folder = mkdtempSync(join(tmpdir(), 'tec-data-'));
  folders.push(folder);
  return { TEC_DATA_DIR: folder };
}

for (const engine of ENGINES) {
  describe(`server process on ${engine}`, () => {
    it('keeps every sign-up that got a 201 when killed with SIGKILL mid-burst', async () => {
      const env = await envFor(engine);
      const first = await spawnServer(env);
      const receipts: EngagementReceipt[] = [];
      let stop = false;
      const worker = async (w: number) => {
        for (let i = 0; !stop; i += 1) {
          try {
            const reply = await request<EngagementReceipt>(
              first,
              'POST',
              '/v1/territories/roya/engagements',
              {
                body: signup('opp_roya_1', { email: `burst-${w}-${i}@example.org` }),
              },
            );
            if (reply.status === 201) receipts.push(reply.body);
          } catch {
            return; // the connection died with the server
          }
        }
      };
      const workers = Array.from({ length: 8 }, (_, w) => worker(w));
      while (receipts.length < 60) await new Promise((r) => setTimeout(r, 5));
      first.process.kill('SIGKILL');
      stop = true;
      await Promise.all(workers);
      await first.exited;

      const second = await spawnServer(env);
      try {
        const stored = await request<{ items: Engagement[] }>(
          second,
          'GET',
          '/v1/admin/territories/roya/engagements',
          {
            token: TEST_ADMIN_TOKEN,
          },
        );
        const ids = new Set(stored.body.items.map((e) => e.id));
        const lost = receipts.filter((r) => !ids.has(r.id));
        assert.equal(lost.length, 0, `${lost.length} of ${receipts.length} acknowledged sign-ups were lost`);
        assert.ok(receipts.length >= 60);
      } finally {
        second.process.kill('SIGTERM');
        await second.exited;
      }
    });

    it('drains on SIGTERM: streams end, the process exits 0', async () => {
      const server = await spawnServer(await envFor(engine));
      const stream = openStream(`${server.url}/v1/events`);
      await stream.until('ready');
      server.process.kill('SIGTERM');
      assert.equal(await server.exited, 0);
      await stream.done.catch(() => {});
      assert.equal(stream.ended, true);
      await assert.rejects(fetch(`${server.url}/v1/health`));
    });
  });
}
