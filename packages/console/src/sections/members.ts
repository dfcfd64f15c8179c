/**
 * Members: add, change and remove the actors of a territory, with their kind and their commune
 * (a choice among the territory's communes).
 */
import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { MemberKind, type Member, type MemberInput } from '@tec/contract';
import { formatDate } from '@tec/widgets/base/localize.js';
import { colon, labels } from '../i18n/index.js';
import { ConsoleSection, value } from '../section.js';

const today = () => new Date().toISOString().slice(0, 10);

@customElement('tec-console-members')
export class TecConsoleMembers extends ConsoleSection {
  @state() private members: Member[] | undefined;

  protected async load(): Promise<void> {
    await this.latest(
      async () => {
        const all: Member[] = [];
        for await (const member of this.client.members.all(this.territory.slug)) all.push(member);
        return all;
      },
      (all) => (this.members = all),
    );
  }

  private input(data: FormData): MemberInput {
    const insee = value(data, 'commune');
    const commune = insee ? this.territory.communes.find((c) => c.insee === insee) : undefined;
    const role = value(data, 'role');
    const description = value(data, 'description');
    return {
      name: value(data, 'name') ?? '',
      kind: data.get('kind') as MemberInput['kind'],
      ...(role ? { role } : {}),
      joinedAt: value(data, 'joinedAt') ?? '',
      commune: commune ? { insee: commune.insee, name: commune.name } : null,
      website: value(data, 'website'),
      logo: null,
      ...(description ? { description } : {}),
    };
  }

  private async create(event: SubmitEvent) {
    await this.submitted(
      event,
      'new',
      async (data) => {
        const input = this.input(data);
        await this.admin.createMember(this.territory.slug, input);
        await this.load();
        return this.t('created', { name: input.name });
      },
      { reset: true },
    );
  }

  private async saveItem(event: SubmitEvent, member: Member) {
    await this.submitted(
      event,
      `m-${member.id}`,
      async (data) => {
        const input = this.input(data);
        // Keep what the form does not show (the logo).
        await this.admin.updateMember(this.territory.slug, member.id, { ...input, logo: member.logo });
        await this.load();
        return this.t('updated', { name: input.name });
      },
      { closeInto: 'list' },
    );
  }

  private async removeItem(member: Member) {
    await this.run('list', async () => {
      await this.admin.deleteMember(this.territory.slug, member.id);
      this.confirming = '';
      await this.load();
      return this.t('removed', { name: member.name });
    });
  }

  private fields(key: string, m?: Member) {
    const kinds = MemberKind.options.map((k) => [k, labels[this.lang].memberKind[k]] as const);
    const communes = [
      ['', this.t('noCommune')] as const,
      ...this.territory.communes.map((c) => [c.insee, c.name] as const),
    ];
    return html`
      <div class="grid">
        ${this.field(key, { name: 'name', label: this.t('memberName'), value: m?.name, required: true })}
        ${this.field(key, { name: 'kind', label: this.t('kind'), options: kinds, value: m?.kind ?? 'association', required: true })}
        ${this.field(key, { name: 'commune', label: this.t('commune'), options: communes, value: m?.commune?.insee ?? '' })}
        ${this.field(key, { name: 'role', label: this.t('role'), value: m?.role })}
        ${this.field(key, { name: 'joinedAt', label: this.t('joinedAt'), type: 'date', value: m?.joinedAt ?? today(), required: true })}
        ${this.field(key, { name: 'website', label: this.t('website'), type: 'url', value: m?.website, autocomplete: 'url' })}
      </div>
      ${this.field(key, { name: 'description', label: this.t('description'), textarea: true, value: m?.description })}
    `;
  }

  private renderMember(m: Member) {
    const key = `m-${m.id}`;
    if (this.editing === m.id) {
      return html`<li>
        <form novalidate data-form=${key} @submit=${(e: SubmitEvent) => this.saveItem(e, m)}>
          <fieldset>
            <legend>${this.t('editItem', { name: m.name })}</legend>
            ${this.fields(key, m)}
          </fieldset>
          ${this.submit(key, this.t('save'), () => (this.editing = ''))}
        </form>
      </li>`;
    }
    return html`<li data-member=${m.id}>
      <div><strong>${m.name}</strong> <span class="badge">${labels[this.lang].memberKind[m.kind]}</span></div>
      <div class="meta">
        ${[
          m.role,
          m.commune?.name,
          `${this.t('joinedAt')}${colon(this.lang)}${formatDate(this.lang, m.joinedAt)}`,
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
      ${this.itemActions(m.id, m.name, () => this.removeItem(m))}
    </li>`;
  }

  override render() {
    return html`<section class="block" aria-labelledby="new-member">
        <form novalidate data-form="new" @submit=${(e: SubmitEvent) => this.create(e)}>
          <fieldset>
            <legend id="new-member">${this.t('addMember')}</legend>
            ${this.fields('new')}
          </fieldset>
          ${this.submit('new', this.t('addMember'))}
        </form>
      </section>
      <section class="block" aria-labelledby="members-title">
        <h2 id="members-title">
          ${this.t('members')}${this.members ? ` (${this.members.length})` : nothing}
        </h2>
        ${this.status('list')}
        ${
          !this.members
            ? html`<p>${this.t('loading')}</p>`
            : this.members.length
              ? html`<ul class="cards">
                  ${this.members.map((m) => this.renderMember(m))}
                </ul>`
              : html`<p class="meta">${this.t('empty')}</p>`
        }
      </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-console-members': TecConsoleMembers;
  }
}
