/**
 * The demo's « boîte d'envoi »: the follow-up e-mails the API wrote to its outbox folder
 * (TEC_DATA_DIR/outbox, when TEC_SMTP_URL is not set), newest first, made readable — who, what,
 * the text with its links, the calendar file. Demo only: a real deployment sends by SMTP.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Text with its http(s) links made clickable (everything else escaped). */
function linkify(text: string): string {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/g)
    .map((part, i) => (i % 2 ? `<a href="${escapeHtml(part)}">${escapeHtml(part)}</a>` : escapeHtml(part)))
    .join('');
}

/** Plain text as paragraphs (blank lines) and line breaks, so that it reflows on a phone. */
function paragraphs(text: string, links = true): string {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map(
      (block) =>
        `<p>${block
          .split('\n')
          .map((line) => (links ? linkify(line) : escapeHtml(line)))
          .join('<br>')}</p>`,
    )
    .join('\n');
}

export const OUTBOX_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors 'none'";

export async function outboxPage(dir: string | undefined, limit = 50): Promise<string> {
  let names: string[];
  try {
    names = dir ? readdirSync(dir).filter((n) => n.endsWith('.eml')) : [];
  } catch {
    names = [];
  }
  names.sort().reverse();
  const items: string[] = [];
  for (const name of names.slice(0, limit)) {
    const path = join(dir!, name);
    const mail = await simpleParser(readFileSync(path));
    const when = (mail.date ?? statSync(path).mtime).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' });
    const to = Array.isArray(mail.to) ? mail.to.map((a) => a.text).join(', ') : (mail.to?.text ?? '');
    const files = mail.attachments.map(
      (a) =>
        `<li>${escapeHtml(a.filename ?? 'pièce jointe')} (${escapeHtml(a.contentType)})<div class="mail-text">${paragraphs(a.content.toString('utf8'), false)}</div></li>`,
    );
    items.push(`<article class="mail">
  <h2>${escapeHtml(mail.subject ?? '(sans objet)')}</h2>
  <p>À : ${escapeHtml(to)} — envoyé le ${escapeHtml(when)}</p>
  <div class="mail-text">${paragraphs(mail.text ?? '')}</div>
  ${files.length ? `<details><summary>Pièces jointes</summary><ul>${files.join('')}</ul></details>` : ''}
</article>`);
  }
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Boîte d’envoi — démo TEC</title><link rel="stylesheet" href="/demo.css"></head>
<body><main>
<p><a href="/">Démo TEC</a></p>
<h1>Boîte d’envoi</h1>
<p>Les e-mails de suivi que l’API a écrits dans ${escapeHtml(dir ?? '(aucun dossier)')} au lieu de les envoyer
(sans <code>TEC_SMTP_URL</code>) : confirmation avec son fichier .ics et son lien d’annulation, liste d’attente,
place libérée, rappel. ${names.length > limit ? `Les ${limit} plus récents sur ${names.length}.` : `${names.length} message(s).`}</p>
${items.join('\n') || '<p>Aucun message pour l’instant : inscrivez-vous sur la <a href="/habitants/">page des habitants</a>, puis revenez ici.</p>'}
</main></body></html>
`;
}
