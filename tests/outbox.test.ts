// The demo's « boîte d'envoi »: without TEC_SMTP_URL the API writes its follow-up e-mails to the
// outbox folder, and the demo server shows them, readable, with the cancel link clickable.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, testMailConfig, type TestServer } from '@tec/api/testing';
import { startDemoServer, type DemoServer } from '../scripts/demo.js';

const folder = mkdtempSync(join(tmpdir(), 'tec-outbox-'));
let api: TestServer;
let demo: DemoServer;
before(async () => {
  api = await startTestServer({ config: { mail: testMailConfig(undefined, { outboxDir: folder }) } });
  demo = await startDemoServer({ apiUrl: api.url, outboxDir: folder });
});
after(async () => {
  await demo.close();
  await api.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('the boîte d’envoi of the demo', () => {
  it('shows the e-mails written to the outbox, with the cancel link and the calendar file', async () => {
    const empty = await (await fetch(`${demo.url}/boite-d-envoi/`)).text();
    assert.match(empty, /Aucun message pour l’instant/);
    const opportunity = await fetch(`${api.url}/v1/admin/territories/roya/opportunities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${api.adminToken}` },
      body: JSON.stringify({
        kind: 'atelier-cooperation',
        title: 'Atelier <entraide>',
        startsAt: '2027-02-11T17:00:00.000Z',
        endsAt: null,
        place: { name: 'Salle polyvalente' },
        capacity: 10,
      }),
    });
    const { id } = (await opportunity.json()) as { id: string };
    const signup = await fetch(`${api.url}/v1/territories/roya/engagements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        opportunityId: id,
        firstName: 'Maël',
        email: 'mael@example.org',
        availability: ['week-end'],
        consent: true,
      }),
    });
    assert.equal(signup.status, 201);
    await api.mail.drain();
    const response = await fetch(`${demo.url}/boite-d-envoi/`);
    const page = await response.text();
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(page, /<h2>Inscription confirmée : Atelier &lt;entraide&gt;<\/h2>/);
    assert.match(page, /À : mael@example\.org/);
    assert.match(page, /Bonjour Maël,/);
    assert.match(page, /<a href="http:\/\/127\.0\.0\.1:\d+\/v1\/cancel\/[^"]+">/);
    assert.match(page, /invitation\.ics/);
    assert.match(page, /BEGIN:VCALENDAR/);
  });
});
