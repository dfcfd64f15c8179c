// The residents' follow-up against a real SMTP server: confirmation e-mail with its .ics and
// cancel link, one place per person (also under concurrent sign-ups), the waiting list and its
// promotion, reminders sent once, SMTP failures retried, erasure, and several processes on one
// PostgreSQL sending each message once — even when one is killed in the middle of sending.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
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
import { admin, assertProblem, openStream, request, signup } from './helpers.js';

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
      server = await startTestServer({ engine, config: { mail: mailConfig({ smtpUrl: smtp.url }) } });
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
