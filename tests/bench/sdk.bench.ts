/**
 * `npm run bench:sdk` — the SDK's costs, side by side in one run:
 * 1. validating 1,000 members against the contract, beside JSON.parse of the same bytes;
 * 2. requests a page with four widgets sends through one shared client, beside four clients.
 */
import * as z from 'zod/mini';
import { Member, check } from '@tec/contract';
import { createTecClient, getTecClient } from '@tec/sdk';
import { startFaultProxy, startTestServer } from '@tec/api/testing';

const members = Array.from({ length: 1000 }, (_, i) => ({
  id: `mbr_${i}`,
  territory: 'roya',
  name: `Association numéro ${i} de la vallée`,
  kind: 'association',
  role: 'Animation des ateliers',
  joinedAt: '2026-03-12',
  commune: { insee: '06163', name: 'Tende' },
  website: `https://example.org/${i}`,
  logo: null,
  description: 'Membre fictif de la coalition, pour la démonstration.',
}));
const text = JSON.stringify(members);
const schema = z.array(Member);

function time(fn: () => void, rounds: number): number {
  for (let i = 0; i < 5; i += 1) fn(); // warm up
  const start = performance.now();
  for (let i = 0; i < rounds; i += 1) fn();
  return (performance.now() - start) / rounds;
}

const parseOnly = time(() => JSON.parse(text), 50);
const parseAndCheck = time(() => {
  const result = check(schema, JSON.parse(text));
  if (!result.ok) throw new Error('invalid');
}, 50);
console.log('| 1,000 members | ms per run |');
console.log('| --- | ---: |');
console.log(`| JSON.parse | ${parseOnly.toFixed(2)} |`);
console.log(`| JSON.parse + contract validation | ${parseAndCheck.toFixed(2)} |`);
console.log(
  `| validation alone | ${(parseAndCheck - parseOnly).toFixed(2)} (×${(parseAndCheck / parseOnly).toFixed(1)} of parse) |`,
);

const server = await startTestServer();
const proxy = await startFaultProxy(server.url);
/** What the four widgets of a territory page ask for when they start. */
async function fourWidgets(client: () => ReturnType<typeof createTecClient>) {
  const tracker = client();
  const cta = client();
  const list = client();
  const map = client();
  const stops = [tracker, cta, list, map].map((c) => c.live.subscribe({ territory: 'roya' }, () => {}));
  await Promise.all([
    tracker.territories.get('roya'),
    tracker.phases.list('roya'),
    cta.territories.get('roya'),
    cta.opportunities.list('roya'),
    list.territories.get('roya'),
    list.members.page('roya', { limit: 50 }),
    map.territories.get('roya'),
    map.geometry.territory('roya'),
  ]);
  await new Promise((r) => setTimeout(r, 300));
  const reads = proxy.count(/\/v1\/(?!events)/);
  const streams = proxy.open(/\/v1\/events/);
  stops.forEach((stop) => stop());
  proxy.reset();
  return { reads, streams };
}
const separate = await fourWidgets(() => createTecClient({ baseUrl: proxy.url }));
const shared = await fourWidgets(() => getTecClient(proxy.url));
console.log('\n| four widgets on one page | reads sent | event streams |');
console.log('| --- | ---: | ---: |');
console.log(`| four separate clients | ${separate.reads} | ${separate.streams} |`);
console.log(`| one shared client (getTecClient) | ${shared.reads} | ${shared.streams} |`);
console.log(`\nRequests saved by the shared cache: ${separate.reads - shared.reads} of ${separate.reads}.`);
await proxy.close();
await server.close();
