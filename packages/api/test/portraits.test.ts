// The portrait (GET /v1/territories/{slug}/portrait and its admin PATCH) against the real
// server, on PGlite and on PostgreSQL alike: what each territory shows at its phase, the cache,
// the live event, and bad input refused with nothing written.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Portrait, type Portrait as PortraitT } from '@tec/contract';
import { ENGINES, startTestServer, type TestServer } from '@tec/api/testing';
import { admin, assertNoEvent, assertProblem, get, openStream, valid } from './helpers.js';

const FINISHING_PHASE_1 = ['entre-deux-mers', 'forbach', 'nantes-bellevue'];
const IN_SELECTION = ['auvergne-rhone-alpes', 'haute-garonne'];

for (const engine of ENGINES) {
  describe(`portraits on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({ engine });
    });
    after(() => server.close());
    const portrait = (slug: string) => get<PortraitT>(server, `/v1/territories/${slug}/portrait`);

    it('shows the Roya’s published portrait, with its binôme and a public contact page', async () => {
      const reply = await portrait('roya');
      assert.equal(reply.status, 200, reply.text);
      valid(Portrait, reply.body);
      const p = reply.body;
      assert.equal(p.status, 'publie');
      assert.match(p.publishedAt ?? '', /^2026-/);
      assert.ok(p.entretiens > 0 && p.benevoles > 0);
      assert.ok(p.forcesVives.acteursMoteurs.length > 0 && p.vulnerabilites.tangibles.length > 0);
      assert.ok(p.maturite?.meaning);
      assert.equal(p.binome?.fondation.organisation, 'Fondation de France');
      assert.equal(p.binome?.kiif.member, 'InterMade');
      assert.match(p.binome?.contact.url ?? '', /^https:\/\//);
      assert.ok(p.demo);
      assert.equal(reply.headers.get('cache-control'), 'public, max-age=60, stale-while-revalidate=300');
      assert.equal(reply.headers.get('access-control-allow-origin'), '*');
    });

    it('shows a portrait in progress, with what was gathered, where phase 1 is finishing', async () => {
      for (const slug of FINISHING_PHASE_1) {
        const reply = await portrait(slug);
        valid(Portrait, reply.body);
        assert.equal(reply.body.status, 'en-cours', slug);
        assert.equal(reply.body.publishedAt, null, slug);
        assert.ok(reply.body.entretiens > 0, slug);
        assert.ok(reply.body.binome, slug);
        assert.ok(reply.body.demo, slug);
      }
    });

    it('answers an empty portrait « à venir » for a territory being selected, 404 for an unknown one', async () => {
      for (const slug of IN_SELECTION) {
        const reply = await portrait(slug);
        assert.equal(reply.status, 200, reply.text);
        valid(Portrait, reply.body);
        assert.equal(reply.body.status, 'a-venir');
        assert.equal(reply.body.binome, null);
        assert.equal(reply.body.entretiens, 0);
        assert.equal(reply.body.summary, null);
        assert.deepEqual(reply.body.forcesVives, { acteursMoteurs: [], ressources: [], savoirFaire: [] });
      }
      assertProblem(await portrait('atlantide'), 404, 'not-found');
      assertProblem(await portrait('Roya!'), 400, 'validation');
    });

    it('holds no e-mail address and no mailto link in any portrait', async () => {
      for (const slug of ['roya', ...FINISHING_PHASE_1, ...IN_SELECTION]) {
        const text = (await portrait(slug)).text;
        assert.ok(!/@|mailto:/i.test(text), `${slug}: ${text.slice(0, 200)}`);
      }
    });

    it('publishes an edit live, dates a publication, and answers 304 until the next change', async () => {
      const first = await portrait('forbach');
      const etag = first.headers.get('etag')!;
      assert.equal(
        (await get(server, '/v1/territories/forbach/portrait', { 'if-none-match': etag })).status,
        304,
      );
      const stream = openStream(`${server.url}/v1/events?territory=forbach`);
      await stream.until('ready');
      const reply = await admin<PortraitT>(server, 'PATCH', '/territories/forbach/portrait', {
        status: 'publie',
        entretiens: 24,
        cultureLocale: 'Une culture ouvrière et frontalière.',
      });
      assert.equal(reply.status, 200, reply.text);
      valid(Portrait, reply.body);
      assert.equal(reply.body.status, 'publie');
      assert.equal(reply.body.publishedAt, new Date().toISOString().slice(0, 10));
      assert.equal(reply.body.entretiens, 24);
      assert.equal(reply.body.summary, first.body.summary, 'fields not sent are kept');
      const [event] = await stream.until('portrait.updated');
      const payload = JSON.parse(event!.data) as { portrait: PortraitT };
      assert.deepEqual(payload.portrait, reply.body);
      stream.close();
      const changed = await get<PortraitT>(server, '/v1/territories/forbach/portrait', {
        'if-none-match': etag,
      });
      assert.equal(changed.status, 200);
      assert.equal(changed.body.cultureLocale, 'Une culture ouvrière et frontalière.');
    });

    it('refuses unknown fields, wrong types and oversized lists, writing nothing and pushing nothing', async () => {
      const before = (await portrait('nantes-bellevue')).text;
      await assertNoEvent(server, 'nantes-bellevue', async () => {
        const cases: [unknown, string][] = [
          [{ hacked: true }, 'body'],
          [{ status: 'termine' }, 'body.status'],
          [{ entretiens: '12' }, 'body.entretiens'],
          [{ entretiens: -1 }, 'body.entretiens'],
          [{ summary: 42 }, 'body.summary'],
          [{ binome: { fondation: 'x' } }, 'body.binome'],
          [
            {
              forcesVives: {
                acteursMoteurs: Array.from({ length: 500 }, () => ({ label: 'x' })),
                ressources: [],
                savoirFaire: [],
              },
            },
            'body',
          ],
          [[], 'body'],
        ];
        for (const [body, path] of cases) {
          const reply = await admin(server, 'PATCH', '/territories/nantes-bellevue/portrait', body);
          assert.ok(
            reply.status === 400 || reply.status === 413,
            `${JSON.stringify(body).slice(0, 60)} → ${reply.status}`,
          );
          if (reply.status === 400) {
            const problem = assertProblem(reply, 400, 'validation');
            assert.ok(
              problem.errors?.some((e) => e.path.startsWith(path)),
              `${JSON.stringify(body).slice(0, 60)} → ${JSON.stringify(problem.errors)}`,
            );
          }
        }
        const contact = await admin(server, 'PATCH', '/territories/nantes-bellevue/portrait', {
          binome: {
            fondation: { team: 'Équipe', organisation: 'Fondation de France' },
            kiif: { member: 'Les Ecossolies', organisation: 'Kiif' },
            contact: { label: 'Écrire', url: 'mailto:personne@example.org' },
          },
        });
        assertProblem(contact, 400, 'validation');
      });
      assert.equal((await portrait('nantes-bellevue')).text, before);
    });
  });
}
