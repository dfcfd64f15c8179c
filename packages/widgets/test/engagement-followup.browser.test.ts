// The resident's follow-up in Chromium against the real API and a real SMTP server: sign-up →
// recap on screen and an e-mail with its .ics → « déjà inscrit·e » → waiting list → cancel by
// the e-mail's link → the first in line is promoted and told by e-mail, the one who cancelled
// gets an e-mail that confirms it; an erasure frees the place live too. FR and EN, announced,
// axe-clean in every state.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '@tec/widgets/define';
import type { TecEngagementCta } from '@tec/widgets';
import { admin, config, liveRegion, mailTo, settled, shadow, waitFor } from './helpers.js';

async function cta(opportunity: string, lang = 'fr'): Promise<TecEngagementCta> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = `<tec-engagement-cta lang="${lang}" api="${config.apiUrl}" territory="forbach"
    opportunity="${opportunity}" controller="Fondation de France" controller-contact="dpo@example.org"></tec-engagement-cta>`;
  const el = wrapper.querySelector<TecEngagementCta>('tec-engagement-cta')!;
  await settled(el);
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  shadow(el).querySelector<T & Element>(selector)!;

async function signUp(el: TecEngagementCta, opportunity: string, firstName: string, email: string) {
  $(el, `[data-choose="${opportunity}"]`).click();
  await el.updateComplete;
  for (const [id, text] of [
    ['firstName', firstName],
    ['email', email],
  ] as const) {
    $<HTMLInputElement>(el, `#${id}`).focus();
    await sendKeys({ type: text });
  }
  $<HTMLInputElement>(el, '#availability').click();
  $<HTMLInputElement>(el, '#consent').click();
  await el.updateComplete;
  $<HTMLButtonElement>(el, 'button[type="submit"]').click();
  await waitFor(() => !!shadow(el).querySelector('#confirmation'), 'the confirmation');
  await el.updateComplete;
}

type Opp = Awaited<ReturnType<typeof admin.createOpportunity>>;

describe('<tec-engagement-cta> follow-up', () => {
  // Made before any widget loads forbach's calls: the page's SDK cache keeps that list 30 s.
  let memoire: Opp;
  let fete: Opp;
  let complet: Opp;
  before(async () => {
    memoire = await admin.createOpportunity('forbach', {
      kind: 'atelier-cooperation',
      title: 'Atelier mémoire minière',
      startsAt: '2027-04-08T16:00:00.000Z',
      endsAt: '2027-04-08T18:00:00.000Z',
      place: { name: 'Maison des associations', commune: { insee: '57058', name: 'Behren-lès-Forbach' } },
      capacity: 1,
    });
    fete = await admin.createOpportunity('forbach', {
      kind: 'evenement',
      title: 'Fête de quartier',
      startsAt: '2027-05-20T14:00:00.000Z',
      endsAt: null,
      place: null,
      capacity: 3,
    });
    complet = await admin.createOpportunity('forbach', {
      kind: 'atelier-cooperation',
      title: 'Atelier complet',
      startsAt: '2027-06-03T08:00:00.000Z',
      endsAt: null,
      place: null,
      capacity: 1,
    });
  });

  it('signs up, e-mails the recap with an .ics, says « déjà inscrit·e », waits in line, and promotes on cancel', async () => {
    const opp = memoire;

    // 1. The last place: the recap, an e-mail on its way, how to cancel.
    const el = await cta(opp.id);
    await signUp(el, opp.id, 'Inès', 'ines@example.org');
    const confirmation = $(el, '.confirmation');
    expect(confirmation.dataset.status).to.equal('received');
    const text = confirmation.textContent!.replace(/\s+/g, ' ');
    expect(text).to.match(/Merci Inès ! Votre inscription est enregistrée/);
    expect(text).to.match(/Atelier mémoire minière/);
    expect(text).to.match(/jeudi 8 avril 2027/);
    expect(text).to.match(/Maison des associations, Behren-lès-Forbach/);
    expect(text).to.match(/Un e-mail de confirmation part vers ines@example\.org/);
    expect(text).to.match(/lien « Annuler » de cet e-mail/);
    expect(shadow(el).activeElement?.id).to.equal('confirmation');
    await waitFor(() => /e-mail de confirmation part vers/.test(liveRegion(el)), 'the announcement');
    await expect(el).to.be.accessible();

    const [mail] = await mailTo('ines@example.org');
    expect(mail!.subject).to.equal('Inscription confirmée : Atelier mémoire minière');
    expect(mail!.text).to.match(/Quand : jeudi 8 avril 2027, 18:00 – 20:00/);
    const ics = mail!.attachments.find((a) => a.filename === 'invitation.ics')!;
    expect(ics.content).to.match(/DTSTART:20270408T160000Z/);
    const link = /(http:\/\/\S+\/v1\/cancel\/\S+)/.exec(mail!.text)![1]!;

    // 2. The same address again: « déjà inscrit·e », no second place, the e-mail sent again.
    const again = await cta(opp.id);
    const button = $(again, `[data-choose="${opp.id}"]`);
    expect(button.textContent!.trim()).to.equal('M’inscrire sur la liste d’attente');
    await signUp(again, opp.id, 'Inès', 'INES@example.org');
    expect($(again, '.confirmation').dataset.status).to.equal('already-registered');
    expect($(again, '#confirmation').textContent).to.match(
      /Vous êtes déjà inscrit·e à «\sAtelier mémoire minière\s» avec cette adresse\s:\saucune nouvelle place/,
    );
    await waitFor(() => /déjà inscrit·e/.test(liveRegion(again)), 'the announcement');
    await expect(again).to.be.accessible();
    expect((await mailTo('ines@example.org', 2)).length).to.equal(2);

    // 3. Full: the waiting list, with the position.
    const line = await cta(opp.id);
    await signUp(line, opp.id, 'Yanis', 'yanis@example.org');
    expect($(line, '.confirmation').dataset.status).to.equal('waitlisted');
    expect($(line, '#confirmation').textContent).to.match(/liste d’attente, en position 1/);
    await expect(line).to.be.accessible();
    const [waiting] = await mailTo('yanis@example.org');
    expect(waiting!.subject).to.equal('Liste d’attente : Atelier mémoire minière');

    // 4. Inès cancels with her e-mail's link (the page's form posts it): Yanis gets the place.
    const page = await fetch(link);
    expect(await page.text()).to.match(/Annuler mon inscription/);
    const done = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect((await done.json()).promoted).to.equal(true);
    const [, promoted] = await mailTo('yanis@example.org', 2);
    expect(promoted!.subject).to.equal('Une place s’est libérée pour vous : Atelier mémoire minière');
    const bye = (await mailTo('ines@example.org', 3))[2]!;
    expect(bye.subject).to.equal('Inscription annulée : Atelier mémoire minière');
    expect(bye.text).to.match(/votre inscription à « Atelier mémoire minière » est annulée/);
    expect(bye.text).to.match(/Quand : jeudi 8 avril 2027, 18:00 – 20:00/);
    expect(bye.text).not.to.match(/\/v1\/cancel\//);
    expect(
      (await admin.exportEngagements('forbach')).items.filter((e) => e.opportunityId === opp.id).length,
    ).to.equal(1);
  });

  it('frees the place live on every open widget when someone cancels', async () => {
    const opp = fete;
    const el = await cta(opp.id);
    await signUp(el, opp.id, 'Zoé', 'zoe@example.org');
    const watcher = await cta(opp.id);
    await waitFor(() => /2 places restantes/.test($(watcher, '.places').textContent ?? ''), 'two places');
    const [mail] = await mailTo('zoe@example.org');
    const link = /(http:\/\/\S+\/v1\/cancel\/\S+)/.exec(mail!.text)![1]!;
    const cancelled = await fetch(link, { method: 'POST' });
    expect(cancelled.status).to.equal(200);
    expect((await cancelled.json()).status).to.equal('cancelled');
    await waitFor(
      () => /3 places restantes/.test($(watcher, '.places').textContent ?? ''),
      'the freed place',
    );
  });

  it('frees the place live on every open widget when the programme erases a sign-up', async () => {
    const opp = fete;
    const el = await cta(opp.id);
    await signUp(el, opp.id, 'Lou', 'lou@example.org');
    const watcher = await cta(opp.id);
    await waitFor(() => /2 places restantes/.test($(watcher, '.places').textContent ?? ''), 'two places');
    await mailTo('lou@example.org');
    expect((await admin.erase('lou@example.org')).deleted).to.equal(1);
    await waitFor(
      () => /3 places restantes/.test($(watcher, '.places').textContent ?? ''),
      'the place freed by the erasure',
    );
    await expect(watcher).to.be.accessible();
  });

  it('says it in English with lang="en"', async () => {
    const opp = complet;
    const el = await cta(opp.id, 'en');
    await signUp(el, opp.id, 'Sam', 'sam@example.org');
    expect($(el, '.confirmation').textContent!.replace(/\s+/g, ' ')).to.match(
      /Thank you Sam! Your sign-up is recorded\..*A confirmation e-mail is on its way to sam@example\.org/,
    );
    await expect(el).to.be.accessible();
    const next = await cta(opp.id, 'en');
    expect($(next, `[data-choose="${opp.id}"]`).textContent!.trim()).to.equal('Join the waiting list');
    await signUp(next, opp.id, 'Alex', 'alex@example.org');
    expect($(next, '#confirmation').textContent).to.match(/you are on the waiting list, in position 1/);
    await expect(next).to.be.accessible();
    const [mail] = await mailTo('sam@example.org');
    expect(mail!.subject).to.equal('Sign-up confirmed: Atelier complet');
  });
});
