import { css } from 'lit';

export const styles = css`
  .intro {
    margin-block-end: var(--_space);
  }
  .opportunities {
    list-style: none;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .more {
    margin-block-start: var(--_space);
  }
  .opportunity {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow-wrap: anywhere;
    min-width: 0;
  }
  .kind {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.03em;
  }
  h3 {
    font-size: 1.1em;
    margin-block: 0.25em 0.5em;
  }
  dl {
    display: grid;
    gap: 0.25em;
    margin: 0.5em 0;
  }
  dl div {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em;
  }
  dt {
    font-weight: 600;
  }
  dt::after {
    content: ' :';
  }
  dd {
    margin: 0;
  }
  .places {
    font-weight: 600;
    margin-block-end: 0.75em;
  }
  .places[data-full='true'] {
    color: var(--_danger);
  }
  :host([variant='banner']) .opportunity {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1.5em;
  }
  :host([variant='banner']) .opportunity dl,
  :host([variant='banner']) .opportunity .places {
    margin: 0;
  }
  :host([variant='button']) .frame,
  :host([variant='button']) .opportunity {
    border: 0;
    padding: 0;
  }
  :host([variant='button']) .kind,
  :host([variant='button']) dl,
  :host([variant='button']) h3 {
    display: none;
  }
  .form {
    display: grid;
    gap: var(--_space);
    margin-block-start: var(--_space);
    padding-block-start: var(--_space);
    border-block-start: 1px solid var(--_border);
    flex-basis: 100%;
  }
  .form h3:focus {
    outline: none;
  }
  .note,
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .field {
    display: grid;
    gap: 0.3em;
    min-width: 0;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.75em;
    margin: 0;
  }
  legend,
  label {
    font-weight: 600;
  }
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border: 2px solid var(--_danger);
  }
  .check {
    display: flex;
    align-items: flex-start;
    gap: 0.6em;
    font-weight: 400;
    min-height: 44px;
    padding-block: 0.35em;
  }
  .check input {
    width: 1.25em;
    height: 1.25em;
    margin-block-start: 0.15em;
    flex: none;
    accent-color: var(--_accent);
  }
  .field-error,
  .send-error {
    color: var(--_danger);
    font-weight: 600;
  }
  .field-error::before,
  .send-error::before {
    content: '⚠ ';
  }
  .send-error:focus {
    outline: 3px solid var(--_focus);
  }
  .hp {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .privacy {
    font-size: 0.875em;
    padding: 0.75em;
    background: var(--_subtle);
    border-radius: var(--_radius);
  }
  .privacy summary {
    font-weight: 600;
    cursor: pointer;
    min-height: 24px;
  }
  .privacy ul {
    padding-inline-start: 1.25em;
    margin-block-start: 0.5em;
    display: grid;
    gap: 0.25em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
  }
  .confirmation {
    margin-block-start: var(--_space);
    padding: var(--_space);
    border-inline-start: 4px solid var(--_success);
    background: var(--_subtle);
    display: grid;
    gap: 0.75em;
    justify-items: start;
  }
  .confirmation p {
    margin: 0;
  }
  .confirmation #confirmation {
    font-weight: 600;
  }
  .confirmation .recap {
    margin: 0;
  }
  .waitlist-note {
    font-weight: 600;
  }
  .skeleton-title {
    height: 2em;
    margin-block-end: var(--_space);
  }
  .skeleton-card {
    min-height: 13em;
  }
  .error-summary ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a {
    color: var(--_danger);
    font-weight: 600;
  }
`;
