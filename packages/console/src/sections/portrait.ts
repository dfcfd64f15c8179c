/**
 * The portrait (phase 1): its status and publication date, its summary, the forces vives (driving
 * actors, resources, know-how), the vulnerabilities (tangible, with their nature, and felt), the
 * cooperative maturity, the local culture, the figures (interviews, volunteers) and the binôme.
 * One form, sent whole as the contract's PortraitPatch. Each field is named by its path in the
 * contract (`forcesVives.ressources[0].label`), so that the SDK's and the API's errors land
 * beside the very field they name.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  CooperativeMaturity,
  PortraitStatus,
  type BinomeDetail,
  type Portrait,
  type PortraitItem,
  type PortraitPatch,
  type TangibleVulnerability,
} from '@tec/contract';
import { colon, formatInstant, storyLabels, type StringKey } from '../i18n/index.js';
import { ConsoleSection, value } from '../section.js';

/** The lists of items the form edits row by row, by their path in the portrait. */
const LISTS = [
  {
    path: 'forcesVives.acteursMoteurs',
    title: 'acteursMoteurs',
    row: 'acteurMoteur',
    add: 'addActeurMoteur',
  },
  { path: 'forcesVives.ressources', title: 'ressources', row: 'ressource', add: 'addRessource' },
  { path: 'forcesVives.savoirFaire', title: 'savoirFaire', row: 'savoirFaireItem', add: 'addSavoirFaire' },
  { path: 'vulnerabilites.tangibles', title: 'tangibles', row: 'tangible', add: 'addTangible' },
  { path: 'vulnerabilites.ressenties', title: 'ressenties', row: 'ressentie', add: 'addRessentie' },
] as const satisfies readonly { path: string; title: StringKey; row: StringKey; add: StringKey }[];

type ListPath = (typeof LISTS)[number]['path'];
type Nature = TangibleVulnerability['nature'];
/** A row as the form holds it: a tangible vulnerability has its nature too. */
interface Row {
  label: string;
  description: string;
  nature?: Nature;
}
type Rows = Record<ListPath, Row[]>;

/** The contract's limit on each list. */
const MAX_ROWS = 30;
const KEY = 'portrait';

function rowsOf(p: Portrait): Rows {
  const row = (i: PortraitItem): Row => ({ label: i.label, description: i.description ?? '' });
  return {
    'forcesVives.acteursMoteurs': p.forcesVives.acteursMoteurs.map(row),
    'forcesVives.ressources': p.forcesVives.ressources.map(row),
    'forcesVives.savoirFaire': p.forcesVives.savoirFaire.map(row),
    'vulnerabilites.tangibles': p.vulnerabilites.tangibles.map((v) => ({ ...row(v), nature: v.nature })),
    'vulnerabilites.ressenties': p.vulnerabilites.ressenties.map(row),
  };
}

/** A whole number of 0 to 100,000 typed in a field, or undefined when it is not one. */
function count(data: FormData, name: string): number | undefined {
  const text = value(data, name) ?? '0';
  const n = Number(text);
  return /^\d+$/.test(text) && n <= 100_000 ? n : undefined;
}

@customElement('tec-console-portrait')
export class TecConsolePortrait extends ConsoleSection {
  @state() private portrait: Portrait | undefined;
  /** The rows shown in each list: the portrait's, plus those added and minus those removed. */
  @state() private rows: Rows | undefined;

  protected async load(): Promise<void> {
    await this.latest(
      () => this.client.portraits.get(this.territory.slug),
      (portrait) => {
        this.portrait = portrait;
        this.rows = rowsOf(portrait);
      },
    );
  }

  /** The rows as typed so far (read before a row is added or removed, so that nothing is lost). */
  private typedRows(form: HTMLFormElement): Rows {
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    const rows = { ...this.rows! };
    for (const { path } of LISTS)
      rows[path] = rows[path].map((_, i) => ({
        label: text(`${path}[${i}].label`),
        description: text(`${path}[${i}].description`),
        ...(path === 'vulnerabilites.tangibles' ? { nature: text(`${path}[${i}].nature`) as Nature } : {}),
      }));
    return rows;
  }

  private async addRow(event: Event, path: ListPath) {
    const form = (event.target as HTMLElement).closest('form')!;
    const rows = this.typedRows(form);
    rows[path] = [...rows[path], { label: '', description: '', nature: 'structurelle' }];
    this.rows = rows;
    await this.updateComplete;
    // The new row's first field takes the focus: the person types on.
    const n = rows[path].length - 1;
    const first = path === 'vulnerabilites.tangibles' ? 'nature' : 'label';
    this.renderRoot.querySelector<HTMLElement>(`[name="${CSS.escape(`${path}[${n}].${first}`)}"]`)?.focus();
  }

  private async removeRow(event: Event, path: ListPath, index: number) {
    const form = (event.target as HTMLElement).closest('form')!;
    const rows = this.typedRows(form);
    rows[path] = rows[path].filter((_, i) => i !== index);
    this.rows = rows;
    // Errors named by index no longer match their rows.
    this.setForm(KEY, { ...this.form(KEY), fields: {} });
    await this.updateComplete;
    // The focus goes to the list's « Ajouter » button, never lost on the page's body.
    this.renderRoot.querySelector<HTMLElement>(`[data-add="${path}"]`)?.focus();
  }

  /** The patch the form says: every field, lists without their empty rows. */
  private patch(data: FormData): PortraitPatch | Record<string, string> {
    const errors: Record<string, string> = {};
    const items = (path: ListPath) =>
      this.rows![path].flatMap((_, i) => {
        const label = value(data, `${path}[${i}].label`);
        const description = value(data, `${path}[${i}].description`);
        if (label === null && description === null) return [];
        return [{ label: label ?? '', ...(description ? { description } : {}) }];
      });
    const tangibles = this.rows!['vulnerabilites.tangibles'].flatMap((_, i) => {
      const path = 'vulnerabilites.tangibles';
      const label = value(data, `${path}[${i}].label`);
      const description = value(data, `${path}[${i}].description`);
      if (label === null && description === null) return [];
      return [
        {
          nature: data.get(`${path}[${i}].nature`) as Nature,
          label: label ?? '',
          ...(description ? { description } : {}),
        },
      ];
    });
    const level = value(data, 'maturite.level');
    const meaning = value(data, 'maturite.meaning');
    const binome: BinomeDetail = {
      fondation: {
        team: value(data, 'binome.fondation.team') ?? '',
        organisation: value(data, 'binome.fondation.organisation') ?? '',
        ...(value(data, 'binome.fondation.website')
          ? { website: value(data, 'binome.fondation.website')! }
          : {}),
      },
      kiif: {
        member: value(data, 'binome.kiif.member') ?? '',
        organisation: value(data, 'binome.kiif.organisation') ?? '',
        ...(value(data, 'binome.kiif.website') ? { website: value(data, 'binome.kiif.website')! } : {}),
      },
      contact: {
        label: value(data, 'binome.contact.label') ?? '',
        url: value(data, 'binome.contact.url') ?? '',
      },
    };
    const binomeGiven = [...data.keys()].some((k) => k.startsWith('binome.') && value(data, k) !== null);
    const entretiens = count(data, 'entretiens');
    const benevoles = count(data, 'benevoles');
    if (entretiens === undefined) errors.entretiens = this.t('wholeNumber');
    if (benevoles === undefined) errors.benevoles = this.t('wholeNumber');
    if (Object.keys(errors).length) return errors;
    return {
      status: data.get('status') as Portrait['status'],
      publishedAt: value(data, 'publishedAt'),
      summary: value(data, 'summary'),
      forcesVives: {
        acteursMoteurs: items('forcesVives.acteursMoteurs'),
        ressources: items('forcesVives.ressources'),
        savoirFaire: items('forcesVives.savoirFaire'),
      },
      vulnerabilites: { tangibles, ressenties: items('vulnerabilites.ressenties') },
      // A level without its meaning is sent as is: the contract says the meaning is required.
      maturite:
        level || meaning ? { level: (level ?? '') as CooperativeMaturity, meaning: meaning ?? '' } : null,
      cultureLocale: value(data, 'cultureLocale'),
      entretiens: entretiens!,
      benevoles: benevoles!,
      binome: binomeGiven ? binome : null,
    };
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    const patch = this.patch(new FormData(event.target as HTMLFormElement));
    if (!('forcesVives' in patch)) {
      const errors = patch as Record<string, string>;
      await this.refuse(KEY, this.t('fixFields', { n: Object.keys(errors).length }), errors);
      return;
    }
    await this.run(KEY, async () => {
      const saved = await this.admin.updatePortrait(this.territory.slug, patch as PortraitPatch);
      this.portrait = saved;
      this.rows = rowsOf(saved);
      return this.t('portraitSaved');
    });
  }

  private renderList(list: (typeof LISTS)[number]): TemplateResult {
    const rows = this.rows![list.path];
    const natures = Object.entries(storyLabels[this.lang].nature);
    return html`<fieldset class="rows" data-list=${list.path}>
      <legend>${this.t(list.title)}</legend>
      ${
        rows.length === 0
          ? html`<p class="meta">${this.t('empty')}</p>`
          : html`<ol class="rows">
              ${rows.map((row, i) => {
                const path = `${list.path}[${i}]`;
                const name = this.t(list.row, { n: i + 1 });
                return html`<li>
                  <fieldset>
                    <legend class="row-title">${name}</legend>
                    ${
                      row.nature !== undefined
                        ? this.field(KEY, {
                            name: `${path}.nature`,
                            label: this.t('nature'),
                            options: natures,
                            value: row.nature,
                            required: true,
                          })
                        : nothing
                    }
                    ${this.field(KEY, { name: `${path}.label`, label: this.t('itemLabel'), value: row.label, required: true })}
                    ${this.field(KEY, { name: `${path}.description`, label: this.t('description'), value: row.description, textarea: true })}
                    <div class="actions">
                      <button
                        class="button danger secondary small"
                        type="button"
                        @click=${(e: Event) => this.removeRow(e, list.path, i)}
                      >
                        ${this.t('removeRow')}<span class="visually-hidden"> — ${name}</span>
                      </button>
                    </div>
                  </fieldset>
                </li>`;
              })}
            </ol>`
      }
      <div class="actions">
        <button
          class="button secondary small"
          type="button"
          data-add=${list.path}
          ?disabled=${rows.length >= MAX_ROWS}
          @click=${(e: Event) => this.addRow(e, list.path)}
        >
          ${this.t(list.add)}
        </button>
        ${rows.length >= MAX_ROWS ? html`<span class="hint">${this.t('rowsMax')}</span>` : nothing}
      </div>
    </fieldset>`;
  }

  override render() {
    const p = this.portrait;
    if (!p || !this.rows) return html`<p role="status">${this.t('loading')}</p>`;
    const l = storyLabels[this.lang];
    const statuses = PortraitStatus.options.map((s) => [s, l.portraitStatus[s]] as const);
    const levels = [
      ['', this.t('maturityNone')] as const,
      ...CooperativeMaturity.options.map((m) => [m, l.maturity[m]] as const),
    ];
    const b = p.binome;
    return html`<section class="block" aria-labelledby="portrait-title">
      <h2 id="portrait-title">
        ${this.t('portrait')} <span class="badge">${l.portraitStatus[p.status]}</span>
      </h2>
      <p class="hint">${this.t('portraitIntro')}</p>
      <p class="meta" data-updated>
        ${this.t('lastChange')}${colon(this.lang)}${formatInstant(this.lang, p.updatedAt)}
      </p>
      <form novalidate data-form=${KEY} @submit=${(e: SubmitEvent) => this.save(e)}>
        <div class="grid">
          ${this.field(KEY, { name: 'status', label: this.t('portraitStatus'), options: statuses, value: p.status, required: true })}
          ${this.field(KEY, { name: 'publishedAt', label: this.t('publishedAt'), type: 'date', value: p.publishedAt, hint: this.t('publishedAtHint') })}
        </div>
        ${this.field(KEY, { name: 'summary', label: this.t('summary'), textarea: true, value: p.summary })}
        <fieldset>
          <legend><h3>${this.t('forcesVives')}</h3></legend>
          ${LISTS.slice(0, 3).map((list) => this.renderList(list))}
        </fieldset>
        <fieldset>
          <legend><h3>${this.t('vulnerabilites')}</h3></legend>
          ${LISTS.slice(3).map((list) => this.renderList(list))}
        </fieldset>
        <fieldset>
          <legend><h3>${this.t('maturite')}</h3></legend>
          ${this.field(KEY, { name: 'maturite.level', label: this.t('maturityLevel'), options: levels, value: p.maturite?.level ?? '' })}
          ${this.field(KEY, { name: 'maturite.meaning', label: this.t('maturityMeaning'), textarea: true, value: p.maturite?.meaning })}
        </fieldset>
        ${this.field(KEY, { name: 'cultureLocale', label: this.t('cultureLocale'), textarea: true, value: p.cultureLocale })}
        <fieldset>
          <legend><h3>${this.t('figures')}</h3></legend>
          <div class="grid">
            ${this.field(KEY, { name: 'entretiens', label: this.t('entretiens'), type: 'number', min: 0, max: 100_000, step: '1', value: String(p.entretiens), required: true })}
            ${this.field(KEY, { name: 'benevoles', label: this.t('benevoles'), type: 'number', min: 0, max: 100_000, step: '1', value: String(p.benevoles), required: true })}
          </div>
        </fieldset>
        <fieldset>
          <legend><h3>${this.t('binome')}</h3></legend>
          <p class="hint">${this.t('binomeHint')}</p>
          <div class="grid">
            ${this.field(KEY, { name: 'binome.fondation.team', label: this.t('fondationTeam'), value: b?.fondation.team })}
            ${this.field(KEY, { name: 'binome.fondation.organisation', label: this.t('fondationOrganisation'), value: b?.fondation.organisation })}
            ${this.field(KEY, { name: 'binome.fondation.website', label: this.t('fondationWebsite'), type: 'url', value: b?.fondation.website })}
          </div>
          <div class="grid">
            ${this.field(KEY, { name: 'binome.kiif.member', label: this.t('kiifMember'), value: b?.kiif.member })}
            ${this.field(KEY, { name: 'binome.kiif.organisation', label: this.t('kiifOrganisation'), value: b?.kiif.organisation })}
            ${this.field(KEY, { name: 'binome.kiif.website', label: this.t('kiifWebsite'), type: 'url', value: b?.kiif.website })}
          </div>
          <div class="grid">
            ${this.field(KEY, { name: 'binome.contact.label', label: this.t('contactLabel'), value: b?.contact.label })}
            ${this.field(KEY, { name: 'binome.contact.url', label: this.t('contactUrl'), type: 'url', value: b?.contact.url, hint: this.t('contactHint') })}
          </div>
        </fieldset>
        ${this.submit(KEY, this.t('savePortrait'))}
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-console-portrait': TecConsolePortrait;
  }
}
