/**
 * The console's styles: the widgets' tokens (colours, focus ring, fields, buttons, from
 * @tec/widgets' base) and what a back-office adds — forms in a grid that collapses to one column
 * on a phone, lists as cards, feedback beside the buttons. Adopted style sheets only: nothing
 * inline, so the page keeps a strict Content-Security-Policy.
 */
import { css } from 'lit';
import { tokens } from '@tec/widgets/base/styles.js';

export const consoleStyles = [
  tokens,
  css`
    :host {
      container-type: normal;
      background: transparent;
    }
    a {
      color: var(--_accent);
    }
    h2 {
      font-size: 1.3em;
    }
    h3 {
      font-size: 1.1em;
      margin-block: 0 0.5em;
    }
    section + section,
    .block + .block {
      margin-block-start: 1.5em;
    }
    .block {
      padding: 1em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      min-width: 0;
    }
    form {
      display: grid;
      gap: 0.75em;
      min-width: 0;
    }
    fieldset {
      border: 0;
      padding: 0;
      margin: 0;
      min-width: 0;
      display: grid;
      gap: 0.75em;
    }
    legend {
      font-weight: 700;
      padding: 0;
      margin-block-end: 0.5em;
    }
    .grid {
      display: grid;
      gap: 0.75em;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 11em), 1fr));
    }
    .field {
      display: grid;
      gap: 0.25em;
      align-content: start;
      min-width: 0;
    }
    .field > label {
      font-weight: 600;
    }
    .hint {
      color: var(--_muted);
      font-size: 0.9em;
    }
    .field-error {
      color: var(--_danger);
      font-weight: 600;
    }
    [aria-invalid='true'] {
      border-color: var(--_danger) !important;
      border-width: 2px !important;
    }
    textarea {
      min-height: 6em;
      resize: vertical;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em 0.75em;
    }
    .button.small {
      min-height: 44px;
      padding: 0.25em 0.75em;
      font-weight: 600;
    }
    .button.danger {
      background: var(--_danger);
      border-color: var(--_danger);
      color: #fff;
    }
    .button.danger.secondary {
      background: transparent;
      color: var(--_danger);
    }
    .status {
      margin: 0;
      flex: 1 1 12em;
      overflow-wrap: anywhere;
    }
    .status.ok {
      color: var(--_success);
      font-weight: 600;
    }
    .status.error {
      color: var(--_danger);
      font-weight: 600;
    }
    ul.cards {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.75em;
    }
    ul.cards > li {
      padding: 0.75em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      display: grid;
      gap: 0.5em;
      min-width: 0;
      overflow-wrap: anywhere;
    }
    .meta {
      color: var(--_muted);
      font-size: 0.95em;
    }
    .badge {
      display: inline-block;
      padding: 0.1em 0.6em;
      border: 1px solid currentColor;
      border-radius: 1em;
      font-size: 0.875em;
      font-weight: 600;
    }
    .confirm {
      padding: 0.75em;
      border-inline-start: 4px solid var(--_danger);
      background: var(--_subtle);
      display: grid;
      gap: 0.5em;
    }
    p + form,
    p + .actions,
    h2 + .hint,
    .hint + .actions {
      margin-block-start: 0.75em;
    }
    h3 {
      margin-block-start: 1.25em;
    }
    details.add {
      margin-block-start: 1em;
    }
    details.add > summary {
      cursor: pointer;
      font-weight: 700;
      color: var(--_accent);
      min-height: 44px;
      display: flex;
      align-items: center;
    }
    details.add[open] > summary {
      margin-block-end: 0.5em;
    }
    dl.change {
      margin: 0;
      display: grid;
      grid-template-columns: minmax(0, max-content) minmax(0, 1fr);
      gap: 0.25em 0.75em;
      font-size: 0.95em;
    }
    dl.change dt {
      color: var(--_muted);
    }
    dl.change dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    legend > h3 {
      margin: 0;
    }
    p.summary {
      margin: 0;
      white-space: pre-line;
    }
    /* The portrait's lists, row by row; a cooperation's actors and communes, as checkboxes. */
    ol.rows,
    ul.choices {
      list-style: none;
      padding: 0;
      margin: 0;
      display: grid;
      gap: 0.75em;
      min-width: 0;
    }
    ol.rows > li {
      padding-inline-start: 0.75em;
      border-inline-start: 3px solid var(--_border);
      min-width: 0;
    }
    .row-title {
      font-weight: 600;
    }
    ol.rows textarea {
      min-height: 3.5em;
    }
    ul.choices {
      gap: 0.25em;
      max-height: 18em;
      overflow-y: auto;
      padding: 0.25em;
    }
    ul.choices > li {
      display: flex;
      align-items: center;
      gap: 0.5em;
      min-height: 44px;
      overflow-wrap: anywhere;
      min-width: 0;
    }
    ul.choices input {
      inline-size: 24px;
      block-size: 24px;
      flex: none;
      margin: 0;
    }
    .embed {
      margin-block: -0.5rem 1rem;
    }
  `,
];
