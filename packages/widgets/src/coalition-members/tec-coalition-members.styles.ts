import { css } from 'lit';

export const styles = css`
  .controls {
    display: grid;
    gap: 0.4em;
    margin-block-end: var(--_space);
  }
  label {
    font-weight: 600;
  }
  .hint,
  .count,
  .meta {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-block-start: 0.5em;
  }
  /* On a narrow widget (a phone), the kinds are one select on one row instead of rows of chips. */
  .kind-select {
    display: none;
  }
  @container (max-width: 30em) {
    .kind-select {
      display: block;
    }
    .chips {
      display: none;
    }
  }
  .chip {
    min-height: 44px;
    padding: 0.25em 0.9em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    cursor: pointer;
  }
  .chip[aria-pressed='true'] {
    border: 2px solid var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  /* The list takes the rest of the space the widget holds (reserve.ts). */
  section.frame {
    display: flex;
    flex-direction: column;
  }
  /* The containing block of everything inside the list: a visually hidden text far down the list
     stays inside the scroll box instead of stretching the host page (a blank tail under it). */
  .scroller {
    position: relative;
    flex-grow: 1;
    height: var(--tec-members-height, 32em);
    max-height: 80vh;
    overflow: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .items {
    display: block;
  }
  :host([layout='grid']) .items:not([style]) {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(16em, 1fr));
  }
  .member {
    width: 100%;
    border-block-end: 1px solid var(--_subtle);
    overflow-wrap: anywhere;
  }
  .cell {
    display: flex;
    gap: 0.75em;
    align-items: flex-start;
    padding: 0.75em;
  }
  .avatar {
    position: relative;
    flex: none;
    display: grid;
    place-items: center;
    width: 40px;
    height: 40px;
    border-radius: 50%;
    background: var(--_subtle);
    font-weight: 700;
    overflow: hidden;
  }
  .avatar img {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }
  .details {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25em 0.6em;
    min-width: 0;
  }
  .name {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    padding: 0;
    border: 0;
    background: none;
    font-weight: 700;
    text-align: start;
    cursor: pointer;
    min-height: 24px;
  }
  /* A chevron says the name opens something, and which way. */
  .name::after {
    content: '';
    flex: none;
    width: 0.45em;
    height: 0.45em;
    border-inline-end: 2px solid currentColor;
    border-block-end: 2px solid currentColor;
    transform: rotate(45deg) translateY(-0.15em);
  }
  .name[aria-expanded='true']::after {
    transform: rotate(-135deg) translateY(-0.1em);
  }
  .more {
    flex-basis: 100%;
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.15em 0.75em;
    margin: 0.4em 0 0;
    padding: 0.5em 0.75em;
    border-inline-start: 3px solid var(--_accent);
    background: var(--_subtle);
    font-size: 0.9375em;
  }
  .more > div {
    display: contents;
  }
  .more dt {
    color: var(--_muted);
  }
  .more dd {
    margin: 0;
  }
  /* On a narrow widget, each term above its value: side by side, the values had a column of a
     few letters at 320 px (words broken letter by letter). After the rules above, to win. */
  @container (max-width: 30em) {
    .more {
      grid-template-columns: minmax(0, 1fr);
      row-gap: 0;
    }
    .more dd {
      margin-block-end: 0.35em;
    }
  }
  .badge {
    padding: 0.05em 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.8em;
  }
  .meta {
    flex-basis: 100%;
  }
  a {
    color: var(--_accent);
    min-height: 24px;
  }
  .none,
  .sentinel {
    padding: 0.75em;
    min-height: 2em;
  }
  .skeleton-title {
    height: 2em;
    margin-block-end: var(--_space);
  }
  .skeleton-controls {
    height: 7em;
    margin-block-end: var(--_space);
  }
  .skeleton-list {
    min-height: 10em;
  }
`;
