/**
 * The follow-up e-mails, written when they leave from the sign-up as it then is: a confirmation
 * (or a waiting-list confirmation), a promotion from the waiting list, a reminder. Each in the
 * widget's language (French unless `en`), plain text and HTML, with the recap — what, when (with
 * the weekday), where, who organises and how to reach them through their public sites, never a
 * person's address — an .ics calendar file (ical-generator) when there is a date, and the
 * link to cancel. And the cancellation's e-mail, written from what its queue row kept (the
 * sign-up is gone): what was cancelled, when and where; no link, nothing to attach.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Binome, Place } from '@tec/contract';
import type { Sql } from '../db/database.js';
import type { MailKind } from './queue.js';

export interface MailContext {
  engagementId: string;
  territory: string;
  territoryName: string;
  binome: Binome | null;
  firstName: string;
  email: string;
  lang: 'fr' | 'en';
  status: 'confirmed' | 'waitlisted';
  waitlistPosition: number | null;
  opportunityId: string;
  title: string;
  description: string | null;
  startsAt: string | null;
  endsAt: string | null;
  place: Place | null;
}

const iso = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The sign-up, its opportunity and territory, or undefined when any of them is gone. */
export async function loadContext(db: Sql, engagementId: string): Promise<MailContext | undefined> {
  const [row] = await db.query<{
    id: string;
    territory: string;
    territory_name: string;
    binome: Binome | null;
    first_name: string;
    email: string;
    lang: string;
    status: 'confirmed' | 'waitlisted';
    position: number | null;
    opportunity_id: string;
    title: string;
    description: string | null;
    starts_at: string | null;
    ends_at: string | null;
    place: Place | null;
  }>(
    `select e.id, e.territory, t.data->>'name' as territory_name, t.data->'binome' as binome, e.first_name,
       e.email, e.lang, e.status,
       case when e.status = 'waitlisted' then (select count(*)::int from engagements w
         where w.territory = e.territory and w.opportunity_id = e.opportunity_id and w.status = 'waitlisted'
           and (w.created_at, w.id) <= (e.created_at, e.id)) end as position,
       o.id as opportunity_id, o.title, o.description, ${iso('o.starts_at')} as starts_at,
       ${iso('o.ends_at')} as ends_at, o.place
     from engagements e
     join opportunities o on o.territory = e.territory and o.id = e.opportunity_id
     join territories t on t.slug = e.territory
     where e.id = $1`,
    [engagementId],
  );
  if (!row) return undefined;
  return {
    engagementId: row.id,
    territory: row.territory,
    territoryName: row.territory_name,
    binome: row.binome,
    firstName: row.first_name,
    email: row.email,
    lang: row.lang === 'en' ? 'en' : 'fr',
    status: row.status,
    waitlistPosition: row.position,
    opportunityId: row.opportunity_id,
    title: row.title,
    description: row.description,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
  };
}

/**
 * What the cancellation's e-mail says, kept in its queue row until it leaves: the least the
 * message needs (no phone, no availability, no message of the person).
 */
export type CancelledMail = Pick<
  MailContext,
  'firstName' | 'email' | 'lang' | 'status' | 'title' | 'startsAt' | 'endsAt' | 'place' | 'territoryName'
>;

/** The fields of a sign-up's context that its cancellation's e-mail keeps. */
export function cancelledMailOf(ctx: MailContext): CancelledMail {
  const { firstName, email, lang, status, title, startsAt, endsAt, place, territoryName } = ctx;
  return { firstName, email, lang, status, title, startsAt, endsAt, place, territoryName };
}

export interface RenderedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The calendar file, when the opportunity has a date and the person has a place. */
  ics: string | undefined;
}

const STRINGS = {
  fr: {
    subject: {
      confirmation: (t: string) => `Inscription confirmée : ${t}`,
      waitlisted: (t: string) => `Liste d’attente : ${t}`,
      promoted: (t: string) => `Une place s’est libérée pour vous : ${t}`,
      reminder: (t: string) => `Rappel : ${t}, c’est bientôt`,
    },
    hello: (name: string) => `Bonjour ${name},`,
    lead: {
      confirmation: 'votre inscription est bien enregistrée. Voici le récapitulatif.',
      waitlisted: (n: number) =>
        `l’atelier est complet : vous êtes inscrit·e sur la liste d’attente, en position ${n}. Si une place se libère, elle vous est attribuée et vous recevez un e-mail.`,
      promoted:
        'une place s’est libérée : elle est à vous, vous êtes maintenant inscrit·e. Voici le récapitulatif.',
      reminder: 'petit rappel : vous êtes inscrit·e, et c’est bientôt. Voici le récapitulatif.',
    },
    what: 'Quoi',
    when: 'Quand',
    where: 'Où',
    who: 'Organisé par',
    contact: 'Pour les joindre',
    dateTbd: 'date à convenir avec l’équipe',
    online: 'à distance, ou à convenir',
    team: (territory: string) => `l’équipe TEC du territoire ${territory}`,
    contactVia: 'par leurs sites publics',
    cancelTitle: 'Annuler',
    cancel: 'Vous ne pouvez plus venir ? Annulez ici pour libérer votre place :',
    cancelWait: 'Vous ne souhaitez plus attendre de place ? Quittez la liste d’attente ici :',
    ics: 'Le fichier joint (.ics) ajoute le rendez-vous à votre agenda.',
    why: (territory: string) =>
      `Vous recevez ce message parce que vous vous êtes inscrit·e à un appel à l’engagement de TEC – Territoires d’engagement et de coopération (${territory}). Votre adresse ne sert qu’à ces messages sur cette inscription. Merci de ne pas répondre : cette adresse n’est pas lue.`,
    to: 'à',
    cancelled: {
      subject: (t: string) => `Inscription annulée : ${t}`,
      subjectWait: (t: string) => `Liste d’attente quittée : ${t}`,
      lead: (t: string) =>
        `votre inscription à « ${t} » est annulée et votre place est libérée : elle revient à la personne suivante. Merci de nous avoir prévenus.`,
      leadWait: (t: string) =>
        `vous avez quitté la liste d’attente de « ${t} » : votre demande est annulée. Merci de nous avoir prévenus.`,
      last: 'C’est le dernier message que vous recevez au sujet de cette inscription. Vous pouvez vous réinscrire à tout moment depuis le site où vous l’aviez faite, s’il reste des places.',
    },
  },
  en: {
    subject: {
      confirmation: (t: string) => `Sign-up confirmed: ${t}`,
      waitlisted: (t: string) => `Waiting list: ${t}`,
      promoted: (t: string) => `A place opened up for you: ${t}`,
      reminder: (t: string) => `Reminder: ${t} is coming up`,
    },
    hello: (name: string) => `Hello ${name},`,
    lead: {
      confirmation: 'your sign-up is recorded. Here is the summary.',
      waitlisted: (n: number) =>
        `it is full: you are on the waiting list, in position ${n}. If a place opens up, it is yours and you will get an e-mail.`,
      promoted: 'a place opened up: it is yours, you are now signed up. Here is the summary.',
      reminder: 'a quick reminder: you are signed up, and it is coming up soon. Here is the summary.',
    },
    what: 'What',
    when: 'When',
    where: 'Where',
    who: 'Organised by',
    contact: 'To reach them',
    dateTbd: 'date to be agreed with the team',
    online: 'online, or to be agreed',
    team: (territory: string) => `the TEC team of ${territory}`,
    contactVia: 'through their public websites',
    cancelTitle: 'Cancel',
    cancel: 'Can no longer come? Cancel here to free your place:',
    cancelWait: 'No longer want to wait for a place? Leave the waiting list here:',
    ics: 'The attached file (.ics) adds the event to your calendar.',
    why: (territory: string) =>
      `You get this message because you signed up for a call to engage of TEC – Territoires d’engagement et de coopération (${territory}). Your address is used only for messages about this sign-up. Please do not reply: this address is not read.`,
    to: 'to',
    cancelled: {
      subject: (t: string) => `Sign-up cancelled: ${t}`,
      subjectWait: (t: string) => `You left the waiting list: ${t}`,
      lead: (t: string) =>
        `your sign-up for “${t}” is cancelled and your place is free: it goes to the next person. Thank you for letting us know.`,
      leadWait: (t: string) =>
        `you left the waiting list for “${t}”: your request is cancelled. Thank you for letting us know.`,
      last: 'This is the last message you get about this sign-up. You can sign up again at any time from the site where you did, if places are left.',
    },
  },
} as const;

/** « jeudi 3 décembre 2026, de 18 h 00 à 20 h 00 » in the given zone and language. */
export function formatWhen(
  startsAt: string,
  endsAt: string | null,
  lang: 'fr' | 'en',
  timeZone: string,
): string {
  const locale = lang === 'en' ? 'en-GB' : 'fr-FR';
  const day = new Intl.DateTimeFormat(locale, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  });
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  const start = new Date(startsAt);
  const text = `${day.format(start)}, ${time.format(start)}`;
  if (!endsAt) return text;
  const end = new Date(endsAt);
  const sameDay = day.format(end) === day.format(start);
  const to = STRINGS[lang].to;
  return sameDay ? `${text} – ${time.format(end)}` : `${text} ${to} ${day.format(end)}, ${time.format(end)}`;
}

function whereText(place: Place | null, lang: 'fr' | 'en'): string {
  if (!place) return STRINGS[lang].online;
  return [place.name, place.address, place.commune?.name].filter(Boolean).join(', ');
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderMail(
  kind: Exclude<MailKind, 'cancelled'>,
  ctx: MailContext,
  options: { cancelUrl: string; timeZone: string },
): RenderedMail {
  const s = STRINGS[ctx.lang];
  const waiting = ctx.status === 'waitlisted';
  const variant = kind === 'confirmation' && waiting ? 'waitlisted' : kind;
  const subject = s.subject[variant](ctx.title);
  const lead = variant === 'waitlisted' ? s.lead.waitlisted(ctx.waitlistPosition ?? 1) : s.lead[variant];
  const when = ctx.startsAt ? formatWhen(ctx.startsAt, ctx.endsAt, ctx.lang, options.timeZone) : s.dateTbd;
  const organisers = ctx.binome
    ? `${ctx.binome.fondation.name} & ${ctx.binome.kiif.name} (${s.team(ctx.territoryName)})`
    : s.team(ctx.territoryName);
  const sites = ctx.binome
    ? [ctx.binome.fondation, ctx.binome.kiif]
        .filter((o) => o.website)
        .map((o) => ({ name: o.name, url: o.website! }))
    : [];
  const recap: [string, string][] = [
    [s.what, ctx.title],
    [s.when, when],
    [s.where, whereText(ctx.place, ctx.lang)],
    [s.who, organisers],
  ];
  const withIcs = Boolean(ctx.startsAt) && !waiting;
  const cancelLine = waiting ? s.cancelWait : s.cancel;

  const text = [
    s.hello(ctx.firstName),
    '',
    lead,
    '',
    ...recap.map(([k, v]) => `${k} : ${v}`),
    ...(sites.length
      ? [`${s.contact} (${s.contactVia}) : ${sites.map((x) => `${x.name} ${x.url}`).join(' ; ')}`]
      : []),
    ...(ctx.description ? ['', ctx.description] : []),
    '',
    ...(withIcs ? [s.ics, ''] : []),
    cancelLine,
    options.cancelUrl,
    '',
    '--',
    s.why(ctx.territoryName),
    '',
  ].join('\n');

  const h = escapeHtml;
  const html = `<!doctype html>
<html lang="${ctx.lang}"><head><meta charset="utf-8"><title>${h(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1e1e1e; max-width: 40rem;">
<p>${h(s.hello(ctx.firstName))}</p>
<p>${h(lead)}</p>
<table role="presentation" style="border-collapse: collapse;">
${recap.map(([k, v]) => `<tr><th scope="row" style="text-align: left; padding: 0.25rem 1rem 0.25rem 0; vertical-align: top;">${h(k)}</th><td>${h(v)}</td></tr>`).join('\n')}
${sites.length ? `<tr><th scope="row" style="text-align: left; padding: 0.25rem 1rem 0.25rem 0; vertical-align: top;">${h(s.contact)}</th><td>${sites.map((x) => `<a href="${h(x.url)}">${h(x.name)}</a>`).join(' · ')}</td></tr>` : ''}
</table>
${ctx.description ? `<p>${h(ctx.description)}</p>` : ''}
${withIcs ? `<p>${h(s.ics)}</p>` : ''}
<p>${h(cancelLine)}<br><a href="${h(options.cancelUrl)}">${h(s.cancelTitle)}</a></p>
<hr>
<p style="font-size: 0.875rem; color: #555;">${h(s.why(ctx.territoryName))}</p>
</body></html>
`;

  let ics: string | undefined;
  if (withIcs) {
    const calendar = ical({
      prodId: { company: 'TEC', product: 'Territoires d’engagement', language: ctx.lang.toUpperCase() },
      method: ICalCalendarMethod.PUBLISH,
    });
    const start = new Date(ctx.startsAt!);
    calendar.createEvent({
      id: `${ctx.engagementId}@tec`,
      start,
      end: ctx.endsAt ? new Date(ctx.endsAt) : new Date(start.getTime() + 2 * 3_600_000),
      summary: ctx.title,
      description: `${organisers}\n${ctx.description ?? ''}\n\n${cancelLine} ${options.cancelUrl}`.trim(),
      location: ctx.place ? whereText(ctx.place, ctx.lang) : null,
      url: options.cancelUrl,
    });
    ics = calendar.toString();
  }
  return { to: ctx.email, subject, text, html, ics };
}

/**
 * The e-mail that confirms a cancellation: what was cancelled, when and where, in the sign-up's
 * language; plain text and HTML like the others, without a cancel link or a calendar file.
 */
export function renderCancelled(mail: CancelledMail, options: { timeZone: string }): RenderedMail {
  const lang = mail.lang === 'en' ? 'en' : 'fr';
  const s = STRINGS[lang];
  const waiting = mail.status === 'waitlisted';
  const subject = (waiting ? s.cancelled.subjectWait : s.cancelled.subject)(mail.title);
  const lead = (waiting ? s.cancelled.leadWait : s.cancelled.lead)(mail.title);
  const recap: [string, string][] = [
    [s.what, mail.title],
    [s.when, mail.startsAt ? formatWhen(mail.startsAt, mail.endsAt, lang, options.timeZone) : s.dateTbd],
    [s.where, whereText(mail.place, lang)],
  ];
  const text = [
    s.hello(mail.firstName),
    '',
    lead,
    '',
    ...recap.map(([k, v]) => `${k} : ${v}`),
    '',
    s.cancelled.last,
    '',
    '--',
    s.why(mail.territoryName),
    '',
  ].join('\n');
  const h = escapeHtml;
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${h(subject)}</title></head>
<body style="font-family: system-ui, sans-serif; line-height: 1.5; color: #1e1e1e; max-width: 40rem;">
<p>${h(s.hello(mail.firstName))}</p>
<p>${h(lead)}</p>
<table role="presentation" style="border-collapse: collapse;">
${recap.map(([k, v]) => `<tr><th scope="row" style="text-align: left; padding: 0.25rem 1rem 0.25rem 0; vertical-align: top;">${h(k)}</th><td>${h(v)}</td></tr>`).join('\n')}
</table>
<p>${h(s.cancelled.last)}</p>
<hr>
<p style="font-size: 0.875rem; color: #555;">${h(s.why(mail.territoryName))}</p>
</body></html>
`;
  return { to: mail.email, subject, text, html, ics: undefined };
}
