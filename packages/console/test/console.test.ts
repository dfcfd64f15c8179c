/**
 * The console end to end, in Chromium: its built static files (packages/console/dist/site,
 * built by `npm test` before this runs) served by the real API on a temporary database, as
 * `npm start` serves them. What a team member does, checked with the page's own CSP header on:
 * sign in (good and bad token, scope), edit each resource (a success and a refusal), see a
 * change made on another page arrive live, export and erase sign-ups, read the audit log; axe,
 * the keyboard and a 320 px screen.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { chromium, type Browser } from 'playwright';
import { freePort, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '@tec/api/testing';
import { createToken } from '@tec/api';
import { axe, chromePath, go, open as openPage, section, shot, signIn, site } from './page.js';

let api: TestServer;
let browser: Browser;
let royaToken: string;

before(async () => {
  assert.ok(
    existsSync(`${site}console.js`),
    'build the console first: npx tsc --build && npx rollup -c packages/console/rollup.config.mjs',
  );
  api = await startTestServer({ config: { consoleDir: site } });
  royaToken = await createToken(api.db, 'Équipe Roya', 'roya');
  browser = await chromium.launch({ executablePath: chromePath, args: ['--no-sandbox'] });
});

after(async () => {
  await browser?.close();
  await api?.close();
});

/** Opens the console the API serves (page.ts: CSP violations and script errors checked at close). */
const open = (width = 1280) => openPage(browser, `${api.url}/console/`, width);

describe('the console served by the API', () => {
  it('is sent with a strict CSP that no page may frame, and /console redirects to /console/', async () => {
    const response = await fetch(`${api.url}/console/`);
    const body = await response.text();
    assert.equal(response.status, 200);
    assert.match(body, /<tec-console>/);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.match(csp, /style-src 'self'(;|$)/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(response.headers.get('x-frame-options'), 'DENY');
    assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    const script = await fetch(`${api.url}/console/console.js`);
    assert.match(script.headers.get('content-type') ?? '', /javascript/);
    await script.arrayBuffer();
    const bare = await fetch(`${api.url}/console`, { redirect: 'manual' });
    assert.equal(bare.status, 301);
    assert.equal(bare.headers.get('location'), '/console/');
  });
});

describe('signing in', () => {
  it('says in French that an unknown token is unknown or revoked, and keeps no token anywhere', async () => {
    const { page, close } = await open();
    await axe(page, 'signed out');
    await page.fill('#token', 'tec_abcdefgh_cenestpasunvraijetonduprogramme');
    await page.click('form[data-form="signin"] button[type="submit"]');
    const status = page.locator('[data-status="signin"]');
    await status.getByText('Ce jeton est inconnu ou a été révoqué.').waitFor();
    assert.equal(await status.getAttribute('aria-live'), 'polite');
    assert.equal(await page.locator('#token').getAttribute('aria-invalid'), 'true');
    await signIn(page, TEST_ADMIN_TOKEN);
    const kept = await page.evaluate(() => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      url: location.href,
    }));
    assert.deepEqual(kept, { cookie: '', local: 0, session: 0, url: `${api.url}/console/` });
    assert.deepEqual(await page.context().cookies(), []);
    await shot(page, 'signed-in-1280');
    await close();
  });

  it('shows a territory token its territory only, and a national token all six', async () => {
    const roya = await open();
    await signIn(roya.page, royaToken);
    assert.deepEqual(
      (await roya.page.locator('#territory option').allTextContents()).map((x) => x.trim()),
      ['Vallée de la Roya'],
    );
    await roya.page.getByText('Connecté·e en tant que « Équipe Roya »').waitFor();
    await roya.close();
    const national = await open();
    await signIn(national.page, TEST_ADMIN_TOKEN);
    assert.equal(await national.page.locator('#territory option').count(), 6);
    await national.close();
  });

  it('works from the keyboard alone', async () => {
    const { page, close } = await open();
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab'); // the language button
    await page.keyboard.press('Tab'); // the token
    await page.keyboard.type(royaToken);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#territory');
    // The focus moves to the content once the first territory has loaded (after the selector
    // appears: on a busy machine, read at once, it was not there yet), and the sections are
    // reached with Tab and Enter.
    await page.waitForFunction(() => document.activeElement?.id === 'main', undefined, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
    await close();
  });
});

describe('editing a territory', () => {
  it('saves a phase and says so beside its button; refuses a date out of range beside the field', async () => {
    const { page, close } = await open(375);
    await signIn(page, royaToken);
    // The Roya's phase under way (the API refuses a second phase « en cours »).
    const form = section(page, 'phases').locator('form[data-form="phase-cooperations"]');
    await form.locator('select[name="status"]').selectOption('en-cours');
    await form.locator('input[name="progress"]').fill('55');
    await form.locator('button[type="submit"]').click();
    const status = form.locator('[data-status="phase-cooperations"]');
    await status.getByText('La phase « Coopérations » a été enregistrée.').waitFor();
    assert.ok(await status.isVisible());
    assert.ok(
      await status.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }),
      'the feedback is in view, not below the fold',
    );
    // The status is shown as a word, never its code.
    await section(page, 'phases').locator('#h-cooperations').getByText('En cours').waitFor();
    assert.doesNotMatch(
      (await section(page, 'phases').locator('#h-cooperations').textContent()) ?? '',
      /en-cours/,
    );

    await form.locator('input[name="startDate"]').fill('2250-01-01');
    await form.locator('button[type="submit"]').click();
    await form.getByText('Doit être une date entre 1900 et 2199').waitFor();
    assert.equal(await form.locator('input[name="startDate"]').getAttribute('aria-invalid'), 'true');
    await form.locator('input[name="progress"]').fill('150');
    await form.locator('button[type="submit"]').click();
    await form.getByText('Doit être un nombre de 0 à 100.').waitFor();
    await axe(page, 'phases with errors');
    await close();
  });

  it('shows a broken consistency rule as the form’s error, in French', async () => {
    // The real API's refusal: the Roya's portrait began on 2025-11-15, so it cannot end in 2025-01.
    const { page, close } = await open();
    await signIn(page, royaToken);
    const form = section(page, 'phases').locator('form[data-form="phase-portrait"]');
    await form.locator('input[name="endDate"]').fill('2025-01-01');
    await form.locator('button[type="submit"]').click();
    await form
      .locator('[data-status="phase-portrait"]')
      .getByText('Ces valeurs se contredisent\u00a0: une phase doit commencer avant de finir.')
      .waitFor();
    await close();
  });

  it('adds, changes and removes a milestone; refuses an empty title', async () => {
    const { page, close } = await open();
    await signIn(page, royaToken);
    const phases = section(page, 'phases');
    const form = phases.locator('form[data-form="new-coalition"]');
    await phases.locator('section[data-phase="coalition"] summary').click();
    await form.locator('button[type="submit"]').click();
    await form.locator('.field-error').first().waitFor();
    assert.equal(await form.locator('input[name="title"]').getAttribute('aria-invalid'), 'true');
    await form.locator('input[name="title"]').fill('Premier comité de coalition');
    // Within the coalition phase's dates (2027-10-01 to 2028-11-30): the API refuses others.
    await form.locator('input[name="dueDate"]').fill('2028-03-15');
    await form.locator('button[type="submit"]').click();
    await form.getByText('« Premier comité de coalition » a été ajouté.').waitFor();
    const item = phases.locator('li', { hasText: 'Premier comité de coalition' });
    await item.getByRole('button', { name: /Modifier/ }).click();
    await phases.locator('form[data-form^="ms-"] select[name="status"]').selectOption('en-cours');
    await phases.locator('form[data-form^="ms-"] button[type="submit"]').click();
    await phases.getByText('« Premier comité de coalition » a été modifié.').waitFor();
    await phases.locator('li', { hasText: 'Premier comité de coalition' }).getByText('En cours').waitFor();
    await phases
      .locator('li', { hasText: 'Premier comité de coalition' })
      .getByRole('button', { name: /Supprimer/ })
      .click();
    await phases.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await phases.getByText('« Premier comité de coalition » a été supprimé.').waitFor();
    await phases.locator('li', { hasText: 'Premier comité de coalition' }).waitFor({ state: 'detached' });
    await close();
  });

  it('adds a member with its commune and kind, changes and removes it; refuses a bad web address', async () => {
    const { page, close } = await open();
    await signIn(page, royaToken);
    await go(page, 'Membres');
    const members = section(page, 'members');
    const form = members.locator('form[data-form="new"]');
    const communes = await form.locator('select[name="commune"] option').allTextContents();
    assert.ok(communes.includes('Tende') && communes.includes('Breil-sur-Roya'), communes.join());
    await form.locator('input[name="name"]').fill('Épicerie solidaire de Tende');
    await form.locator('select[name="kind"]').selectOption('ess');
    await form.locator('select[name="commune"]').selectOption({ label: 'Tende' });
    await form.locator('input[name="website"]').fill('pas une adresse');
    await form.locator('button[type="submit"]').click();
    await form.locator('#new-website-error').waitFor();
    assert.match(
      (await form.locator('#new-website-error').textContent()) ?? '',
      /adresse web|Valeur refusée/,
    );
    await form.locator('input[name="website"]').fill('https://epicerie-tende.example');
    await form.locator('button[type="submit"]').click();
    await form.getByText('« Épicerie solidaire de Tende » a été ajouté.').waitFor();
    const item = members.locator('li', { hasText: 'Épicerie solidaire de Tende' });
    await item.getByText('ESS').waitFor();
    await item.getByText(/Tende ·/).waitFor();
    await axe(page, 'members');
    await item.getByRole('button', { name: /Modifier/ }).click();
    await members.locator('form[data-form^="m-"] select[name="kind"]').selectOption('association');
    await members.locator('form[data-form^="m-"] button[type="submit"]').click();
    await members.getByText('« Épicerie solidaire de Tende » a été modifié.').waitFor();
    await members
      .locator('li', { hasText: 'Épicerie solidaire de Tende' })
      .getByText('Association')
      .waitFor();
    await members
      .locator('li', { hasText: 'Épicerie solidaire de Tende' })
      .getByRole('button', { name: /Supprimer/ })
      .click();
    await members.getByRole('button', { name: 'Confirmer la suppression' }).click();
    await members.getByText('« Épicerie solidaire de Tende » a été supprimé.').waitFor();
    await close();
  });

  it('publishes an opportunity with day, hours, place and places; refuses fewer places than taken', async () => {
    const { page, close } = await open();
    await signIn(page, royaToken);
    await go(page, 'Opportunités');
    const ops = section(page, 'opportunities');
    const form = ops.locator('form[data-form="new"]');
    await form.locator('input[name="title"]').fill('Atelier mobilité e2e');
    await form.locator('textarea[name="description"]').fill('Venez imaginer le covoiturage de la vallée.');
    await form.locator('input[name="date"]').fill('2027-06-12');
    await form.locator('input[name="startTime"]').fill('14:00');
    await form.locator('input[name="endTime"]').fill('17:30');
    await form.locator('input[name="placeName"]').fill('Salle des fêtes');
    await form.locator('select[name="commune"]').selectOption({ label: 'Breil-sur-Roya' });
    await form.locator('input[name="capacity"]').fill('3');
    await form.locator('button[type="submit"]').click();
    await form.getByText('« Atelier mobilité e2e » a été ajouté.').waitFor();
    const item = ops.locator('li', { hasText: 'Atelier mobilité e2e' });
    await item.getByText(/samedi 12 juin 2027, 14\u00a0h – 17\u00a0h\u00a030/).waitFor();
    await item.getByText(/Salle des fêtes, Breil-sur-Roya/).waitFor();
    await item.getByText('Ouverte').waitFor();
    // The API keeps the instant in Paris time.
    const listed = (await (await fetch(`${api.url}/v1/territories/roya/opportunities`)).json()) as {
      items: { id: string; title: string; startsAt: string; capacity: number }[];
    };
    const created = listed.items.find((o) => o.title === 'Atelier mobilité e2e')!;
    assert.equal(Date.parse(created.startsAt), Date.parse('2027-06-12T14:00:00+02:00'));
    // Two residents sign up; the capacity cannot go below the two places taken.
    for (const firstName of ['Aline', '=SUM(A1)']) {
      const r = await fetch(`${api.url}/v1/territories/roya/engagements`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://mairie-breil.example' },
        body: JSON.stringify({
          opportunityId: created.id,
          firstName,
          email: `${firstName === 'Aline' ? 'aline' : 'formule'}@example.org`,
          availability: ['week-end'],
          consent: true,
        }),
      });
      assert.equal(r.status, 201, await r.text());
    }
    await ops.getByText('1 place restante sur 3').waitFor(); // live: the sign-ups arrived without a reload
    await item.getByRole('button', { name: /Modifier/ }).click();
    const edit = ops.locator('form[data-form^="o-"]');
    await edit.locator('input[name="capacity"]').fill('1');
    await edit.locator('button[type="submit"]').click();
    await edit.getByText('Ne peut pas être inférieur aux 2 places déjà prises').waitFor();
    assert.equal(await edit.locator('input[name="capacity"]').getAttribute('aria-invalid'), 'true');
    await edit.locator('input[name="capacity"]').fill('2');
    await edit.locator('button[type="submit"]').click();
    await ops.getByText('« Atelier mobilité e2e » a été modifié.').waitFor();
    await ops.locator('li', { hasText: 'Atelier mobilité e2e' }).getByText('Complète').waitFor();
    await shot(page, 'opportunities-1280');
    await close();
  });
});

describe('sign-ups and the audit log', () => {
  it('lists who signed up, exports CSV (formula-safe) and JSON, erases one person after confirming', async () => {
    const { page, close } = await open();
    await signIn(page, royaToken);
    await go(page, 'Inscriptions');
    const signups = section(page, 'signups');
    const group = signups.locator('section', { hasText: 'Inscrits à « Atelier mobilité e2e »' });
    await group.getByText('aline@example.org', { exact: true }).waitFor();
    await group.getByText('https://mairie-breil.example').first().waitFor();
    await group.getByText('Le week-end').first().waitFor();
    await axe(page, 'sign-ups');
    await shot(page, 'signups-1280');

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      signups.getByRole('button', { name: 'Exporter en CSV' }).click(),
    ]);
    const text = readFileSync((await csv.path())!, 'utf8');
    assert.match(text, /"'=SUM\(A1\)"/, 'the formula is defused');
    assert.match(text, /aline@example\.org/);
    await signups
      .locator('[data-status="export"]')
      .getByText(/L’export CSV a été téléchargé/)
      .waitFor();
    const [json] = await Promise.all([
      page.waitForEvent('download'),
      signups.getByRole('button', { name: 'Exporter en JSON' }).click(),
    ]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { items: { email: string }[] };
    assert.ok(exported.items.some((i) => i.email === 'aline@example.org'));

    const aline = group.locator('li', { hasText: 'aline@example.org' });
    await aline.getByRole('button', { name: /Effacer ses données/ }).click();
    await aline.getByText(/Effacer toutes les inscriptions de aline@example.org/).waitFor();
    await aline.getByRole('button', { name: 'Effacer définitivement' }).click();
    await signups.getByText('1 inscription effacée pour aline@example.org.').waitFor();
    assert.equal(await signups.getByText('aline@example.org', { exact: true }).count(), 0);
    await close();
  });

  it('shows who changed what and when, with the token’s name and the change in words', async () => {
    const { page, close } = await open();
    await signIn(page, royaToken);
    await go(page, 'Journal');
    const audit = section(page, 'audit');
    const erasure = audit.locator('li', { hasText: 'Données d’une personne effacées' });
    await erasure.first().waitFor();
    await erasure.first().getByText('Qui : Équipe Roya').waitFor();
    assert.doesNotMatch((await audit.textContent()) ?? '', /aline@example\.org/);
    const phase = audit.locator('li', { hasText: 'Phase modifiée' }).first();
    await phase.getByText('Coopérations').waitFor();
    await phase.getByText('En cours').waitFor();
    await axe(page, 'audit');
    await shot(page, 'audit-1280');
    await close();
  });
});

describe('live, across two pages', () => {
  it('shows a member added on one page on the other without a reload', async () => {
    const a = await open();
    const b = await open();
    await signIn(a.page, royaToken);
    await signIn(b.page, TEST_ADMIN_TOKEN);
    await go(a.page, 'Membres');
    await go(b.page, 'Membres');
    await section(b.page, 'members').locator('li').first().waitFor();
    const name = `Association du col de Tende ${Date.now()}`;
    const form = section(a.page, 'members').locator('form[data-form="new"]');
    await form.locator('input[name="name"]').fill(name);
    await form.locator('button[type="submit"]').click();
    await section(b.page, 'members').locator('li', { hasText: name }).waitFor();
    // And on page B's preview widget, as residents see it.
    await b.page.locator('tec-coalition-members').getByText(name).first().waitFor();
    await a.close();
    await b.close();
  });
});

describe('on a phone', () => {
  it('never scrolls sideways at 320 px, in every section, and passes axe there', async () => {
    const { page, close } = await open(320);
    await signIn(page, TEST_ADMIN_TOKEN);
    const over: string[] = [];
    for (const name of [
      'Phases et jalons',
      'Portrait',
      'Coopérations',
      'Membres',
      'Opportunités',
      'Inscriptions',
      'Journal',
    ] as const) {
      await go(page, name);
      await page.locator('tec-console section.block').first().waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) over.push(`${name}: ${width}px`);
    }
    assert.deepEqual(over, []);
    await go(page, 'Opportunités');
    await axe(page, 'opportunities at 320 px');
    await close();
  });

  it('looks right at 375 px (screenshots with TEC_SCREENSHOTS=1)', async () => {
    const { page, close } = await open(375);
    await shot(page, 'signin-375');
    await signIn(page, royaToken);
    await section(page, 'phases').locator('form').first().waitFor();
    await shot(page, 'phases-375');
    await go(page, 'Opportunités');
    await section(page, 'opportunities').locator('li').first().waitFor();
    await shot(page, 'opportunities-375');
    await go(page, 'Inscriptions');
    await shot(page, 'signups-375');
    assert.ok(await page.locator('tec-console').isVisible());
    await close();
  });
});

describe('as static files on another origin', () => {
  it('calls the API named in its meta tag, under the host’s own strict CSP', async () => {
    // A plain static host, as the README describes it: the folder, the meta tag, the headers.
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const other = await startTestServer({ config: { allowedOrigins: [origin] } });
    // The policy packages/console/README.md gives, with this API in connect-src.
    const csp =
      "default-src 'none'; script-src 'self'; style-src 'self'; " +
      `connect-src 'self' ${other.url}; img-src 'self' data:; base-uri 'none'; form-action 'none'; ` +
      "frame-ancestors 'none'; require-trusted-types-for 'script'";
    const host = createServer((req, res) => {
      const name = (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').slice(1);
      if (!/^[\w.-]+$/.test(name) || !existsSync(`${site}${name}`)) return res.writeHead(404).end();
      let body: string | Buffer = readFileSync(`${site}${name}`);
      if (name === 'index.html')
        body = body
          .toString()
          .replace('<meta name="tec-api" content="" />', `<meta name="tec-api" content="${other.url}" />`);
      const type = name.endsWith('.js')
        ? 'text/javascript'
        : name.endsWith('.css')
          ? 'text/css'
          : name.endsWith('.svg')
            ? 'image/svg+xml'
            : 'text/html; charset=utf-8';
      res.writeHead(200, { 'content-type': type, 'content-security-policy': csp }).end(body);
    });
    await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      const violations: string[] = [];
      page.on('console', (m) => {
        if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
      });
      await page.goto(`${origin}/`);
      await signIn(page, TEST_ADMIN_TOKEN);
      assert.equal(await page.locator('#territory option').count(), 6);
      await go(page, 'Membres');
      const form = section(page, 'members').locator('form[data-form="new"]');
      await form.locator('input[name="name"]').fill('Collectif hébergé ailleurs');
      await form.locator('button[type="submit"]').click();
      await form.getByText('« Collectif hébergé ailleurs » a été ajouté.').waitFor();
      assert.deepEqual(violations, []);
      await context.close();
    } finally {
      await new Promise((resolve) => host.close(resolve));
      await other.close();
    }
  });
});
