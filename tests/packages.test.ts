/**
 * The packages install anywhere: the tarballs of contract, sdk, widgets and react (`npm pack`,
 * as `npm run release` makes them) are installed together into a fresh project in the system's
 * temporary folder — outside the repository, so nothing resolves through the monorepo's
 * node_modules — with their third-party dependencies from the npm registry. A strict TypeScript
 * file is type-checked against each resolution mode users still have (`node16`, `bundler`, and
 * legacy `node` through `typesVersions`), then compiled and run against a real API.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer } from '@tec/api/testing';
import { buildPackages, packPackages, PUBLIC_PACKAGES } from '../scripts/release.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const pkg = (name: string) =>
  JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
  };
const rootDev = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
).devDependencies;

/** What a developer writes after `npm install`: typed calls, and two errors the types must catch. */
const CONSUMER = `import { getTecClient, TecHttpError, type MemberPageQuery } from '@tec/sdk';
import { PROBLEM_TYPES, type Problem, type ProblemTypeUri } from '@tec/contract';
import type { TecPhaseTracker } from '@tec/widgets';
import type {} from '@tec/widgets/tec-provider.define.js';

const tec = getTecClient(process.env.TEC_API ?? 'http://127.0.0.1:9');
const query: MemberPageQuery = { kind: 'association', limit: 5 };
// @ts-expect-error limit is a number, not text
const wrong: MemberPageQuery = { limit: '5' };
const known = (p: Problem): ProblemTypeUri => p.type; // a union of URIs, not a plain string
// @ts-expect-error not one of the problem types
const unknown: Problem['type'] = 'urn:tec:problem:nope';
export type Widgets = [TecPhaseTracker, HTMLElementTagNameMap['tec-provider']];

const territories = await tec.territories.list();
const page = await tec.members.page('roya', query);
let problem: ProblemTypeUri | undefined;
try {
  await tec.territories.get('atlantide');
} catch (error) {
  if (error instanceof TecHttpError && error.problem) problem = known(error.problem);
}
console.log(JSON.stringify({
  territories: territories.map((t) => t.slug),
  members: page.items.length,
  problem,
  notFound: problem === PROBLEM_TYPES.notFound.type,
  unused: [wrong, unknown].length,
}));
`;

const REACT = `import { PhaseTracker } from '@tec/react';
export const App = () => <PhaseTracker api="http://127.0.0.1:8787" territory="roya" />;
`;

/** Each resolution mode with the module setting TypeScript pairs it with. */
const MODES = [
  ['node16', 'node16'],
  ['bundler', 'esnext'],
  ['node10', 'esnext'],
] as const;

describe('the packages, installed from their tarballs outside the repository', () => {
  let dir: string;
  let api: Awaited<ReturnType<typeof startTestServer>>;

  before(async () => {
    buildPackages();
    dir = mkdtempSync(join(tmpdir(), 'tec-consumer-'));
    const tarballs = packPackages(join(dir, 'tarballs'));
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module' }, null, 2),
    );
    execFileSync(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--ignore-scripts',
        '--loglevel=error',
        ...tarballs,
        `react@${rootDev.react}`,
        `@types/react@${rootDev['@types/react']}`,
        `@types/node@${rootDev['@types/node']}`,
      ],
      { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] },
    );
    writeFileSync(join(dir, 'consumer.ts'), CONSUMER);
    writeFileSync(join(dir, 'app.tsx'), REACT);
    api = await startTestServer();
  });

  after(async () => {
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('installs the four tarballs together, each with its README and LICENSE', () => {
    assert.ok(!dir.startsWith(root), 'the project is outside the repository');
    for (const name of PUBLIC_PACKAGES) {
      const folder = join(dir, 'node_modules', '@tec', name);
      for (const file of ['package.json', 'README.md', 'LICENSE', 'dist/index.d.ts', 'dist/index.js'])
        assert.ok(existsSync(join(folder, file)), `@tec/${name}/${file}`);
      assert.equal(pkg(name).devDependencies, undefined, `@tec/${name} has no devDependencies to install`);
    }
    // One copy of each: the packages' dependencies on each other are met by the tarballs.
    assert.ok(!existsSync(join(dir, 'node_modules', '@tec', 'sdk', 'node_modules', '@tec')));
  });

  for (const [resolution, module] of MODES) {
    it(`type-checks a strict consumer with moduleResolution ${resolution}`, () => {
      const result = spawnSync(
        process.execPath,
        [
          tsc,
          '--noEmit',
          '--strict',
          // What \`tsc --init\` sets; the legacy mode needs it for zod's and React's own types.
          '--esModuleInterop',
          '--module',
          module,
          '--moduleResolution',
          resolution,
          '--target',
          'es2022',
          '--lib',
          'es2023,dom',
          '--types',
          'node',
          '--jsx',
          'react-jsx',
          'consumer.ts',
          'app.tsx',
        ],
        { cwd: dir, encoding: 'utf8' },
      );
      assert.equal(result.status, 0, `${result.stdout}${result.stderr}`);
    });
  }

  it('runs the compiled consumer against the API', async () => {
    execFileSync(
      process.execPath,
      [
        tsc,
        '--strict',
        '--module',
        'node16',
        '--target',
        'es2022',
        '--lib',
        'es2023,dom',
        '--types',
        'node',
        '--outDir',
        'out',
        'consumer.ts',
      ],
      { cwd: dir, stdio: 'inherit' },
    );
    // Asynchronously: the API answers from this process's event loop.
    const { stdout: out } = await promisify(execFile)(process.execPath, ['out/consumer.js'], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, TEC_API: api.url, NODE_OPTIONS: '' },
    });
    const result = JSON.parse(out) as {
      territories: string[];
      members: number;
      problem: string;
      notFound: boolean;
    };
    assert.equal(result.territories.length, 6);
    assert.ok(result.territories.includes('roya'));
    assert.ok(result.members > 0 && result.members <= 5, String(result.members));
    assert.equal(result.problem, 'urn:tec:problem:not-found');
    assert.equal(result.notFound, true);
  });
});
