/**
 * Sign-ups: who signed up for each opportunity (first name, e-mail, availability, the site they
 * came from, when), the territory's exports as the API writes them (its CSV defuses formulas),
 * and one person's erasure after a confirmation step. The list comes from the export route, so
 * the console shows exactly what an export holds.
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { Engagement, Opportunity } from '@tec/contract';
import { formatInstant, labels } from '../i18n/index.js';
import { ConsoleSection } from '../section.js';

/** Saves text as a file: a Blob URL clicked through a link (no pop-up, nothing inline). */
function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

@customElement('tec-console-signups')
export class TecConsoleSignups extends ConsoleSection {
  @state() private items: Engagement[] | undefined;
  @state() private opportunities: Opportunity[] = [];

  protected async load(): Promise<void> {
    await this.latest(
      () =>
        Promise.all([
          this.admin.exportEngagements(this.territory.slug),
          this.client.opportunities.list(this.territory.slug),
        ]),
      ([exported, opportunities]) => {
        this.items = exported.items;
        this.opportunities = opportunities;
      },
    );
  }

  private async exportAs(format: 'csv' | 'json') {
    await this.run('export', async () => {
      const slug = this.territory.slug;
      if (format === 'csv') {
        const csv = await this.admin.exportEngagementsCsv(slug);
        download(`tec-${slug}-inscriptions.csv`, 'text/csv;charset=utf-8', csv);
        return this.t('exported', { format: 'CSV', n: Math.max(0, csv.trim().split(/\r?\n/).length - 1) });
      }
      const json = await this.admin.exportEngagements(slug);
      download(`tec-${slug}-inscriptions.json`, 'application/json', JSON.stringify(json, null, 2));
      return this.t('exported', { format: 'JSON', n: json.items.length });
    });
  }

  private async erase(item: Engagement) {
    await this.run('list', async () => {
      const result = await this.admin.erase(item.email);
      this.confirming = '';
      await this.load();
      return this.t('erased', { n: result.deleted, email: item.email });
    });
  }

  private renderPerson(item: Engagement) {
    return html`<li data-engagement=${item.id}>
      <dl class="change">
        <dt>${this.t('firstName')}</dt>
        <dd><strong>${item.firstName}</strong></dd>
        <dt>${this.t('email')}</dt>
        <dd>${item.email}</dd>
        <dt>${this.t('availability')}</dt>
        <dd>${item.availability.map((a) => labels[this.lang].availability[a]).join(', ')}</dd>
        <dt>${this.t('origin')}</dt>
        <dd>${item.origin ?? this.t('directOrigin')}</dd>
        <dt>${this.t('signedUpAt')}</dt>
        <dd>${formatInstant(this.lang, item.createdAt)}</dd>
      </dl>
      ${this.itemActions(item.id, item.email, () => this.erase(item), {
        question: this.t('confirmErase', { email: item.email }),
        removeLabel: this.t('erase'),
        confirmLabel: this.t('confirmEraseButton'),
        hidden: ` (${item.firstName}, ${item.email})`,
        edit: false,
      })}
    </li>`;
  }

  override render() {
    const busy = this.form('export').busy;
    const byOpportunity = new Map<string, Engagement[]>();
    for (const item of this.items ?? [])
      byOpportunity.set(item.opportunityId, [...(byOpportunity.get(item.opportunityId) ?? []), item]);
    const named = (id: string) => this.opportunities.find((o) => o.id === id)?.title ?? id;
    return html`<section class="block" aria-labelledby="signups-title">
      <h2 id="signups-title">${this.t('signups')}</h2>
      <p class="hint">${this.t('exportHint')}</p>
      <div class="actions">
        <button class="button secondary" type="button" ?disabled=${busy} @click=${() => this.exportAs('csv')}>
          ${this.t('exportCsv')}
        </button>
        <button
          class="button secondary"
          type="button"
          ?disabled=${busy}
          @click=${() => this.exportAs('json')}
        >
          ${this.t('exportJson')}
        </button>
        ${this.status('export')}
      </div>
      ${this.status('list')}
      ${
        !this.items
          ? html`<p>${this.t('loading')}</p>`
          : this.items.length === 0
            ? html`<p class="meta">${this.t('noSignups')}</p>`
            : [...byOpportunity].map(
                ([id, people]) =>
                  html`<section aria-labelledby="o-${id}" data-signups=${id}>
                    <h3 id="o-${id}">
                      ${this.t('signupsFor', { name: named(id) })}
                      <span class="meta">— ${this.t('signupCount', { n: people.length })}</span>
                    </h3>
                    <ul class="cards">
                      ${people.map((p) => this.renderPerson(p))}
                    </ul>
                  </section>`,
              )
      }
      ${nothing}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-console-signups': TecConsoleSignups;
  }
}
