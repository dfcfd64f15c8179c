import { css } from 'lit';

export const styles = css`
  section.frame {
    display: flex;
    flex-direction: column;
  }
  .intro {
    margin-block-end: var(--_space);
  }
  .controls {
    display: grid;
    gap: 0.4em;
    margin-block-end: var(--_space);
  }
  label {
    font-weight: 600;
  }
  .count,
  .kind,
  .started {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .cooperations {
    list-style: none;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 20em), 1fr));
  }
  .cooperation {
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  h3 {
    font-size: 1.0625em;
    line-height: 1.35;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 0.4em;
    margin-block: 0.25em 0.5em;
    font-weight: 600;
  }
  .started {
    font-weight: 400;
    margin-inline-start: 0.4em;
  }
  .shape {
    width: 1em;
    height: 1em;
    flex: none;
    color: var(--_muted);
  }
  .status[data-status='en-cours'] .shape {
    color: var(--_accent);
  }
  .status[data-status='perennisee'] .shape {
    color: var(--_success);
  }
  .summary {
    margin-block-end: 0.5em;
  }
  dl {
    display: grid;
    gap: 0.4em;
    margin: 0;
  }
  dt {
    font-weight: 600;
    font-size: 0.875em;
  }
  dd {
    margin: 0;
  }
  .actors,
  .needs {
    margin: 0;
    padding-inline-start: 1.1em;
  }
  .actors li {
    /* Each link is a target of at least 24 px (WCAG 2.5.8). */
    min-height: 24px;
    padding-block: 2px;
  }
  .actors a {
    display: inline-block;
    min-height: 24px;
    color: var(--_accent);
  }
  .none {
    display: grid;
    justify-items: start;
    gap: 0.75em;
    padding: 0.75em;
    background: var(--_subtle);
    border-radius: var(--_radius);
  }
  .skeleton-title {
    height: 1.6em;
    width: 60%;
    margin-block-end: var(--_space);
  }
  .skeleton-controls {
    height: 5.5em;
    margin-block-end: var(--_space);
  }
  .skeleton-card {
    height: 14em;
  }
`;
