/**
 * The small pages a cancel link opens, in French first (English when the sign-up was made in
 * English). A GET only shows what will be cancelled and a button: the form POSTs to the same
 * address, so a mail scanner that follows links cancels nothing. No script; one style sheet,
 * allowed by its hash in the page's Content-Security-Policy.
 */
import { createHash } from 'node:crypto';
import { formatWhen } from '../mail/render.js';

const STYLE = `body{font-family:system-ui,sans-serif;line-height:1.5;color:#1e1e1e;max-width:36rem;margin:2rem auto;padding:0 1rem}
button{font:inherit;padding:.6rem 1.2rem;border-radius:.4rem;border:2px solid #8a1c1c;background:#8a1c1c;color:#fff;cursor:pointer}
button:focus-visible{outline:3px solid #1e1e1e;outline-offset:2px}`;

const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const h = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(lang: 'fr' | 'en', title: string, body: string, status: number): Response {
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${h(title)}</title><style>${STYLE}</style></head>
<body><main><h1>${h(title)}</h1>${body}</main></body></html>
`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': CSP,
      'x-frame-options': 'DENY',
    },
  });
}

export interface CancelSubject {
  firstName: string;
  title: string;
  startsAt: string | null;
  territoryName: string;
  lang: string;
}

/** The page of a valid link: what will be cancelled, and the button that does it. */
export function confirmPage(subject: CancelSubject, timeZone: string): Response {
  const en = subject.lang === 'en';
  const when = subject.startsAt ? formatWhen(subject.startsAt, null, en ? 'en' : 'fr', timeZone) : undefined;
  const what = `« ${subject.title} »${when ? ` (${when})` : ''}, ${subject.territoryName}`;
  return en
    ? page(
        'en',
        'Cancel your sign-up',
        `<p>Hello ${h(subject.firstName)}, do you want to cancel your sign-up for ${h(what)}? Your place goes to the next person.</p>
<form method="post"><button type="submit">Cancel my sign-up</button></form>`,
        200,
      )
    : page(
        'fr',
        'Annuler votre inscription',
        `<p>Bonjour ${h(subject.firstName)}, voulez-vous annuler votre inscription à ${h(what)} ? Votre place sera proposée à la personne suivante.</p>
<form method="post"><button type="submit">Annuler mon inscription</button></form>`,
        200,
      );
}

export function cancelledPage(lang: string): Response {
  return lang === 'en'
    ? page(
        'en',
        'Sign-up cancelled',
        '<p>Your sign-up is cancelled and your place is free. Thank you for letting us know. An e-mail confirms it.</p>',
        200,
      )
    : page(
        'fr',
        'Inscription annulée',
        '<p>Votre inscription est annulée et votre place est libérée. Merci de nous avoir prévenus. Un e-mail vous le confirme.</p>',
        200,
      );
}

/** A link that is forged, malformed, or already used (the sign-up no longer exists). */
export function goneLinkPage(): Response {
  return page(
    'fr',
    'Lien d’annulation sans effet',
    `<p>Ce lien d’annulation n’est pas valable ou a déjà servi : l’inscription est déjà annulée ou n’existe plus.</p>
<p lang="en">This cancel link is not valid or was already used: the sign-up is already cancelled or no longer exists.</p>`,
    404,
  );
}
