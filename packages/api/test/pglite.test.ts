// The embedded database's folder: created in a child process (so that initdb's memory is not
// kept by the server), opened in the server's own.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@tec/api';

describe('PGlite folder', () => {
  it('is created apart when missing, then opened here', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tec-pglite-'));
    const folder = join(parent, 'data');
    try {
      const db = await openDatabase({ dataDir: folder });
      try {
        assert.ok(existsSync(join(folder, 'PG_VERSION')), 'the folder holds a database cluster');
        assert.deepEqual(await db.query('select 41 + 1 as answer'), [{ answer: 42 }]);
      } finally {
        await db.close();
      }
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it("creates a cluster stopped partway again, keeping the server's own files in the folder", async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tec-pglite-'));
    const folder = join(parent, 'data');
    try {
      // What a first start stopped partway leaves: the server's lock and secret, part of a
      // cluster moved in (a damaged \`base\`, no PG_VERSION), and the folder it was built in.
      mkdirSync(join(folder, 'base', '1'), { recursive: true });
      writeFileSync(join(folder, 'base', '1', 'damaged'), 'x');
      writeFileSync(join(folder, 'tec.lock'), '{}');
      writeFileSync(join(folder, 'secret'), 'kept');
      mkdirSync(join(folder, '.creating', 'global'), { recursive: true });
      const db = await openDatabase({ dataDir: folder });
      try {
        assert.deepEqual(await db.query('select 41 + 1 as answer'), [{ answer: 42 }]);
      } finally {
        await db.close();
      }
      assert.ok(existsSync(join(folder, 'PG_VERSION')));
      assert.equal(existsSync(join(folder, 'base', '1', 'damaged')), false, 'the damaged part replaced');
      assert.equal(readFileSync(join(folder, 'secret'), 'utf8'), 'kept');
      assert.ok(existsSync(join(folder, 'tec.lock')));
      assert.equal(existsSync(join(folder, '.creating')), false, 'the folder it was built in removed');
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });

  it('says which folder could not be created and how its process ended, when that process fails', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'tec-pglite-'));
    const folder = join(parent, 'data');
    // A real failure of the child: it cannot start, since NODE_OPTIONS (which it inherits) asks
    // for a module that does not exist. Node prints why on the standard error the two share.
    const saved = process.env.NODE_OPTIONS;
    process.env.NODE_OPTIONS = `--require=${join(parent, 'missing.cjs')}`;
    try {
      await assert.rejects(
        openDatabase({ dataDir: folder }),
        (error: Error) =>
          error.message.includes(`folder ${folder} failed`) &&
          /its process exited with code [1-9]/.test(error.message),
      );
      // Nothing of a cluster left: the next start begins anew.
      assert.equal(existsSync(join(folder, 'PG_VERSION')), false);
      assert.deepEqual(readdirSync(folder), [], 'nothing left in the folder');
    } finally {
      if (saved === undefined) delete process.env.NODE_OPTIONS;
      else process.env.NODE_OPTIONS = saved;
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
