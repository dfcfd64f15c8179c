/**
 * `npm run openapi`: writes docs/openapi.json from the contract's endpoint table.
 * `--check` exits 1 when the committed file differs from what the table generates.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { buildOpenApiDocument } from '@tec/contract/openapi';

const root = new URL('../', import.meta.url);
const target = new URL('docs/openapi.json', root);

const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { version: string };
const text = `${JSON.stringify(buildOpenApiDocument(pkg.version), null, 2)}\n`;

if (process.argv.includes('--check')) {
  const current = await readFile(target, 'utf8').catch(() => '');
  if (current !== text) {
    console.error('docs/openapi.json is stale: run `npm run openapi` and commit the result.');
    process.exit(1);
  }
  console.log('docs/openapi.json is up to date.');
} else {
  await writeFile(target, text);
  console.log(`wrote docs/openapi.json (${text.length} bytes)`);
}
