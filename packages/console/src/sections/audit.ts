/**
 * The audit log of a territory: who (the token's name), what, when, and the change itself.
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { AuditAction, AuditEntry } from '@tec/contract';
import { colon, formatInstant, labels, storyLabels, type Lang } from '../i18n/index.js';
import { ConsoleSection } from '../section.js';

const ACTIONS: Record<AuditAction, [fr: string, en: string]> = {
  updatePhase: ['Phase modifiée', 'Phase changed'],
  createMilestone: ['Jalon ajouté', 'Milestone added'],
  updateMilestone: ['Jalon modifié', 'Milestone changed'],
  deleteMilestone: ['Jalon supprimé', 'Milestone deleted'],
  createMember: ['Membre ajouté', 'Member added'],
  updateMember: ['Membre modifié', 'Member changed'],
  deleteMember: ['Membre supprimé', 'Member deleted'],
  createOpportunity: ['Opportunité ajoutée', 'Opportunity added'],
  updateOpportunity: ['Opportunité modifiée', 'Opportunity changed'],
  deleteOpportunity: ['Opportunité supprimée', 'Opportunity deleted'],
  updatePortrait: ['Portrait modifié', 'Portrait changed'],
  createCooperation: ['Coopération ajoutée', 'Cooperation added'],
  updateCooperation: ['Coopération modifiée', 'Cooperation changed'],
  deleteCooperation: ['Coopération supprimée', 'Cooperation deleted'],
  exportEngagements: ['Inscriptions exportées', 'Sign-ups exported'],
  eraseEngagements: ['Données d’une personne effacées', 'A person’s data erased'],
  purgeEngagements: ['Anciennes inscriptions supprimées', 'Old sign-ups purged'],
};

/** The fields a change may name, in words. */
const FIELDS: Record<string, [fr: string, en: string]> = {
  phase: ['Phase', 'Phase'],
  title: ['Titre', 'Title'],
  name: ['Nom', 'Name'],
  status: ['État', 'Status'],
  kind: ['Type', 'Kind'],
  role: ['Rôle', 'Role'],
  commune: ['Commune', 'Commune'],
  joinedAt: ['Date d’arrivée', 'Joined on'],
  startDate: ['Début', 'Start'],
  endDate: ['Fin', 'End'],
  progress: ['Avancement', 'Progress'],
  dueDate: ['Échéance', 'Due'],
  completedDate: ['Atteint le', 'Reached on'],
  startsAt: ['Début', 'Starts'],
  endsAt: ['Fin', 'Ends'],
  place: ['Lieu', 'Place'],
  capacity: ['Places', 'Places'],
  website: ['Site web', 'Website'],
  logo: ['Logo', 'Logo'],
  description: ['Description', 'Description'],
  deleted: ['Inscriptions supprimées', 'Sign-ups deleted'],
  format: ['Format', 'Format'],
  milestoneId: ['Jalon', 'Milestone'],
  memberId: ['Membre', 'Member'],
  opportunityId: ['Opportunité', 'Opportunity'],
  cooperationId: ['Coopération', 'Cooperation'],
  closingReason: ['Raison de la clôture', 'Reason for closing'],
  publishedAt: ['Publié le', 'Published on'],
  summary: ['Résumé', 'Summary'],
  forcesVives: ['Forces vives', 'Forces vives'],
  vulnerabilites: ['Vulnérabilités', 'Vulnerabilities'],
  maturite: ['Maturité coopérative', 'Cooperative maturity'],
  cultureLocale: ['Culture locale', 'Local culture'],
  entretiens: ['Entretiens menés', 'Interviews held'],
  benevoles: ['Bénévoles', 'Volunteers'],
  binome: ['Binôme', 'Binôme'],
  startedAt: ['Lancée le', 'Started on'],
  actorIds: ['Acteurs', 'Actors'],
  communes: ['Communes', 'Communes'],
  needs: ['Besoins', 'Needs'],
  id: ['Identifiant', 'Id'],
};

/** A value of the change as words: statuses and kinds by their labels, never their codes. */
function shown(lang: Lang, key: string, value: unknown, action: AuditAction): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'object')
    return Object.values(value as object)
      .map((v) => shown(lang, '', v, action))
      .join(', ');
  const l = labels[lang];
  const text = String(value);
  if (key === 'phase') return l.phase[text as keyof typeof l.phase] ?? text;
  if (key === 'progress' && typeof value === 'number') return `${Math.round(value * 100)} %`;
  if (key === 'status') {
    const words: Record<string, string> =
      action === 'updatePhase'
        ? l.phaseStatus
        : action === 'updatePortrait'
          ? storyLabels[lang].portraitStatus
          : action.endsWith('Cooperation')
            ? storyLabels[lang].cooperationStatus
            : l.milestoneStatus;
    return words[text] ?? text;
  }
  if (key === 'kind')
    return (
      (action.endsWith('Member') ? l.memberKind : l.opportunityKind)[text as 'autre' & 'evenement'] ?? text
    );
  if (key === 'startsAt' || key === 'endsAt') return formatInstant(lang, text);
  return text;
}

@customElement('tec-console-audit')
export class TecConsoleAudit extends ConsoleSection {
  @state() private entries: AuditEntry[] | undefined;
  @state() private nextBefore: string | null = null;

  protected async load(): Promise<void> {
    await this.latest(
      () => this.admin.listAudit(this.territory.slug, { limit: 50 }),
      (page) => {
        this.entries = page.items;
        this.nextBefore = page.nextBefore;
      },
    );
  }

  private async more() {
    await this.run('more', async () => {
      const page = await this.admin.listAudit(this.territory.slug, { limit: 50, before: this.nextBefore! });
      this.entries = [...(this.entries ?? []), ...page.items];
      this.nextBefore = page.nextBefore;
      return '';
    });
  }

  private renderEntry(e: AuditEntry) {
    // In the order of FIELDS (the database keeps JSON keys in its own order), unknown ones last.
    const order = Object.keys(FIELDS);
    const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
    const fields = Object.fromEntries(
      Object.entries({ ...e.target, ...(e.change ?? {}), ...(e.outcome ?? {}) }).sort(
        ([a], [b]) => rank(a) - rank(b),
      ),
    );
    return html`<li>
      <div>
        <strong>${ACTIONS[e.action][this.lang === 'en' ? 1 : 0]}</strong>
        <span class="meta">— ${formatInstant(this.lang, e.at)}</span>
      </div>
      <div>
        ${this.t('who')}${colon(this.lang)}${e.actor.name}${e.territory === null ? ` (${this.t('allTerritories')})` : nothing}
      </div>
      ${
        Object.keys(fields).length
          ? html`<dl class="change">
              ${Object.entries(fields).map(
                ([k, v]) =>
                  html`<dt>${FIELDS[k]?.[this.lang === 'en' ? 1 : 0] ?? k}</dt>
                    <dd>${shown(this.lang, k, v, e.action)}</dd>`,
              )}
            </dl>`
          : nothing
      }
    </li>`;
  }

  override render() {
    return html`<section class="block" aria-labelledby="audit-title">
      <h2 id="audit-title">${this.t('audit')}</h2>
      <p class="hint">${this.t('auditIntro')}</p>
      ${
        !this.entries
          ? html`<p>${this.t('loading')}</p>`
          : this.entries.length
            ? html`<ul class="cards">
                ${this.entries.map((e) => this.renderEntry(e))}
              </ul>`
            : html`<p class="meta">${this.t('empty')}</p>`
      }
      ${
        this.nextBefore
          ? html`<div class="actions">
              <button class="button secondary" type="button" @click=${() => this.more()}>
                ${this.t('more')}
              </button>
              ${this.status('more')}
            </div>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-console-audit': TecConsoleAudit;
  }
}
