// Live events: delivery per territory, resuming, order, places, on PGlite and on PostgreSQL alike.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { type Member } from '@tec/contract';
import { ENGINES, startTestServer, type TestServer } from '@tec/api/testing';
import { admin, assertProblem, get, openStream, request, signup } from './helpers.js';

for (const engine of ENGINES) {
  describe(`API on ${engine}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer({
        engine,
        config: { allowedOrigins: ['https://mairie-tende.example'] },
      });
    });
    after(() => server.close());

    describe('live events', () => {
      it('streams an admin change to subscribers of its territory only', async () => {
        const roya = openStream(`${server.url}/v1/events?territory=roya`);
        const nantes = openStream(`${server.url}/v1/events?territory=nantes-bellevue`);
        await roya.until('ready');
        await nantes.until('ready');
        const created = await admin<Member>(server, 'POST', '/territories/roya/members', {
          name: 'Membre en direct',
          kind: 'citoyen',
          joinedAt: '2026-11-26',
          commune: null,
          website: null,
          logo: null,
        });
        const [event] = await roya.until('member.added');
        const payload = JSON.parse(event!.data) as { member: Member; territory: string; id: string };
        assert.equal(payload.member.id, created.body.id);
        assert.equal(payload.id, event!.id);
        await new Promise((r) => setTimeout(r, 200));
        assert.equal(nantes.named('member.added').length, 0);
        roya.close();
        nantes.close();
      });

      it('resumes with Last-Event-ID: a client that was away receives what it missed, once', async () => {
        const first = openStream(`${server.url}/v1/events?territory=forbach`);
        await first.until('ready');
        await admin(server, 'PATCH', '/territories/forbach/phases/cooperations', { progress: 0.1 });
        const [seen] = await first.until('phase.updated');
        first.close();
        // While away: two changes.
        await admin(server, 'PATCH', '/territories/forbach/phases/cooperations', { progress: 0.2 });
        await admin(server, 'PATCH', '/territories/forbach/phases/cooperations', { progress: 0.3 });
        const resumed = openStream(`${server.url}/v1/events?territory=forbach`, {
          'last-event-id': seen!.id!,
        });
        const missed = await resumed.until('phase.updated', 2);
        const progress = missed.map(
          (e) => (JSON.parse(e.data) as { phase: { progress: number } }).phase.progress,
        );
        assert.deepEqual(progress, [0.2, 0.3]);
        await admin(server, 'PATCH', '/territories/forbach/phases/cooperations', { progress: 0.4 });
        const all = await resumed.until('phase.updated', 3);
        const ids = resumed.events.filter((e) => e.id).map((e) => BigInt(e.id!));
        assert.deepEqual(
          ids,
          [...ids].sort((a, b) => (a < b ? -1 : 1)),
          'ids increase',
        );
        assert.equal(new Set(ids).size, ids.length, 'no event twice');
        assert.equal(all.length, 3);
        resumed.close();
      });

      it('delivers every event once and in id order, past id 9 (ids compare as numbers, not text)', async () => {
        // A fresh database, so that event ids cross from 9 to 10 inside one transaction's pair.
        const fresh = await startTestServer({ engine });
        after(() => fresh.close());
        // Forbach: a territory being selected (Haute-Garonne) has no phases in the demo data.
        const stream = openStream(`${fresh.url}/v1/events?territory=forbach`);
        await stream.until('ready');
        for (let n = 1; n <= 12; n += 1) {
          await admin(fresh, 'PATCH', '/territories/forbach/phases/portrait', { progress: n / 100 });
        }
        const events = await stream.until('phase.updated', 12);
        const progress = events.map(
          (e) => (JSON.parse(e.data) as { phase: { progress: number } }).phase.progress,
        );
        assert.deepEqual(
          progress,
          Array.from({ length: 12 }, (_, i) => (i + 1) / 100),
        );
        const ids = stream.events.filter((e) => e.id).map((e) => Number(e.id));
        assert.ok(ids.length >= 24 && ids.every((id, i) => i === 0 || id > ids[i - 1]!), JSON.stringify(ids));
        stream.close();
      });

      it('delivers once to a stream of several territories and to one of all, before and after others leave', async () => {
        // One bus subscription serves every stream, kept in a Set per territory (issue 19): a
        // stream in two Sets must get each event once, and the subscription must come back
        // after the last stream has gone.
        const progressOf = (e: { data: string }) =>
          (JSON.parse(e.data) as { phase: { progress: number } }).phase.progress;
        const two = openStream(`${server.url}/v1/events?territory=roya,forbach`);
        const everything = openStream(`${server.url}/v1/events`);
        await two.until('ready');
        await everything.until('ready');
        await admin(server, 'PATCH', '/territories/roya/phases/coalition', { progress: 0.31 });
        await admin(server, 'PATCH', '/territories/forbach/phases/portrait', { progress: 0.32 });
        await admin(server, 'PATCH', '/territories/nantes-bellevue/phases/portrait', { progress: 0.33 });
        await everything.until('phase.updated', 3);
        await two.until('phase.updated', 2);
        await new Promise((r) => setTimeout(r, 200));
        assert.deepEqual(two.named('phase.updated').map(progressOf), [0.31, 0.32]);
        assert.deepEqual(everything.named('phase.updated').map(progressOf), [0.31, 0.32, 0.33]);
        two.close();
        await admin(server, 'PATCH', '/territories/roya/phases/coalition', { progress: 0.34 });
        await everything.until('phase.updated', 4);
        everything.close();
        await new Promise((r) => setTimeout(r, 200));
        const again = openStream(`${server.url}/v1/events?territory=roya`);
        await again.until('ready');
        await admin(server, 'PATCH', '/territories/roya/phases/coalition', { progress: 0.35 });
        const [event] = await again.until('phase.updated');
        assert.equal(progressOf(event!), 0.35);
        again.close();
      });

      it('announces places left after each sign-up', async () => {
        const stream = openStream(`${server.url}/v1/events?territory=entre-deux-mers`);
        await stream.until('ready');
        const reply = await request<{ placesLeft: number }>(
          server,
          'POST',
          '/v1/territories/entre-deux-mers/engagements',
          {
            body: signup('opp_entre-deux-mers_2', { email: 'live@example.org' }),
          },
        );
        const [event] = await stream.until('places.changed');
        assert.equal((JSON.parse(event!.data) as { placesLeft: number }).placesLeft, reply.body.placesLeft);
        stream.close();
      });

      it('refuses a malformed territory filter', async () => {
        assertProblem(await get(server, '/v1/events?territory=Roya,,x'), 400, 'validation');
      });
    });
  });
}
