/**
 * The console's « Portrait » and « Coopérations » sections end to end, in Chromium, against the
 * real API serving the built console on a temporary database (as console.test.ts): edit and save,
 * the change arriving live in a second console and in the residents' widget beside it, the API's
 * refusals (its consistency rule included) beside the fields in French, hostile input kept as
 * text, axe in each state, the keyboard alone; and the link to the docs site's configurator.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright';
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from '@tec/api/testing';
import { createToken } from '@tec/api';
import type { CooperationList, Portrait } from '@tec/contract';
import { axe, chromePath, focused, go, open as openAt, section, shot, signIn, site, until } from './page.js';

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

const open = (width = 1280) => openAt(browser, `${api.url}/console/`, width);
const portrait = async () =>
  (await (await fetch(`${api.url}/v1/territories/roya/portrait`)).json()) as Portrait;
const cooperations = async () =>
  (await (await fetch(`${api.url}/v1/territories/roya/cooperations`)).json()) as CooperationList;

/** Markup a team member might paste: it must stay text, in the console and in the widgets. */
const MARKUP = '<img src="x" onerror="window.pwned=1"><b>gras</b>';

describe('the portrait', () => {
  it('saves the portrait; a second console and the residents’ widget see it live; markup stays text', async () => {
    const a = await open(375);
    const b = await open();
    await signIn(a.page, royaToken);
    await signIn(b.page, TEST_ADMIN_TOKEN);
    await go(a.page, 'Portrait');
    await go(b.page, 'Portrait');
    const form = section(a.page, 'portrait').locator('form[data-form="portrait"]');
    await form.locator('textarea[name="summary"]').waitFor();
    // The seed's published portrait, in words.
    assert.equal(await form.locator('select[name="status"]').inputValue(), 'publie');
    await section(a.page, 'portrait').locator('h2').getByText('Publié').waitFor();
    assert.equal(await form.locator('input[name="forcesVives.acteursMoteurs[2].label"]').count(), 1);
    await axe(a.page, 'portrait');
    await shot(a.page, 'portrait-375');
    await shot(b.page, 'portrait-1280');

    const summary = `La vallée après les ateliers de novembre ${MARKUP}`;
    await form.locator('textarea[name="summary"]').fill(summary);
    await form.getByRole('button', { name: 'Ajouter un savoir-faire' }).click();
    await form.locator('input[name="forcesVives.savoirFaire[3].label"]').fill('La cuisine brigasque');
    await form.locator('select[name="maturite.level"]').selectOption('etablie');
    await form.locator('input[name="entretiens"]').fill('57');
    await form.locator('input[name="binome.kiif.website"]').fill('https://intermade.example.org/');
    await form.getByRole('button', { name: 'Enregistrer le portrait' }).click();
    const status = form.locator('[data-status="portrait"]');
    await status.getByText('Le portrait a été enregistré.').waitFor();
    assert.equal(await status.getAttribute('aria-live'), 'polite');

    const saved = await portrait();
    assert.equal(saved.summary, summary);
    assert.equal(saved.entretiens, 57);
    assert.equal(saved.maturite?.level, 'etablie');
    assert.equal(saved.forcesVives.savoirFaire[3]?.label, 'La cuisine brigasque');
    assert.equal(saved.binome?.kiif.website, 'https://intermade.example.org/');
    // What the form did not change is kept: the Fondation's team, the felt vulnerabilities.
    assert.equal(saved.binome?.fondation.team, 'Fondation de France Méditerranée');
    assert.equal(saved.vulnerabilites.ressenties.length, 2);

    // Live, on the other console: its form and its preview widget, as residents see it.
    const other = section(b.page, 'portrait').locator('textarea[name="summary"]');
    await until('the summary reaches the other console', async () => (await other.inputValue()) === summary);
    const widget = b.page.locator('tec-territory-portrait');
    await widget.getByText(summary).waitFor();
    await widget.getByText('57 entretiens menés').waitFor();
    // The markup is text: no element was made of it, no handler ran.
    assert.equal(await widget.locator('img[src="x"]').count(), 0);
    assert.equal(await section(b.page, 'portrait').locator('img[src="x"]').count(), 0);
    assert.equal(await b.page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    await axe(a.page, 'portrait saved');
    // The journal says who changed it, with its status in words.
    await go(a.page, 'Journal');
    const entry = section(a.page, 'audit').locator('li', { hasText: 'Portrait modifié' }).first();
    await entry.getByText('Qui : Équipe Roya').waitFor();
    await entry.getByText('Publié', { exact: true }).waitFor();
    await entry.getByText('Entretiens menés').waitFor();
    await a.close();
    await b.close();
  });

  it('says beside each field what the contract refuses, in French, and writes nothing', async () => {
    const { page, close } = await open();
    await signIn(page, royaToken);
    await go(page, 'Portrait');
    const form = section(page, 'portrait').locator('form[data-form="portrait"]');
    await form.locator('textarea[name="summary"]').waitFor();
    const before = await portrait();

    // 10,000 characters where the contract takes 4,000; a contact that is not a web address.
    await form.locator('textarea[name="summary"]').fill('é'.repeat(10_000));
    await form.locator('input[name="binome.contact.url"]').fill('mailto:binome@example.org');
    // A row with a description but no label.
    await form.locator('input[name="forcesVives.ressources[0].label"]').fill('');
    await form.locator('textarea[name="forcesVives.ressources[0].description"]').fill('Sans intitulé');
    await form.getByRole('button', { name: 'Enregistrer le portrait' }).click();
    const status = form.locator('[data-status="portrait"]');
    await status
      .getByText(/Le formulaire contient 3\u00a0erreurs|Le formulaire contient 3 erreurs/)
      .waitFor();
    await form.locator('#portrait-summary-error').getByText('Doit faire au plus 4000 caractères').waitFor();
    await form
      .locator('#portrait-binome-contact-url-error')
      .getByText('Doit être une adresse web commençant par https:// ou http://')
      .waitFor();
    assert.ok(await form.locator('#portrait-forcesVives-ressources-0--label-error').isVisible());
    assert.equal(await form.locator('textarea[name="summary"]').getAttribute('aria-invalid'), 'true');
    assert.equal(await focused(page), 'summary', 'the first wrong field has the focus');
    await axe(page, 'portrait with errors');
    await shot(page, 'portrait-errors-1280');

    // A count that is not a whole number is refused by the form itself.
    await form.locator('textarea[name="summary"]').fill('Un résumé.');
    await form.locator('input[name="binome.contact.url"]').fill('https://example.org/tec/roya/contact');
    await form.locator('input[name="forcesVives.ressources[0].label"]').fill('Le train de la vallée');
    await form.locator('textarea[name="forcesVives.ressources[0].description"]').fill('');
    await form.locator('input[name="benevoles"]').fill('-3');
    await form.getByRole('button', { name: 'Enregistrer le portrait' }).click();
    await form
      .locator('#portrait-benevoles-error')
      .getByText('Doit être un nombre entier de 0 à 100')
      .waitFor();
    assert.equal(await focused(page), 'benevoles');

    const after = await portrait();
    assert.equal(after.updatedAt, before.updatedAt, 'nothing was written');
    await close();
  });

  it('adds and removes a row from the keyboard alone, the focus never lost', async () => {
    const { page, close } = await open();
    await signIn(page, royaToken);
    await go(page, 'Portrait');
    const form = section(page, 'portrait').locator('form[data-form="portrait"]');
    const add = form.locator('[data-add="vulnerabilites.ressenties"]');
    await add.focus();
    await page.keyboard.press('Enter');
    // The new row's label has the focus; type it, then its description.
    assert.equal(await focused(page), 'vulnerabilites.ressenties[2].label');
    await page.keyboard.type('Le manque de médecins');
    await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'vulnerabilites.ressenties[2].description');
    await page.keyboard.press('Tab');
    assert.match(await focused(page), /^Retirer/);
    await page.keyboard.press('Enter');
    // The row is gone and the focus went back to the list's « Ajouter » button.
    assert.equal(await form.locator('input[name="vulnerabilites.ressenties[2].label"]').count(), 0);
    assert.equal(await focused(page), 'vulnerabilites.ressenties');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Les services publics qui s’éloignent');
    // Enter in a field sends the form.
    await page.keyboard.press('Enter');
    await form.getByText('Le portrait a été enregistré.').waitFor();
    const saved = await portrait();
    assert.deepEqual(saved.vulnerabilites.ressenties.map((r) => r.label).slice(-1), [
      'Les services publics qui s’éloignent',
    ]);
    await close();
  });
});

describe('the cooperations', () => {
  it('adds, changes and removes a cooperation; a second console and the widget follow live', async () => {
    const a = await open();
    const b = await open();
    await signIn(a.page, royaToken);
    await signIn(b.page, TEST_ADMIN_TOKEN);
    await go(a.page, 'Coopérations');
    await go(b.page, 'Coopérations');
    const list = section(b.page, 'cooperations');
    await list.locator('li[data-cooperation]').first().waitFor();
    assert.equal(await list.locator('li[data-cooperation]').count(), 3);
    await shot(a.page, 'cooperations-1280');

    const form = section(a.page, 'cooperations').locator('form[data-form="new"]');
    const title = 'Jardins partagés de Breil';
    await form.locator('input[name="title"]').fill(title);
    await form.locator('textarea[name="summary"]').fill(`Des potagers ouverts à tous. ${MARKUP}`);
    await form.locator('select[name="status"]').selectOption('en-cours');
    await form.locator('input[name="startedAt"]').fill('2026-10-20');
    await form.getByLabel(/^Entraide des Hauts de Roya/).check();
    await form.getByLabel(/^Gîte Le Replat/).check();
    await form.getByLabel('Breil-sur-Roya', { exact: true }).check();
    await form.locator('textarea[name="needs"]').fill('Cultiver ensemble\n\nRompre l’isolement\n');
    await form.getByRole('button', { name: 'Ajouter une coopération' }).click();
    await form.getByText(`« ${title} » a été ajouté.`).waitFor();
    // The form is emptied for the next one.
    assert.equal(await form.locator('input[name="title"]').inputValue(), '');
    assert.equal(await form.getByLabel(/^Entraide des Hauts de Roya/).isChecked(), false);

    const created = (await cooperations()).items.find((c) => c.title === title)!;
    assert.deepEqual(
      created.actors.map((x) => x.name),
      ['Entraide des Hauts de Roya (fictive)', 'Gîte Le Replat (fictif)'],
    );
    assert.deepEqual(created.communes, [{ insee: '06023', name: 'Breil-sur-Roya' }]);
    assert.deepEqual(created.needs, ['Cultiver ensemble', 'Rompre l’isolement']);

    // Live on the other console and on its residents' widget; the markup stays text.
    const item = list.locator('li[data-cooperation]', { hasText: title });
    await item.waitFor();
    await item.getByText('En cours').waitFor();
    await item.getByText(`Des potagers ouverts à tous. ${MARKUP}`).waitFor();
    const widget = b.page.locator('tec-cooperations');
    await widget.getByText(title).first().waitFor();
    assert.equal(await b.page.locator('tec-console img[src="x"]').count(), 0);
    assert.equal(await b.page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
    await axe(a.page, 'cooperations');

    // Changed on A: the form opens with what the cooperation holds.
    const mine = section(a.page, 'cooperations').locator('li[data-cooperation]', { hasText: title });
    await mine.getByRole('button', { name: /Modifier/ }).click();
    const edit = section(a.page, 'cooperations').locator('form[data-form^="c-"]');
    assert.equal(await edit.getByLabel(/^Entraide des Hauts de Roya/).isChecked(), true);
    assert.equal(await edit.getByLabel('Breil-sur-Roya', { exact: true }).isChecked(), true);
    assert.equal(
      await edit.locator('textarea[name="needs"]').inputValue(),
      'Cultiver ensemble\nRompre l’isolement',
    );
    await axe(a.page, 'cooperation being edited');
    await edit.locator('select[name="status"]').selectOption('perennisee');
    await edit.getByLabel(/^Gîte Le Replat/).uncheck();
    await edit.getByRole('button', { name: 'Enregistrer' }).click();
    await section(a.page, 'cooperations').getByText(`« ${title} » a été modifié.`).waitFor();
    await item.getByText('Pérennisée').waitFor();
    await until(
      'the actor left on the other console',
      async () => !((await item.textContent()) ?? '').includes('Gîte Le Replat'),
    );

    // Removed after a confirmation step; gone from the other console and its widget.
    await mine.getByRole('button', { name: /Supprimer/ }).click();
    await axe(a.page, 'cooperation removal asked');
    await section(a.page, 'cooperations').getByRole('button', { name: 'Confirmer la suppression' }).click();
    await section(a.page, 'cooperations').getByText(`« ${title} » a été supprimé.`).waitFor();
    await item.waitFor({ state: 'detached' });
    await widget.getByText(title).waitFor({ state: 'detached' });
    assert.equal((await cooperations()).items.length, 3);
    await a.close();
    await b.close();
  });

  it('shows the API’s consistency rule for a territory being selected as the form’s error', async () => {
    const { page, close } = await open();
    await signIn(page, TEST_ADMIN_TOKEN);
    await page.locator('#territory').selectOption('haute-garonne');
    await page.getByRole('heading', { level: 1, name: /Haute-Garonne/ }).waitFor();
    await go(page, 'Coopérations');
    const form = section(page, 'cooperations').locator('form[data-form="new"]');
    // No member and no commune yet: said, not an empty box.
    await form.getByText('Le territoire n’a pas encore de membre').waitFor();
    await form.locator('input[name="title"]').fill('Une coopération trop tôt');
    await form.locator('textarea[name="summary"]').fill('Avant même la sélection du territoire.');
    await form.getByRole('button', { name: 'Ajouter une coopération' }).click();
    await form
      .locator('[data-status="new"]')
      .getByText(
        'Ces valeurs se contredisent\u00a0: un territoire en cours de sélection n’a encore ni phase commencée, ni membre, ni coopération, ni opportunité.',
      )
      .waitFor();
    await axe(page, 'cooperation refused by a consistency rule');
    await close();
  });

  it('refuses hostile input beside its field, and works from the keyboard alone', async () => {
    const { page, close } = await open(375);
    await signIn(page, royaToken);
    await go(page, 'Coopérations');
    const form = section(page, 'cooperations').locator('form[data-form="new"]');
    const title = form.locator('input[name="title"]');
    await title.waitFor();
    await shot(page, 'cooperations-375');
    // From the title, with the keyboard: a 10,000-character title, 13 needs (12 at most).
    await title.focus();
    await page.keyboard.insertText('x'.repeat(10_000));
    // The status, the start date (its day, month and year), then what it does.
    for (let i = 0; i < 6 && (await focused(page)) !== 'summary'; i++) await page.keyboard.press('Tab');
    assert.equal(await focused(page), 'summary');
    await page.keyboard.type('Un atelier.');
    await page.keyboard.press('Tab'); // the first actor
    assert.equal(await focused(page), 'actorIds');
    await page.keyboard.press('Space');
    await form
      .locator('textarea[name="needs"]')
      .fill(Array.from({ length: 13 }, (_, i) => `Besoin ${i + 1}`).join('\n'));
    await form.getByRole('button', { name: 'Ajouter une coopération' }).focus();
    await page.keyboard.press('Enter');
    await form.locator('#new-title-error').getByText('Doit faire au plus 200 caractères').waitFor();
    await form.locator('#new-needs-error').getByText('Doit compter au plus 12 éléments').waitFor();
    assert.equal(await focused(page), 'title', 'the first wrong field has the focus');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `no sideways scroll with a 10,000-character title (${width}px)`);
    await axe(page, 'cooperation with errors');
    await shot(page, 'cooperations-errors-375');
    assert.equal((await cooperations()).items.length, 3, 'nothing was written');

    // Mended, and sent with Enter from the title.
    await title.fill('Atelier vélo');
    await form.locator('textarea[name="needs"]').fill('Se déplacer sans voiture');
    await title.focus();
    await page.keyboard.press('Enter');
    await form.getByText('« Atelier vélo » a été ajouté.').waitFor();
    const made = (await cooperations()).items.find((c) => c.title === 'Atelier vélo')!;
    assert.equal(made.actors.length, 1, 'the actor chosen with Space');
    await close();
  });
});

describe('the link to the embed configurator', () => {
  it('opens the docs site’s configurator in a new tab, with the territory and the widget shown', async () => {
    const { page, close } = await open();
    await signIn(page, royaToken);
    await go(page, 'Portrait');
    const link = page.getByRole('link', { name: 'Intégrer ces widgets sur un site' });
    assert.equal(
      await link.getAttribute('href'),
      `${api.url}/fr/configurateur.html?territory=roya&widget=tec-territory-portrait`,
    );
    assert.equal(await link.getAttribute('target'), '_blank');
    assert.match((await link.getAttribute('rel')) ?? '', /noopener/);
    await go(page, 'Coopérations');
    assert.match((await link.getAttribute('href')) ?? '', /widget=tec-cooperations$/);
    await page.getByRole('button', { name: 'Switch the console to English' }).click();
    await page
      .getByRole('link', { name: 'Embed these widgets on a site' })
      .and(page.locator(`[href="${api.url}/en/configurator.html?territory=roya&widget=tec-cooperations"]`))
      .waitFor();
    await close();
  });
});
