/**
 * Opportunities: the calls to engage residents see — kind, title and text, the day and hours,
 * the place and its commune, the number of places — with their status in words.
 */
import { html, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { OpportunityKind, type Opportunity, type OpportunityInput } from '@tec/contract';
import { formatWhen } from '@tec/widgets/base/localize.js';
import { labels } from '../i18n/index.js';
import { parisInstant, parisParts } from '../paris.js';
import { ListSection } from '../list-section.js';
import { value } from '../section.js';

@customElement('tec-console-opportunities')
export class TecConsoleOpportunities extends ListSection<Opportunity, OpportunityInput> {
  protected readonly formPrefix = 'o';
  protected readonly words = {
    add: 'addOpportunity',
    addId: 'new-opportunity',
    title: 'opportunities',
    titleId: 'opportunities-title',
  } as const;

  protected async load(): Promise<void> {
    await this.latest(
      () => this.client.opportunities.list(this.territory.slug),
      (items) => (this.items = items),
    );
  }

  /** The status a team member reads: open, full, past, or without a date. */
  statusOf(o: Opportunity): string {
    if ((o.endsAt ?? o.startsAt) && Date.parse(o.endsAt ?? o.startsAt!) < Date.now())
      return this.t('statusPast');
    if (o.placesLeft === 0) return this.t('statusFull');
    return this.t('statusOpen');
  }

  protected input(data: FormData): OpportunityInput {
    const date = value(data, 'date');
    const start = value(data, 'startTime');
    const end = value(data, 'endTime');
    const placeName = value(data, 'placeName');
    const address = value(data, 'address');
    const insee = value(data, 'commune');
    const commune = insee ? this.territory.communes.find((c) => c.insee === insee) : undefined;
    const capacity = value(data, 'capacity');
    const description = value(data, 'description');
    return {
      kind: data.get('kind') as OpportunityInput['kind'],
      title: value(data, 'title') ?? '',
      ...(description ? { description } : {}),
      startsAt: date ? parisInstant(date, start ?? '00:00') : null,
      endsAt: date && end ? parisInstant(date, end) : null,
      place:
        placeName || commune
          ? {
              name: placeName ?? commune!.name,
              ...(address ? { address } : {}),
              ...(commune ? { commune: { insee: commune.insee, name: commune.name } } : {}),
            }
          : null,
      capacity: capacity === null ? null : Number(capacity),
    };
  }

  protected nameOf(x: Opportunity | OpportunityInput): string {
    return x.title;
  }

  protected createItem(input: OpportunityInput) {
    return this.admin.createOpportunity(this.territory.slug, input);
  }

  protected updateItem(o: Opportunity, input: OpportunityInput) {
    return this.admin.updateOpportunity(this.territory.slug, o.id, input);
  }

  protected deleteItem(o: Opportunity) {
    return this.admin.deleteOpportunity(this.territory.slug, o.id);
  }

  protected fields(key: string, o?: Opportunity) {
    const kinds = OpportunityKind.options.map((k) => [k, labels[this.lang].opportunityKind[k]] as const);
    const communes = [
      ['', this.t('noCommune')] as const,
      ...this.territory.communes.map((c) => [c.insee, c.name] as const),
    ];
    const start = o?.startsAt ? parisParts(o.startsAt) : undefined;
    const end = o?.endsAt ? parisParts(o.endsAt) : undefined;
    return html`
      <div class="grid">
        ${this.field(key, { name: 'title', label: this.t('opportunityTitle'), value: o?.title, required: true })}
        ${this.field(key, { name: 'kind', label: this.t('kind'), options: kinds, value: o?.kind ?? 'atelier-cooperation', required: true })}
      </div>
      ${this.field(key, { name: 'description', label: this.t('residentText'), textarea: true, value: o?.description })}
      <div class="grid">
        ${this.field(key, { name: 'date', label: this.t('date'), type: 'date', value: start?.date })}
        ${this.field(key, { name: 'startTime', label: this.t('startTime'), type: 'time', value: start?.time })}
        ${this.field(key, { name: 'endTime', label: this.t('endTime'), type: 'time', value: end?.time })}
      </div>
      <div class="grid">
        ${this.field(key, { name: 'placeName', label: this.t('placeName'), value: o?.place?.name })}
        ${this.field(key, { name: 'address', label: this.t('address'), value: o?.place?.address, autocomplete: 'street-address' })}
        ${this.field(key, { name: 'commune', label: this.t('commune'), options: communes, value: o?.place?.commune?.insee ?? '' })}
        ${this.field(key, {
          name: 'capacity',
          label: this.t('capacity'),
          type: 'number',
          min: 1,
          step: '1',
          value: o?.capacity === null || o?.capacity === undefined ? '' : String(o.capacity),
          hint: this.t('capacityHint'),
        })}
      </div>
    `;
  }

  protected card(o: Opportunity, actions: TemplateResult) {
    const places =
      o.capacity === null
        ? this.t('unlimited')
        : this.t('placesLeft', { n: o.placesLeft ?? 0, capacity: o.capacity });
    return html`<li data-opportunity=${o.id}>
      <div><strong>${o.title}</strong> <span class="badge">${this.statusOf(o)}</span></div>
      <div class="meta">
        ${[
          labels[this.lang].opportunityKind[o.kind],
          o.startsAt ? formatWhen(this.lang, o.startsAt, o.endsAt) : this.t('statusNoDate'),
          o.place ? [o.place.name, o.place.commune?.name].filter(Boolean).join(', ') : this.t('online'),
          places,
        ].join(' · ')}
      </div>
      ${actions}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-console-opportunities': TecConsoleOpportunities;
  }
}
