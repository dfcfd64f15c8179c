/**
 * A section that lists a territory's items as cards under the form that adds one — members,
 * opportunities, cooperations: the page, the edit form in place of a card, and the add, save and
 * remove round trips (each announced beside its button, then the list read again) are written
 * once here; a section says how to read its form, what to call, and how a card looks.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { StringKey } from './i18n/index.js';
import { ConsoleSection } from './section.js';

export abstract class ListSection<T extends { id: string }, I> extends ConsoleSection {
  /** The items, once read (undefined while the first read runs). */
  @state() protected items: T[] | undefined;

  /** The page's words and ids: `new-member`, « Ajouter un acteur », `members-title`, « Acteurs ». */
  protected abstract readonly words: { add: StringKey; addId: string; title: StringKey; titleId: string };
  /** The formPrefix of an item's form key (`m` → `m-<id>`), as the tests and the statuses name them. */
  protected abstract readonly formPrefix: string;

  /** The input the form holds. */
  protected abstract input(data: FormData): I;
  /** What an item (or the input about to become one) is called in messages. */
  protected abstract nameOf(item: T | I): string;
  protected abstract fields(key: string, item?: T): TemplateResult;
  /** An item's card, with `actions` (its « Modifier » and « Supprimer ») placed in it. */
  protected abstract card(item: T, actions: TemplateResult): TemplateResult;
  protected abstract createItem(input: I): Promise<unknown>;
  protected abstract updateItem(item: T, input: I): Promise<unknown>;
  protected abstract deleteItem(item: T): Promise<unknown>;

  private async create(event: SubmitEvent) {
    await this.submitted(
      event,
      'new',
      async (data) => {
        const input = this.input(data);
        await this.createItem(input);
        await this.load();
        return this.t('created', { name: this.nameOf(input) });
      },
      { reset: true },
    );
  }

  private async save(event: SubmitEvent, item: T) {
    await this.submitted(
      event,
      `${this.formPrefix}-${item.id}`,
      async (data) => {
        const input = this.input(data);
        await this.updateItem(item, input);
        await this.load();
        return this.t('updated', { name: this.nameOf(input) });
      },
      { closeInto: 'list' },
    );
  }

  private async removeOne(item: T) {
    await this.run('list', async () => {
      await this.deleteItem(item);
      this.confirming = '';
      await this.load();
      return this.t('removed', { name: this.nameOf(item) });
    });
  }

  private renderItem(item: T): TemplateResult {
    const key = `${this.formPrefix}-${item.id}`;
    const name = this.nameOf(item);
    if (this.editing === item.id) {
      return html`<li>
        <form novalidate data-form=${key} @submit=${(e: SubmitEvent) => this.save(e, item)}>
          <fieldset>
            <legend>${this.t('editItem', { name })}</legend>
            ${this.fields(key, item)}
          </fieldset>
          ${this.submit(key, this.t('save'), () => (this.editing = ''))}
        </form>
      </li>`;
    }
    return this.card(
      item,
      this.itemActions(item.id, name, () => this.removeOne(item)),
    );
  }

  override render() {
    const { add, addId, title, titleId } = this.words;
    return html`<section class="block" aria-labelledby=${addId}>
        <form novalidate data-form="new" @submit=${(e: SubmitEvent) => this.create(e)}>
          <fieldset>
            <legend id=${addId}>${this.t(add)}</legend>
            ${this.fields('new')}
          </fieldset>
          ${this.submit('new', this.t(add))}
        </form>
      </section>
      <section class="block" aria-labelledby=${titleId}>
        <h2 id=${titleId}>${this.t(title)}${this.items ? ` (${this.items.length})` : nothing}</h2>
        ${this.status('list')}
        ${
          !this.items
            ? html`<p>${this.t('loading')}</p>`
            : this.items.length
              ? html`<ul class="cards">
                  ${this.items.map((item) => this.renderItem(item))}
                </ul>`
              : html`<p class="meta">${this.t('empty')}</p>`
        }
      </section>`;
  }
}
