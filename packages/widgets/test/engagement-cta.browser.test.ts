// <tec-engagement-cta> against the real API: the calls, the form by keyboard, every validation
// message, success once, faults that keep what the resident typed.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@tec/widgets/define';
import { createTecClient } from '@tec/sdk';
import type {
  TecEngagementCta,
  TecEngagementErrorEvent,
  TecEngagementSubmitEvent,
  TecEngagementSuccessEvent,
} from '@tec/widgets';
import { admin, config, inject, liveRegion, proxyStats, settled, shadow, waitFor } from './helpers.js';

async function cta(attrs = '', api = config.apiUrl, territory = 'roya'): Promise<TecEngagementCta> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = `<tec-engagement-cta api="${api}" territory="${territory}" controller="Fondation de France"
    controller-contact="dpo@example.org" ${attrs}></tec-engagement-cta>`;
  const el = wrapper.querySelector<TecEngagementCta>('tec-engagement-cta')!;
  await settled(el);
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  shadow(el).querySelector<T & Element>(selector)!;

async function open(el: TecEngagementCta, opportunityId: string): Promise<void> {
  $(el, `[data-choose="${opportunityId}"]`).click();
  await el.updateComplete;
}

async function type(el: TecEngagementCta, id: string, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, `#${id}`);
  input.focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

async function fillValid(el: TecEngagementCta, email: string): Promise<void> {
  await type(el, 'firstName', 'Léa');
  await type(el, 'email', email);
  $<HTMLInputElement>(el, '#availability').click();
  $<HTMLInputElement>(el, '#consent').click();
  await el.updateComplete;
}

async function stored(email: string, territory = 'roya'): Promise<number> {
  return (await admin.exportEngagements(territory)).items.filter((e) => e.email === email).length;
}

describe('<tec-engagement-cta>', () => {
  it('lists the calls with what, when, where and places left; a full one offers its waiting list', async () => {
    const el = await cta();
    const cards = shadow(el).querySelectorAll('.opportunity');
    expect(cards.length).to.equal(3); // the default limit; the others are behind a button
    const text = shadow(el).textContent ?? '';
    expect(text).to.match(/Atelier de coopération/);
    expect(text).to.match(/places? restantes?/);
    expect(text).to.match(/Complet/);
    // The full call is shown (its card is there), with the waiting list as its button.
    expect(shadow(el).getElementById('title-opp_roya_4')).to.not.equal(null);
    const waitlist = $(el, '[data-choose="opp_roya_4"]');
    expect(waitlist.textContent!.trim()).to.equal('M’inscrire sur la liste d’attente');
    expect(waitlist.getAttribute('aria-label')).to.match(/^M’inscrire sur la liste d’attente\s: /);
    await expect(el).to.be.accessible();
  });

  it('shows `limit` calls, the others behind a button that moves focus to the first of them', async () => {
    const el = await cta();
    const all = (await createTecClient({ baseUrl: config.apiUrl }).opportunities.list('roya')).length;
    expect(all).to.be.greaterThan(4);
    const more = $<HTMLButtonElement>(el, '[part="more"]');
    expect(more.textContent!.trim()).to.equal(`Voir les ${all - 3} autres propositions`);
    more.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const cards = shadow(el).querySelectorAll('.opportunity');
    expect(cards.length).to.equal(all);
    expect(shadow(el).querySelector('[part="more"]')).to.equal(null);
    expect(shadow(el).activeElement).to.equal(cards[3]!.querySelector('h3'));
    await expect(el).to.be.accessible();
    // Another territory's calls start folded again (and so do these, coming back to them).
    // (A territory no other test here changes: the page's SDK cache is shared.)
    el.territory = 'nantes-bellevue';
    await settled(el);
    el.territory = 'roya';
    await settled(el);
    expect(shadow(el).querySelectorAll('.opportunity').length).to.equal(3);
    expect(shadow(el).querySelector('[part="more"]')).to.not.equal(null);

    const one = await cta('limit="1"');
    expect(shadow(one).querySelectorAll('.opportunity').length).to.equal(1);
    expect($(one, '[part="more"]').textContent!.trim()).to.equal(`Voir les ${all - 1} autres propositions`);
    const wide = await cta('limit="50"');
    expect(shadow(wide).querySelectorAll('.opportunity').length).to.equal(all);
    expect(shadow(wide).querySelector('[part="more"]')).to.equal(null);
  });

  for (const bad of ['0', '-2', '2.5', 'trois', '']) {
    it(`treats limit="${bad}" as the default, 3`, async () => {
      const el = await cta(`limit="${bad}"`);
      expect(shadow(el).querySelectorAll('.opportunity').length).to.equal(3);
    });
  }

  it('shows a single call with opportunity=…, and the empty state for an unknown one', async () => {
    const one = await cta('opportunity="opp_roya_2"');
    expect(shadow(one).querySelectorAll('.opportunity').length).to.equal(1);
    const none = await cta('opportunity="opp_nothing"');
    expect((none as unknown as { status: string }).status).to.equal('empty');
    await expect(none).to.be.accessible();
  });

  it('opens an inline form with labels, autocomplete, the RGPD notice and an unticked consent', async () => {
    const el = await cta();
    await open(el, 'opp_roya_2');
    const form = $(el, 'form');
    expect(shadow(el).activeElement?.id).to.equal('form-title');
    for (const [id, auto] of [
      ['firstName', 'given-name'],
      ['email', 'email'],
      ['phone', 'tel'],
    ]) {
      const input = $<HTMLInputElement>(el, `#${id}`);
      expect(input.getAttribute('autocomplete')).to.equal(auto);
      expect(form.querySelector(`label[for="${id}"]`)).to.not.equal(null);
    }
    expect($<HTMLInputElement>(el, '#consent').checked).to.equal(false);
    expect(form.querySelector('fieldset legend')?.textContent).to.match(/disponibilités/);
    const privacy = $(el, '[part="privacy"]').textContent ?? '';
    for (const words of [
      /Fondation de France \(dpo@example\.org\)/,
      /Finalité/,
      /Base légale/,
      /obligatoires/,
      /Destinataires/,
      /2\sans/,
      /effacer/,
      /CNIL/,
    ]) {
      expect(privacy).to.match(words);
    }
    const honeypot = $(el, '.hp');
    expect(honeypot.getAttribute('aria-hidden')).to.equal('true');
    expect($<HTMLInputElement>(el, '#website').tabIndex).to.equal(-1);
    await expect(el).to.be.accessible();
  });

  it('shows every validation message next to its field and moves focus to the first', async () => {
    const el = await cta();
    await open(el, 'opp_roya_2');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await el.updateComplete;
    await el.updateComplete;
    for (const [field, message] of [
      ['firstName', /Indiquez votre prénom/],
      ['email', /adresse e-mail valide/],
      ['availability', /au moins une disponibilité/],
      ['consent', /accord est nécessaire/],
    ] as const) {
      const error = $(el, `#${field}-error`);
      expect(error.textContent).to.match(message);
      const describedBy = field === 'availability' ? $(el, 'fieldset') : $(el, `#${field}`);
      expect(describedBy.getAttribute('aria-describedby')).to.include(`${field}-error`);
    }
    expect($(el, '#firstName').getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).activeElement?.id).to.equal('firstName');
    // The summary says how many, then lists them, each a link to its field (RGAA 11.10).
    const summary = $(el, '.error-summary');
    expect(summary.querySelector('p')?.textContent).to.match(/Le formulaire contient 4 erreurs\s:$/);
    const links = [...summary.querySelectorAll<HTMLAnchorElement>('li a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      '#firstName',
      '#email',
      '#availability',
      '#consent',
    ]);
    expect(links[1]!.textContent).to.match(/^Adresse e-mail\s: Indiquez une adresse e-mail valide/);
    links[3]!.click();
    expect(shadow(el).activeElement?.id).to.equal('consent');
    await expect(el).to.be.accessible();
    await type(el, 'phone', '06 12 AB');
    await type(el, 'email', 'pas-un-email');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await el.updateComplete;
    expect($(el, '#phone-error').textContent).to.match(/numéro de téléphone valide/);
    expect($(el, '#email-error').textContent).to.match(/adresse e-mail valide/);
  });

  it('is usable by keyboard alone, from the button to the confirmation, which is announced', async () => {
    const el = await cta('opportunity="opp_roya_2"');
    const events: string[] = [];
    el.addEventListener('tec-engagement-submit', (e: TecEngagementSubmitEvent) =>
      events.push(`submit ${e.detail.opportunityId}`),
    );
    el.addEventListener('tec-engagement-success', (e: TecEngagementSuccessEvent) =>
      events.push(`success ${e.detail.receipt.status}`),
    );
    $(el, '[data-choose="opp_roya_2"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    $(el, '#firstName').focus();
    await sendKeys({ type: 'Noé' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'noe.clavier@example.org' });
    await sendKeys({ press: 'Tab' }); // phone
    await sendKeys({ press: 'Tab' }); // first availability
    await sendKeys({ press: 'Space' });
    $(el, '#consent').focus();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    $(el, 'button[type="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !!shadow(el).querySelector('#confirmation'), 'the confirmation');
    expect($(el, '#confirmation').textContent).to.match(/Merci Noé/);
    expect(shadow(el).activeElement?.id).to.equal('confirmation');
    await waitFor(() => /Merci Noé/.test(liveRegion(el)), 'the announcement');
    expect(events).to.deep.equal(['submit opp_roya_2', 'success received']);
    expect(await stored('noe.clavier@example.org')).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('keeps the focus on its button while sending, and sends once however often it is pressed', async () => {
    const el = await cta('', config.proxyUrl);
    await open(el, 'opp_roya_2');
    await fillValid(el, 'patiente@example.org');
    // A slow network: the sign-up takes 1.5 s to reach the server.
    await inject('/engagements$', { kind: 'delay', ms: 1500 }, 1, 'POST');
    $(el, 'button[type="submit"]').focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const button = $(el, 'button[type="submit"]');
    expect(button.textContent!.trim()).to.equal('Envoi en cours…');
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    // A disabled button loses the focus (to the page): this one keeps it, and ignores presses.
    expect(shadow(el).activeElement === button, 'the focus on the button while sending').to.equal(true);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !!shadow(el).querySelector('#confirmation'), 'the confirmation');
    expect(shadow(el).activeElement?.id).to.equal('confirmation');
    expect(await stored('patiente@example.org')).to.equal(1);
  });

  it('keeps everything typed when the network fails, and the retry lands exactly once', async () => {
    const el = await cta('', config.proxyUrl);
    const errors: TecEngagementErrorEvent[] = [];
    el.addEventListener('tec-engagement-error', (e) => errors.push(e));
    await open(el, 'opp_roya_2');
    await fillValid(el, 'reseau@example.org');
    await type(el, 'message', 'Je viendrai avec ma voisine.');
    // Every attempt is dropped (the SDK's retries, and the browser's own on a reused socket):
    // the server is unreachable.
    await inject('/engagements$', { kind: 'drop' }, 50, 'POST');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await waitFor(() => !!shadow(el).querySelector('#send-error'), 'the network error');
    expect($(el, '#send-error').textContent).to.match(/Vos réponses sont conservées/);
    expect(shadow(el).activeElement?.id).to.equal('send-error');
    expect(errors.length).to.equal(1);
    expect($<HTMLInputElement>(el, '#firstName').value).to.equal('Léa');
    expect($<HTMLInputElement>(el, '#email').value).to.equal('reseau@example.org');
    expect($<HTMLTextAreaElement>(el, '#message').value).to.equal('Je viendrai avec ma voisine.');
    expect($<HTMLInputElement>(el, '#consent').checked).to.equal(true);
    await expect(el).to.be.accessible();
    // The server is back, but the response of the retry is lost: the server stores it, and the
    // SDK retries with the same key.
    await proxyStats('.', true);
    await inject('/engagements$', { kind: 'lose-response' }, 1, 'POST');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await waitFor(() => !!shadow(el).querySelector('#confirmation'), 'the confirmation');
    expect(await stored('reseau@example.org')).to.equal(1);
  });

  it('keeps the field being typed in, and its focus, when a new call is published above the open one', async () => {
    const el = await cta();
    const first = shadow(el).querySelector<HTMLElement>('[data-choose]')!.dataset.choose!;
    await open(el, first);
    await type(el, 'firstName', 'Léo');
    // Published meanwhile, sooner than every call listed: it comes first, the open one moves down.
    const sooner = await admin.createOpportunity('roya', {
      kind: 'evenement',
      title: 'Réunion publique de test (fictive)',
      startsAt: '2026-11-30T18:00:00+01:00',
      endsAt: null,
      place: { name: 'Salle des fêtes (fictive)' },
      capacity: null,
    });
    // Its card (the live region says its title too, and keeps saying it).
    const listed = () =>
      [...shadow(el).querySelectorAll('.opportunity')].some((c) =>
        /Réunion publique de test/.test(c.textContent!),
      );
    try {
      await waitFor(listed, 'the new call');
      await el.updateComplete;
      expect(shadow(el).activeElement?.id, 'the focus after the new call').to.equal('firstName');
      await sendKeys({ type: 'nard' });
      expect($<HTMLInputElement>(el, '#firstName').value).to.equal('Léonard');
    } finally {
      await admin.deleteOpportunity('roya', sooner.id);
      // Gone from the list: the client's cache has it no more for the tests that follow.
      await waitFor(() => !listed(), 'the call removed');
    }
  });

  it('says so when the opportunity has just become full, keeping the answers', async () => {
    const created = await admin.createOpportunity('forbach', {
      kind: 'atelier-cooperation',
      title: 'Atelier presque complet',
      startsAt: '2027-03-01T10:00:00+01:00',
      endsAt: null,
      place: { name: 'Maison des associations' },
      capacity: 1,
    });
    const el = await cta(`opportunity="${created.id}"`, config.apiUrl, 'forbach');
    await open(el, created.id);
    await fillValid(el, 'deuxieme@example.org');
    // Someone else takes the last place meanwhile.
    await fetch(`${config.apiUrl}/v1/territories/forbach/engagements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        opportunityId: created.id,
        firstName: 'Premier',
        email: 'premier@example.org',
        availability: ['week-end'],
        consent: true,
      }),
    });
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await waitFor(() => !!shadow(el).querySelector('#send-error'), 'the full message');
    expect($(el, '#send-error').textContent).to.match(/vient d’être complète/);
    // The form now joins the waiting list instead.
    expect($(el, 'button[type="submit"]').textContent!.trim()).to.equal('M’inscrire sur la liste d’attente');
    expect($<HTMLInputElement>(el, '#email').value).to.equal('deuxieme@example.org');
  });

  it('updates places left live and announces it', async () => {
    const el = await cta('opportunity="opp_entre-deux-mers_2"', config.apiUrl, 'entre-deux-mers');
    const before = $(el, '.places').textContent;
    await fetch(`${config.apiUrl}/v1/territories/entre-deux-mers/engagements`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        opportunityId: 'opp_entre-deux-mers_2',
        firstName: 'Voisin',
        email: 'voisin@example.org',
        availability: ['week-end'],
        consent: true,
      }),
    });
    // One place fewer, not merely another text.
    const places = (text: string | null) => Number(/\d+/.exec(text ?? '')?.[0]);
    expect(places(before)).to.be.above(1);
    await waitFor(() => places($(el, '.places').textContent) === places(before) - 1, 'the new count');
    await waitFor(() => /Mise à jour/.test(liveRegion(el)), 'the announcement');
  });

  it('offers banner and button variants', async () => {
    const banner = await cta('variant="banner"');
    expect(shadow(banner).querySelectorAll('.opportunity').length).to.equal(1);
    await expect(banner).to.be.accessible();
    const button = await cta('variant="button" opportunity="opp_roya_3"');
    expect(getComputedStyle($(button, 'h3')).display).to.equal('none');
    expect($(button, '[data-choose]').getAttribute('aria-label')).to.match(
      /Je participe\s: Devenir bénévole/,
    );
    await expect(button).to.be.accessible();
  });

  it('sends its receipt id with a host page form when named', async () => {
    const form = await fixture<HTMLFormElement>(html`<form></form>`);
    form.innerHTML = `<tec-engagement-cta name="tec-receipt" api="${config.apiUrl}" territory="roya" opportunity="opp_roya_1"></tec-engagement-cta>`;
    const el = form.querySelector<TecEngagementCta>('tec-engagement-cta')!;
    await settled(el);
    await open(el, 'opp_roya_1');
    await fillValid(el, 'formulaire@example.org');
    $<HTMLButtonElement>(el, 'button[type="submit"]').click();
    await waitFor(() => !!shadow(el).querySelector('#confirmation'), 'the confirmation');
    expect(String(new FormData(form).get('tec-receipt'))).to.match(/^eng_/);
  });
});
