// The residents' follow-up against a real SMTP server: confirmation e-mail with its .ics and
// cancel link, one place per person (also under concurrent sign-ups), the waiting list and its
// promotion, the cancellation's e-mail, reminders sent once, SMTP failures retried, erasure and
// the retention purge (which free places as a cancellation does, and remove the outbox files),
// hostile cancel links and erasures, and several processes on one PostgreSQL sending each
// message once — even when one is killed in the middle of sending.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Attachment } from 'mailparser';
import {
  Cancellation,
  EngagementReceipt,
  check,
  type Cancellation as CancellationT,
  type EngagementReceipt as Receipt,
  type Opportunity,
} from '@tec/contract';
import {
  ENGINES,
  TEST_ADMIN_TOKEN,
  createTestDatabase,
  startTestServer,
  startTestSmtp,
  type TestServer,
  type TestSmtp,
} from '@tec/api/testing';
import { readMailConfig, type MailConfig } from '../src/mail/config.js';
import { cancelToken } from '../src/followup/cancel-token.js';
import { emailKey } from '../src/followup/engagements.js';
import { admin, assertProblem, openStream, request, signup } from './helpers.js';

/** The test servers' secret, so that a test can sign a link the way the server does. */
const SECRET = 'test-secret-of-the-follow-up-tests-0123456789';

function valid(schema: Parameters<typeof check>[0], body: unknown) {
  const result = check(schema, body);
  assert.ok(result.ok, result.ok ? '' : JSON.stringify(result.errors));
}

const mailConfig = (overrides: Partial<MailConfig> = {}): MailConfig => ({
  ...readMailConfig({}, 'memory://'),
  pollMs: 50,
  retryMs: 20,
  ...overrides,
});

const HOUR = 3_600_000;
/** A whole hour in the future, so that the weekday and time are known in Europe/Paris. */
const at = (hoursFromNow: number) => new Date(Math.ceil((Date.now() + hoursFromNow * HOUR) / HOUR) * HOUR);

async function newOpportunity(
  server: TestServer,
  fields: { capacity: number | null; startsInHours?: number; title?: string },
): Promise<Opportunity> {
  const starts = fields.startsInHours === undefined ? null : at(fields.startsInHours);
  const reply = await admin<Opportunity>(server, 'POST', '/territories/roya/opportunities', {
    kind: 'atelier-cooperation',
    title: fields.title ?? 'Atelier mobilité solidaire',
    description: 'On imagine ensemble un covoiturage pour la vallée.',
    startsAt: starts?.toISOString() ?? null,
    endsAt: starts ? new Date(starts.getTime() + 2 * HOUR).toISOString() : null,
    place: {
      name: 'Salle des fêtes',
      address: '1 place de la Mairie',
      commune: { insee: '06163', name: 'Tende' },
    },
    capacity: fields.capacity,
  });
  assert.equal(reply.status, 201, reply.text);
  return reply.body;
}

const post = (server: TestServer, body: unknown, headers: Record<string, string> = {}) =>
  request<Receipt>(server, 'POST', '/v1/territories/roya/engagements', { body, headers });

const cancelLinkOf = (text: string) => {
  const match = /(http:\/\/127\.0\.0\.1:\d+\/v1\/cancel\/[A-Za-z0-9_.-]+)/.exec(text);
  assert.ok(match, `no cancel link in:\n${text}`);
  return match[1]!;
};

/** What a browser sends: the page's form, accepting HTML. */
const BROWSER = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const formPost = (url: string) =>
  fetch(url, {
    method: 'POST',
    headers: { ...BROWSER, 'content-type': 'application/x-www-form-urlencoded' },
    body: '',
  });

for (const engine of ENGINES) {
  describe(`follow-up e-mails on ${engine}`, () => {
    let server: TestServer;
    let smtp: TestSmtp;
    before(async () => {
      smtp = await startTestSmtp();
      server = await startTestServer({
        engine,
        config: { mail: mailConfig({ smtpUrl: smtp.url, secret: SECRET }) },
      });
    });
    after(async () => {
      await server.close();
      await smtp.close();
    });

    it('sends a French confirmation with the recap, an .ics file and a cancel link that works once', async () => {
      const opp = await newOpportunity(server, { capacity: 5, startsInHours: 72 });
      const before = smtp.received.length;
      const reply = await post(server, signup(opp.id, { email: 'Lea.Martin@example.org', firstName: 'Léa' }));
      assert.equal(reply.status, 201, reply.text);
      valid(EngagementReceipt, reply.body);
      assert.equal(reply.body.status, 'received');
      assert.equal(reply.body.emailQueued, true);
      const [mail] = (await smtp.until(before + 1)).slice(before);
      const { parsed } = mail!;
      assert.deepEqual(mail!.to, ['Lea.Martin@example.org']);
      assert.equal(parsed.subject, 'Inscription confirmée : Atelier mobilité solidaire');
      assert.match(parsed.from?.text ?? '', /ne-pas-repondre@tec\.localhost/);
      assert.equal(parsed.headers.get('auto-submitted'), 'auto-generated');
      const text = parsed.text ?? '';
      assert.match(text, /^Bonjour Léa,/);
      const weekday = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'Europe/Paris' }).format(
        new Date(opp.startsAt!),
      );
      assert.match(text, new RegExp(`Quand : ${weekday} `));
      assert.match(text, /Où : Salle des fêtes, 1 place de la Mairie, Tende/);
      assert.match(text, /Organisé par : .*InterMade/);
      assert.match(text, /Annulez ici pour libérer votre place/);
      assert.doesNotMatch(
        text,
        /@(?!tec\.localhost)[a-z]+\.(fr|org)/i,
        'no personal address of the organisers',
      );
      assert.match(parsed.html || '', /<a href="http:\/\/127\.0\.0\.1:\d+\/v1\/cancel\//);
      const ics = parsed.attachments.find((a: Attachment) => a.filename === 'invitation.ics');
      assert.ok(ics, 'an .ics attachment');
      assert.match(ics.contentType, /text\/calendar/);
      const calendar = ics.content.toString('utf8');
      assert.match(calendar, /BEGIN:VCALENDAR/);
      assert.match(calendar, /METHOD:PUBLISH/);
      assert.match(calendar, /SUMMARY:Atelier mobilité solidaire/);
      assert.match(calendar, new RegExp(`DTSTART:${opp.startsAt!.slice(0, 13).replace(/-/g, '')}0000Z`));
      assert.match(calendar, /LOCATION:Salle des fêtes\\, 1 place de la Mairie\\, Tende/);
      assert.match(calendar, new RegExp(`UID:${reply.body.id}@tec`));

      const link = cancelLinkOf(text);
      const stream = openStream(`${server.url}/v1/events?territory=roya`);
      await stream.until('ready');
      // A GET (a mail scanner following the link) shows a page and cancels nothing.
      const page = await fetch(link, { headers: { origin: 'https://mairie.example.fr' } });
      assert.equal(page.status, 200);
      // Like every answer, it carries its CORS headers (a page of a partner site may read it).
      assert.equal(page.headers.get('access-control-allow-origin'), '*');
      assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      const html = await page.text();
      assert.match(html, /<html lang="fr">/);
      assert.match(html, /voulez-vous annuler votre inscription à « Atelier mobilité solidaire »/);
      assert.match(html, /<form method="post"><button type="submit">Annuler mon inscription<\/button>/);
      const list = async () =>
        (
          await request<{ items: Opportunity[] }>(server, 'GET', '/v1/territories/roya/opportunities')
        ).body.items.find((o) => o.id === opp.id)!;
      assert.equal((await list()).placesLeft, 4);
      // The page's form: the place is freed and every open widget hears it.
      const done = await formPost(link);
      assert.equal(done.status, 200);
      assert.match(await done.text(), /Votre inscription est annulée/);
      const [changed] = (await stream.until('places.changed')).filter(
        (e) => JSON.parse(e.data).opportunityId === opp.id,
      );
      assert.equal(JSON.parse(changed!.data).placesLeft, 5);
      stream.close();
      assert.equal((await list()).placesLeft, 5);
      // Single use: the same link again does nothing and says so.
      const again = await formPost(link);
      assert.equal(again.status, 404);
      assert.match(await again.text(), /déjà servi/);
      const json = await request<CancellationT>(server, 'POST', new URL(link).pathname);
      assert.equal(json.status, 200);
      valid(Cancellation, json.body);
      assert.equal(json.body.status, 'already-cancelled');
      // A forged token (another signature) is refused the same way.
      const forged = link.replace(/\.[A-Za-z0-9_-]+$/, `.${'A'.repeat(43)}`);
      const forgedPage = await fetch(forged, { headers: BROWSER });
      assert.equal(forgedPage.status, 404);
      assert.match(await forgedPage.text(), /n’est pas valable/);
      // A program gets problem details.
      assertProblem(await request(server, 'GET', new URL(forged).pathname), 404, 'not-found');
    });

    it('writes in English for a sign-up made in English', async () => {
      const opp = await newOpportunity(server, { capacity: null, startsInHours: 100 });
      await post(server, signup(opp.id, { email: 'sam@example.org', firstName: 'Sam', lang: 'en' }));
      const [mail] = await smtp.to('sam@example.org');
      assert.equal(mail!.parsed.subject, 'Sign-up confirmed: Atelier mobilité solidaire');
      assert.match(mail!.parsed.text ?? '', /^Hello Sam,/);
      const page = await (await fetch(cancelLinkOf(mail!.parsed.text ?? ''))).text();
      assert.match(page, /<html lang="en">/);
    });

    it('answers already-registered for the same address, resends the e-mail, takes no second place', async () => {
      const opp = await newOpportunity(server, { capacity: 7 });
      const first = await post(server, signup(opp.id, { email: 'noe@example.org' }));
      assert.equal(first.status, 201);
      await smtp.to('noe@example.org');
      const second = await post(server, signup(opp.id, { email: 'NOE@Example.org' }));
      assert.equal(second.status, 200, second.text);
      valid(EngagementReceipt, second.body);
      assert.equal(second.body.status, 'already-registered');
      assert.equal(second.body.id, first.body.id);
      assert.equal(second.body.placesLeft, 6);
      const mails = await smtp.to('noe@example.org', 2);
      assert.deepEqual(
        mails.map((m) => m.parsed.subject),
        [
          'Inscription confirmée : Atelier mobilité solidaire',
          'Inscription confirmée : Atelier mobilité solidaire',
        ],
      );
      // The same person on another opportunity is another sign-up.
      const other = await newOpportunity(server, { capacity: 7 });
      assert.equal((await post(server, signup(other.id, { email: 'noe@example.org' }))).status, 201);
    });

    it('keeps one place per person when the same address signs up many times at once', async () => {
      const opp = await newOpportunity(server, { capacity: 7 });
      const replies = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          post(server, signup(opp.id, { email: i % 2 ? 'rush@example.org' : 'Rush@Example.org' })),
        ),
      );
      const statuses = replies.map((r) => r.status).sort();
      assert.deepEqual(
        statuses,
        [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 201],
        JSON.stringify(replies.map((r) => r.text)),
      );
      assert.equal(new Set(replies.map((r) => r.body.id)).size, 1);
      const [row] = await server.db.query<{ n: number; left: number }>(
        `select (select count(*)::int from engagements where opportunity_id = $1) as n,
           (select places_left from opportunities where id = $1) as left`,
        [opp.id],
      );
      assert.deepEqual(row, { n: 1, left: 6 });
      // The database itself refuses a second row for the same person, whatever code writes it.
      await assert.rejects(
        server.db.query(
          `insert into engagements (id, territory, opportunity_id, first_name, email, availability, lang,
             request_hash, email_key)
           select 'eng_dup_' || $2, territory, opportunity_id, first_name, email, availability, lang, 'x', email_key
           from engagements where opportunity_id = $1`,
          [opp.id, engine],
        ),
        (error: { code?: string }) => error.code === '23505',
      );
    });

    it('puts people on the waiting list when full and promotes the first in line on a cancellation', async () => {
      const opp = await newOpportunity(server, { capacity: 1, startsInHours: 200, title: 'Atelier complet' });
      const a = await post(server, signup(opp.id, { email: 'a@example.org', firstName: 'Alix' }));
      assert.equal(a.body.status, 'received');
      assert.equal(a.body.placesLeft, 0);
      assertProblem(await post(server, signup(opp.id, { email: 'b@example.org' })), 409, 'opportunity-full');
      const b = await post(
        server,
        signup(opp.id, { email: 'b@example.org', firstName: 'Bastien', waitlist: true }),
      );
      assert.equal(b.status, 201, b.text);
      valid(EngagementReceipt, b.body);
      assert.equal(b.body.status, 'waitlisted');
      assert.equal(b.body.waitlistPosition, 1);
      const c = await post(
        server,
        signup(opp.id, { email: 'c@example.org', firstName: 'Chloé', waitlist: true }),
      );
      assert.equal(c.body.waitlistPosition, 2);
      const [toB] = await smtp.to('b@example.org');
      assert.equal(toB!.parsed.subject, 'Liste d’attente : Atelier complet');
      assert.match(toB!.parsed.text ?? '', /liste d’attente, en position 1/);
      assert.equal(toB!.parsed.attachments.length, 0, 'no calendar entry without a place');
      await smtp.to('c@example.org');
      const [toA] = await smtp.to('a@example.org');
      // Alix cancels (as a client would, in JSON): Bastien gets the place and an e-mail.
      const cancel = await request<CancellationT>(
        server,
        'POST',
        new URL(cancelLinkOf(toA!.parsed.text ?? '')).pathname,
      );
      assert.equal(cancel.status, 200, cancel.text);
      assert.deepEqual(cancel.body, {
        status: 'cancelled',
        territory: 'roya',
        opportunityId: opp.id,
        placesLeft: 0,
        promoted: true,
      });
      const promoted = (await smtp.to('b@example.org', 2))[1]!;
      assert.equal(promoted.parsed.subject, 'Une place s’est libérée pour vous : Atelier complet');
      assert.ok(promoted.parsed.attachments.some((x: Attachment) => x.filename === 'invitation.ics'));
      // Chloé moved up: first in line now.
      const again = await post(server, signup(opp.id, { email: 'c@example.org', waitlist: true }));
      assert.equal(again.body.status, 'already-registered');
      assert.equal(again.body.waitlistPosition, 1);
      // A larger capacity goes to the waiting list first.
      await admin(server, 'PATCH', `/territories/roya/opportunities/${opp.id}`, { capacity: 2 });
      const [row] = await server.db.query<{ status: string }>(
        `select status from engagements where opportunity_id = $1 and email = 'c@example.org'`,
        [opp.id],
      );
      assert.equal(row!.status, 'confirmed');
    });

    it('confirms a cancellation by e-mail, in French and in English, with the recap and no link', async () => {
      const opp = await newOpportunity(server, { capacity: 2, startsInHours: 72, title: 'Atelier annulé' });
      await post(server, signup(opp.id, { email: 'annule-fr@example.org', firstName: 'Léa' }));
      await post(server, signup(opp.id, { email: 'annule-en@example.org', firstName: 'Sam', lang: 'en' }));
      const wait = await post(
        server,
        signup(opp.id, { email: 'annule-attente@example.org', firstName: 'Noa', waitlist: true }),
      );
      assert.equal(wait.body.status, 'waitlisted');
      const [fr] = await smtp.to('annule-fr@example.org');
      const [en] = await smtp.to('annule-en@example.org');
      const [waiting] = await smtp.to('annule-attente@example.org');

      // The waiting list left: « liste d'attente quittée », no place to free.
      await formPost(cancelLinkOf(waiting!.parsed.text ?? ''));
      const left = (await smtp.to('annule-attente@example.org', 2))[1]!;
      assert.equal(left.parsed.subject, 'Liste d’attente quittée : Atelier annulé');
      assert.match(left.parsed.text ?? '', /vous avez quitté la liste d’attente de « Atelier annulé »/);

      // French, by the page's form, which says the e-mail is coming.
      const page = await formPost(cancelLinkOf(fr!.parsed.text ?? ''));
      assert.match(await page.text(), /Votre inscription est annulée .*Un e-mail vous le confirme/);
      const frMail = (await smtp.to('annule-fr@example.org', 2))[1]!;
      assert.equal(frMail.parsed.subject, 'Inscription annulée : Atelier annulé');
      const frText = frMail.parsed.text ?? '';
      assert.match(
        frText,
        /^Bonjour Léa,\n\nvotre inscription à « Atelier annulé » est annulée et votre place est libérée/,
      );
      const weekday = (locale: string) =>
        new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'Europe/Paris' }).format(
          new Date(opp.startsAt!),
        );
      assert.match(frText, new RegExp(`Quand : ${weekday('fr-FR')} `));
      assert.match(frText, /Où : Salle des fêtes, 1 place de la Mairie, Tende/);
      assert.match(frText, /C’est le dernier message que vous recevez au sujet de cette inscription/);
      assert.match(frMail.parsed.html || '', /<html lang="fr">/);
      assert.match(frMail.parsed.html || '', /est annulée et votre place est libérée/);

      // English, by a client in JSON.
      const cancelled = await request<CancellationT>(
        server,
        'POST',
        new URL(cancelLinkOf(en!.parsed.text ?? '')).pathname,
      );
      assert.equal(cancelled.body.status, 'cancelled');
      const enMail = (await smtp.to('annule-en@example.org', 2))[1]!;
      assert.equal(enMail.parsed.subject, 'Sign-up cancelled: Atelier annulé');
      const enText = enMail.parsed.text ?? '';
      assert.match(
        enText,
        /^Hello Sam,\n\nyour sign-up for “Atelier annulé” is cancelled and your place is free/,
      );
      assert.match(enText, new RegExp(`When : ${weekday('en-GB')}, `));
      assert.match(enMail.parsed.html || '', /<html lang="en">/);

      for (const mail of [left, frMail, enMail]) {
        // Nothing left to cancel, nothing to put in a calendar.
        assert.doesNotMatch(mail.parsed.text ?? '', /\/v1\/cancel\//);
        assert.doesNotMatch(mail.parsed.html || '', /\/v1\/cancel\//);
        assert.equal(mail.parsed.attachments.length, 0);
      }
      // Sent once; the queue keeps the trace of the sending, not the message.
      await server.mail.drain();
      for (const address of ['annule-fr@example.org', 'annule-en@example.org', 'annule-attente@example.org'])
        assert.equal(smtp.received.filter((m) => m.to.includes(address)).length, 2, address);
      const rows = await server.db.query<{ status: string; payload: unknown }>(
        `select status, payload from mail_outbox where kind = 'cancelled' and email_key = any($1::text[])`,
        [['annule-fr@example.org', 'annule-en@example.org', 'annule-attente@example.org'].map(emailKey)],
      );
      assert.deepEqual(
        rows.map((r) => ({ ...r })),
        Array.from({ length: 3 }, () => ({ status: 'sent', payload: null })),
      );
    });

    it('erases a confirmed sign-up as a cancellation: the first in line gets the place and an e-mail, the erased person nothing', async () => {
      const opp = await newOpportunity(server, {
        capacity: 1,
        startsInHours: 90,
        title: 'Atelier effacement',
      });
      const a = await post(server, signup(opp.id, { email: 'efface-a@example.org', firstName: 'Anaïs' }));
      assert.equal(a.body.status, 'received');
      for (const who of ['b', 'c']) {
        const reply = await post(
          server,
          signup(opp.id, { email: `efface-${who}@example.org`, waitlist: true }),
        );
        assert.equal(reply.body.status, 'waitlisted');
      }
      for (const who of ['a', 'b', 'c']) await smtp.to(`efface-${who}@example.org`);
      const placesLeft = async () =>
        (
          await request<{ items: Opportunity[] }>(server, 'GET', '/v1/territories/roya/opportunities')
        ).body.items.find((o) => o.id === opp.id)!.placesLeft;
      const stream = openStream(`${server.url}/v1/events?territory=roya`);
      await stream.until('ready');

      const erased = await admin<{ deleted: number }>(server, 'POST', '/erasure', {
        email: 'EFFACE-A@example.org',
      });
      assert.equal(erased.status, 200, erased.text);
      assert.deepEqual(erased.body, { deleted: 1 });
      const promoted = (await smtp.to('efface-b@example.org', 2))[1]!;
      assert.equal(promoted.parsed.subject, 'Une place s’est libérée pour vous : Atelier effacement');
      assert.equal(await placesLeft(), 0);
      // Chloé moved up the line.
      const c = await post(server, signup(opp.id, { email: 'efface-c@example.org', waitlist: true }));
      assert.equal(c.body.status, 'already-registered');
      assert.equal(c.body.waitlistPosition, 1);

      // Erasing someone who waits frees nothing.
      assert.deepEqual((await admin(server, 'POST', '/erasure', { email: 'efface-c@example.org' })).body, {
        deleted: 1,
      });
      assert.equal(await placesLeft(), 0);
      // Erasing the last confirmed person, with no one waiting: the place is free, live.
      assert.deepEqual((await admin(server, 'POST', '/erasure', { email: 'efface-b@example.org' })).body, {
        deleted: 1,
      });
      const [changed] = (await stream.until('places.changed')).filter(
        (e) => e.event === 'places.changed' && JSON.parse(e.data).opportunityId === opp.id,
      );
      assert.equal(JSON.parse(changed!.data).placesLeft, 1);
      stream.close();
      assert.equal(await placesLeft(), 1);

      // The erased get nothing, and the queue holds nothing of theirs.
      await server.mail.drain();
      assert.equal(smtp.received.filter((m) => m.to.includes('efface-a@example.org')).length, 1);
      const [left] = await server.db.query<{ n: number }>(
        `select count(*)::int as n from mail_outbox m left join engagements e on e.id = m.engagement_id
         where e.email like 'efface-%' or m.email_key = any($1::text[])`,
        [['a', 'b', 'c'].map((who) => emailKey(`efface-${who}@example.org`))],
      );
      assert.equal(left!.n, 0);
    });

    it('erases a cancellation e-mail still waiting to leave: the erased person gets nothing', async () => {
      const opp = await newOpportunity(server, { capacity: null, title: 'Atelier oubli' });
      await post(server, signup(opp.id, { email: 'oubli@example.org' }));
      const [mail] = await smtp.to('oubli@example.org');
      const queued = () =>
        server.db.query<{ status: string; email: string | null }>(
          `select status, payload->>'email' as email from mail_outbox where email_key = $1`,
          [emailKey('oubli@example.org')],
        );
      smtp.mode = 'reject-451';
      try {
        const cancelled = await request<CancellationT>(
          server,
          'POST',
          new URL(cancelLinkOf(mail!.parsed.text ?? '')).pathname,
        );
        assert.equal(cancelled.body.status, 'cancelled');
        await server.mail.drain();
        // Refused for now: the message waits, with the address it goes to.
        assert.deepEqual(
          (await queued()).map((r) => ({ ...r })),
          [{ status: 'pending', email: 'oubli@example.org' }],
        );
        const erased = await admin<{ deleted: number }>(server, 'POST', '/erasure', {
          email: 'Oubli@example.org',
        });
        assert.deepEqual(erased.body, { deleted: 0 });
        assert.equal((await queued()).length, 0);
      } finally {
        smtp.mode = 'accept';
      }
      await server.mail.drain();
      assert.equal(smtp.received.filter((m) => m.to.includes('oubli@example.org')).length, 1);
    });

    it('purges old sign-ups as cancellations: the first in line gets the place, open widgets the freed ones', async () => {
      const full = await newOpportunity(server, { capacity: 1, startsInHours: 120, title: 'Atelier ancien' });
      const open = await newOpportunity(server, { capacity: 3, title: 'Atelier ouvert' });
      const a = await post(server, signup(full.id, { email: 'ancien-a@example.org' }));
      const b = await post(server, signup(full.id, { email: 'ancien-b@example.org', waitlist: true }));
      assert.equal(b.body.status, 'waitlisted');
      const d = await post(server, signup(open.id, { email: 'ancien-d@example.org' }));
      assert.equal(d.body.placesLeft, 2);
      for (const who of ['a', 'b', 'd']) await smtp.to(`ancien-${who}@example.org`);
      // Time passes: a's and d's sign-ups are older than the retention period (730 days).
      await server.db.query(
        `update engagements set created_at = now() - interval '800 days' where id = any($1::text[])`,
        [[a.body.id, d.body.id]],
      );
      const stream = openStream(`${server.url}/v1/events?territory=roya`);
      await stream.until('ready');
      const reply = await admin<{ deleted: number; before: string }>(server, 'POST', '/purge');
      assert.equal(reply.status, 200, reply.text);
      assert.ok(reply.body.deleted >= 2, reply.text);
      const promoted = (await smtp.to('ancien-b@example.org', 2))[1]!;
      assert.equal(promoted.parsed.subject, 'Une place s’est libérée pour vous : Atelier ancien');
      const [changed] = (await stream.until('places.changed')).filter(
        (e) => e.event === 'places.changed' && JSON.parse(e.data).opportunityId === open.id,
      );
      assert.equal(JSON.parse(changed!.data).placesLeft, 3);
      stream.close();
      const items = (
        await request<{ items: Opportunity[] }>(server, 'GET', '/v1/territories/roya/opportunities')
      ).body.items;
      assert.equal(items.find((o) => o.id === full.id)!.placesLeft, 0);
      assert.equal(items.find((o) => o.id === open.id)!.placesLeft, 3);
      const [row] = await server.db.query<{ status: string }>(
        'select status from engagements where id = $1',
        [b.body.id],
      );
      assert.equal(row!.status, 'confirmed');
      // The purged are told nothing.
      await server.mail.drain();
      for (const who of ['a', 'd'])
        assert.equal(smtp.received.filter((m) => m.to.includes(`ancien-${who}@example.org`)).length, 1);
    });

    it('answers forged, garbled and unknown cancel links and erasures clearly, changing nothing', async () => {
      const opp = await newOpportunity(server, { capacity: 2, title: 'Atelier intact' });
      const kept = await post(server, signup(opp.id, { email: 'intact@example.org' }));
      await smtp.to('intact@example.org');
      await server.mail.drain();
      const state = async () =>
        (
          await server.db.query<{ mails: number; left: number; signups: number }>(
            `select (select count(*)::int from mail_outbox) as mails,
               (select places_left from opportunities where id = $1) as left,
               (select count(*)::int from engagements where opportunity_id = $1) as signups`,
            [opp.id],
          )
        )[0];
      const before = await state();
      const id = kept.body.id;
      const tokens = [
        'garbage',
        'x.y',
        `${id}.`,
        `.${cancelToken(SECRET, id).split('.')[1]}`,
        `${id}.${'A'.repeat(43)}`, // a real sign-up, a forged signature
        `${cancelToken(SECRET, id)}x`,
        cancelToken('another-secret-that-is-long-enough-0123456789', id), // signed elsewhere
        cancelToken(SECRET, 'eng_does_not_exist'), // well signed, names no sign-up
        cancelToken(SECRET, "'; delete from engagements; --"),
        '<script>alert(1)</script>',
        '\u0000%00',
        'é'.repeat(60),
      ];
      for (const token of tokens) {
        const path = `/v1/cancel/${encodeURIComponent(token)}`;
        const json = await request<CancellationT>(server, 'POST', path);
        assert.equal(json.status, 200, `${token}: ${json.text}`);
        valid(Cancellation, json.body);
        assert.equal(json.body.status, 'already-cancelled', token);
        const page = await formPost(`${server.url}${path}`);
        assert.equal(page.status, 404, token);
        const html = await page.text();
        assert.match(html, /n’est pas valable ou a déjà servi/);
        assert.doesNotMatch(html, /<script>/);
        assert.equal((await fetch(`${server.url}${path}`, { headers: BROWSER })).status, 404, token);
        assertProblem(await request(server, 'GET', path), 404, 'not-found');
      }
      // Longer than any link this server makes: refused before anything is looked up.
      assertProblem(await request(server, 'POST', `/v1/cancel/${'a'.repeat(300)}`), 400, 'validation');

      // Erasures: an unknown address erases nothing; a malformed request is refused, naming why.
      assert.deepEqual(
        (await admin(server, 'POST', '/erasure', { email: 'personne-inconnue@example.org' })).body,
        { deleted: 0 },
      );
      for (const body of [
        { email: 'pas-une-adresse' },
        {},
        { email: 'intact@example.org', scope: '*' },
        { email: ['intact@example.org'] },
        { email: "x'); delete from engagements; --" },
      ]) {
        const problem = assertProblem(await admin(server, 'POST', '/erasure', body), 400, 'validation');
        assert.ok(problem.errors?.length, JSON.stringify(problem));
      }
      assertProblem(
        await request(server, 'POST', '/v1/admin/erasure', {
          raw: '{"email": ',
          headers: { 'content-type': 'application/json' },
          token: server.adminToken,
        }),
        400,
        'validation',
      );
      for (const token of [undefined, 'not-a-token']) {
        const reply = await request(server, 'POST', '/v1/admin/erasure', {
          body: { email: 'intact@example.org' },
          ...(token ? { token } : {}),
        });
        assertProblem(reply, 401, 'unauthorized');
        assertProblem(
          await request(server, 'POST', '/v1/admin/purge', token ? { token } : {}),
          401,
          'unauthorized',
        );
      }
      await server.mail.drain();
      assert.deepEqual(await state(), before);
      assert.equal(smtp.received.filter((m) => m.to.includes('intact@example.org')).length, 1);
    });

    it('sends the reminder once, to sign-ups made before the reminder window', async () => {
      const soon = await newOpportunity(server, {
        capacity: null,
        startsInHours: 20,
        title: 'Atelier rappel',
      });
      const near = await newOpportunity(server, {
        capacity: null,
        startsInHours: 10,
        title: 'Atelier proche',
      });
      const far = await newOpportunity(server, {
        capacity: null,
        startsInHours: 48,
        title: 'Atelier lointain',
      });
      const ids = [];
      for (const opp of [soon, near, far]) {
        ids.push((await post(server, signup(opp.id, { email: 'rappel@example.org' }))).body.id);
      }
      // Time passes: the sign-ups of `soon` and `far` were made two days ago; `near`'s just now,
      // inside the window, when its confirmation served as the reminder.
      await server.db.query(
        `update engagements set created_at = now() - interval '2 days' where id = any($1::text[])`,
        [[ids[0], ids[2]]],
      );
      // The loop queues reminders on its own every poll; by hand here, as many times as it likes.
      await server.mail.scheduleReminders();
      await server.mail.scheduleReminders();
      const reminders = await server.db.query<{ engagement_id: string }>(
        `select engagement_id from mail_outbox where kind = 'reminder' and engagement_id = any($1::text[])`,
        [ids],
      );
      assert.deepEqual(
        reminders.map((r) => r.engagement_id),
        [ids[0]],
      );
      const mails = await smtp.to('rappel@example.org', 4);
      const reminder = mails.filter((m) => m.parsed.subject?.startsWith('Rappel'));
      assert.deepEqual(
        reminder.map((m) => m.parsed.subject),
        ['Rappel : Atelier rappel, c’est bientôt'],
      );
      await server.mail.drain();
      await server.mail.scheduleReminders();
      await server.mail.drain();
      assert.equal(
        (await smtp.to('rappel@example.org')).filter((m) => m.parsed.subject?.startsWith('Rappel')).length,
        1,
      );
    });

    it('retries when the SMTP server answers 451 or closes the connection, and delivers once it recovers', async () => {
      const opp = await newOpportunity(server, { capacity: null });
      await server.mail.drain();
      for (const mode of ['reject-451', 'close'] as const) {
        smtp.mode = mode;
        const refusedBefore = smtp.refused;
        const email = `retry-${mode}@example.org`;
        await post(server, signup(opp.id, { email }));
        await server.mail.drain();
        assert.ok(smtp.refused > refusedBefore, `${mode}: the server refused`);
        const [row] = await server.db.query<{ status: string; attempts: number; last_error: string }>(
          `select m.status, m.attempts, m.last_error from mail_outbox m join engagements e on e.id = m.engagement_id
           where e.email = $1`,
          [email],
        );
        assert.equal(row!.status, 'pending');
        assert.ok(row!.attempts >= 1);
        smtp.mode = 'accept';
        const [mail] = await smtp.to(email);
        assert.deepEqual(mail!.to, [email]);
        await server.mail.drain();
        assert.equal(smtp.received.filter((m) => m.to.includes(email)).length, 1);
      }
    });
  });
}

describe('follow-up e-mails without SMTP: the outbox folder, and erasure', () => {
  const folder = mkdtempSync(join(tmpdir(), 'tec-outbox-'));
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ config: { mail: mailConfig({ outboxDir: folder }) } });
  });
  after(async () => {
    await server.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes .eml files, and erasure removes the person\u2019s files and queued messages', async () => {
    const opp = await newOpportunity(server, { capacity: 10, startsInHours: 50 });
    await post(server, signup(opp.id, { email: 'Effacer@example.org' }));
    await post(server, signup(opp.id, { email: 'garder@example.org' }));
    await server.mail.drain();
    const files = readdirSync(folder).filter((f) => f.endsWith('.eml'));
    assert.equal(files.length, 2);
    // One more queued (already-registered resends), not yet sent: it must go too.
    await server.mail.stop();
    await post(server, signup(opp.id, { email: 'effacer@example.org' }));
    const queued = async (email: string) =>
      (
        await server.db.query<{ n: number }>(
          `select count(*)::int as n from mail_outbox m join engagements e on e.id = m.engagement_id
           where lower(e.email) = $1`,
          [email],
        )
      )[0]!.n;
    assert.equal(await queued('effacer@example.org'), 2);
    const erased = await admin<{ deleted: number }>(server, 'POST', '/erasure', {
      email: 'EFFACER@example.org',
    });
    assert.equal(erased.body.deleted, 1);
    const [left] = await server.db.query<{ n: number }>('select count(*)::int as n from mail_outbox');
    assert.equal(left!.n, 1, 'only the other person’s sent message is left');
    assert.equal(await queued('garder@example.org'), 1);
    const after = readdirSync(folder).filter((f) => f.endsWith('.eml'));
    assert.equal(after.length, 1);
    assert.ok(existsSync(join(folder, after[0]!)));
  });
});

for (const engine of ENGINES) {
  describe(`the outbox folder on ${engine}: erasure and the retention purge remove the copies`, () => {
    const folder = mkdtempSync(join(tmpdir(), 'tec-outbox-purge-'));
    let server: TestServer;
    before(async () => {
      server = await startTestServer({
        engine,
        config: { mail: mailConfig({ outboxDir: folder, secret: SECRET }) },
      });
    });
    after(async () => {
      await server.close();
      rmSync(folder, { recursive: true, force: true });
    });
    const files = (email?: string) =>
      readdirSync(folder).filter(
        (f) => f.endsWith('.eml') && (!email || f.endsWith(`-${emailKey(email).slice(0, 16)}.eml`)),
      );

    it('removes the files of erased and purged people, and every file older than the retention period', async () => {
      const opp = await newOpportunity(server, { capacity: 5, startsInHours: 60, title: 'Atelier archives' });
      const old = await post(server, signup(opp.id, { email: 'archive@example.org' }));
      await post(server, signup(opp.id, { email: 'garde@example.org' }));
      const gone = await post(server, signup(opp.id, { email: 'parti@example.org' }));
      await server.mail.drain();
      assert.equal(files().length, 3);

      // Parti cancels: a second file, the cancellation's e-mail.
      const cancelled = await request<CancellationT>(
        server,
        'POST',
        `/v1/cancel/${cancelToken(SECRET, gone.body.id)}`,
      );
      assert.equal(cancelled.body.status, 'cancelled');
      await server.mail.drain();
      assert.equal(files('parti@example.org').length, 2);
      // Then asks to be forgotten: no sign-up is left, but the files and the queue's trace go.
      const erased = await admin<{ deleted: number }>(server, 'POST', '/erasure', {
        email: 'parti@example.org',
      });
      assert.deepEqual(erased.body, { deleted: 0 });
      assert.deepEqual(files('parti@example.org'), []);
      const [trace] = await server.db.query<{ n: number }>(
        'select count(*)::int as n from mail_outbox where email_key = $1',
        [emailKey('parti@example.org')],
      );
      assert.equal(trace!.n, 0);

      // A copy kept past the retention period (a sign-up cancelled long ago), and an old sign-up.
      const stale = join(folder, '2024-01-02T10-00-00-000Z-987654-0123456789abcdef.eml');
      writeFileSync(stale, 'Subject: old\n\nold\n');
      const longAgo = new Date(Date.now() - 800 * 86_400_000);
      utimesSync(stale, longAgo, longAgo);
      await server.db.query(`update engagements set created_at = now() - interval '800 days' where id = $1`, [
        old.body.id,
      ]);
      assert.equal(files().length, 3);
      const purged = await admin<{ deleted: number }>(server, 'POST', '/purge');
      assert.ok(purged.body.deleted >= 1, purged.text);
      assert.ok(!existsSync(stale), 'the file older than the retention period is gone');
      assert.deepEqual(files('archive@example.org'), [], 'the purged sign-up’s file is gone');
      assert.deepEqual(files(), files('garde@example.org'));
      assert.equal(files().length, 1);
    });
  });
}

describe('several API processes on one PostgreSQL', () => {
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  let smtp: TestSmtp;
  let databaseUrl: string;
  before(async () => {
    smtp = await startTestSmtp();
    databaseUrl = await createTestDatabase();
  });
  after(() => smtp.close());

  it('send each message once, even when one is killed in the middle of sending', async () => {
    const config = { mail: mailConfig({ smtpUrl: smtp.url, secret: 's'.repeat(40) }) };
    const one = await startTestServer({ engine: 'postgres', databaseUrl, config });
    const two = await startTestServer({ engine: 'postgres', databaseUrl, config });
    try {
      const opp = await newOpportunity(one, { capacity: null });
      const replies = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          post(i % 2 ? one : two, signup(opp.id, { email: `p${i}@example.org` })),
        ),
      );
      assert.ok(replies.every((r) => r.status === 201));
      // The same person through both processes at once: one place, the others already-registered.
      const same = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          post(i % 2 ? one : two, signup(opp.id, { email: 'twice@example.org' })),
        ),
      );
      assert.deepEqual(same.map((r) => r.status).sort(), [200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
      await smtp.to('twice@example.org');
      await smtp.until(31);
      await Promise.all([one.mail.drain(), two.mail.drain(), one.mail.drain(), two.mail.drain()]);
      // 30 confirmations, and for twice@: one, plus resends only while none was waiting to leave.
      const others = smtp.received.filter((m) => !m.to.includes('twice@example.org'));
      assert.equal(others.length, 30);
      assert.equal(new Set(smtp.received.map((m) => m.parsed.messageId)).size, smtp.received.length);
      assert.ok(one.mail.sent > 0 && two.mail.sent > 0, `both sent: ${one.mail.sent} + ${two.mail.sent}`);
      // A link made by one process works on the other (one secret for the database).
      const link = cancelLinkOf(others[0]!.parsed.text ?? '');
      const onTwo = await request<CancellationT>(two, 'POST', new URL(link).pathname);
      assert.equal(onTwo.body.status, 'cancelled');
    } finally {
      await one.close();
      await two.close();
    }

    // Now a process dies while the SMTP server holds its message: another sends it, once.
    smtp.mode = 'hold';
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
          DATABASE_URL: databaseUrl,
          TEC_SMTP_URL: smtp.url,
          TEC_SECRET: 's'.repeat(40),
          TEC_MAIL_POLL_MS: '50',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const url = await new Promise<string>((resolve, reject) => {
      let output = '';
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /TEC API on (http:\/\/[^\s]+)\/v1/.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
    });
    const reply = await request({ url }, 'POST', '/v1/territories/roya/engagements', {
      body: signup('opp_roya_1', { email: 'killed@example.org' }),
    });
    assert.ok([201, 409].includes(reply.status), reply.text);
    const opp = reply.status === 201 ? 'opp_roya_1' : undefined;
    if (!opp) {
      child.kill('SIGKILL');
      assert.fail('opp_roya_1 is full in the seed: pick an opportunity with places');
    }
    await smtp.held();
    child.kill('SIGKILL');
    await exited;
    smtp.release();
    smtp.mode = 'accept';
    const survivor = await startTestServer({ engine: 'postgres', databaseUrl, config });
    try {
      const [mail] = await smtp.to('killed@example.org');
      assert.deepEqual(mail!.to, ['killed@example.org']);
      await survivor.mail.drain();
      assert.equal(smtp.received.filter((m) => m.to.includes('killed@example.org')).length, 1);
      const [row] = await survivor.db.query<{ status: string }>(
        `select m.status from mail_outbox m join engagements e on e.id = m.engagement_id where e.email = 'killed@example.org'`,
      );
      assert.equal(row!.status, 'sent');
    } finally {
      await survivor.close();
    }
  });
});
