/**
 * Members: add, change and remove the actors of a territory, with their kind and their commune
 * (a choice among the territory's communes).
 */
import { html, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import { MemberKind, type Member, type MemberInput } from '@tec/contract';
import { formatDate } from '@tec/widgets/base/localize.js';
import { colon, labels } from '../i18n/index.js';
import { ListSection } from '../list-section.js';
import { value } from '../section.js';

const today = () => new Date().toISOString().slice(0, 10);

@customElement('tec-console-members')
export class TecConsoleMembers extends ListSection<Member, MemberInput> {
  protected readonly formPrefix = 'm';
  protected readonly words = {
    add: 'addMember',
    addId: 'new-member',
    title: 'members',
    titleId: 'members-title',
  } as const;

  protected async load(): Promise<void> {
    await this.latest(
      async () => {
        const all: Member[] = [];
        for await (const member of this.client.members.all(this.territory.slug)) all.push(member);
        return all;
      },
      (all) => (this.items = all),
    );
  }

  protected input(data: FormData): MemberInput {
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

  protected nameOf(x: Member | MemberInput): string {
    return x.name;
  }

  protected createItem(input: MemberInput) {
    return this.admin.createMember(this.territory.slug, input);
  }

  protected updateItem(member: Member, input: MemberInput) {
    // Keep what the form does not show (the logo).
    return this.admin.updateMember(this.territory.slug, member.id, { ...input, logo: member.logo });
  }

  protected deleteItem(member: Member) {
    return this.admin.deleteMember(this.territory.slug, member.id);
  }

  protected fields(key: string, m?: Member) {
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

  protected card(m: Member, actions: TemplateResult) {
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
      ${actions}
    </li>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-console-members': TecConsoleMembers;
  }
}
