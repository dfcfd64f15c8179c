import { css } from 'lit';

export const styles = css`
  section.frame {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  section.frame > .heading,
  section.frame > #title {
    margin-block-end: 0;
  }
  .status {
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_subtle);
  }
  .figures {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
    padding: 0;
    list-style: none;
    font-weight: 600;
  }
  .section {
    border-block-start: 1px solid var(--_border);
    padding-block-start: calc(var(--_space) * 0.75);
    overflow-wrap: anywhere;
  }
  .section h3,
  .section h4,
  .section h5,
  .section h6 {
    line-height: 1.35;
  }
  .section > :is(h3, h4, h5, h6),
  summary > :is(h3, h4, h5, h6) {
    font-size: 1.125em;
  }
  .section > :is(h3, h4, h5, h6) {
    margin-block-end: 0.5em;
  }
  summary {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
    cursor: pointer;
    list-style: none;
  }
  summary::-webkit-details-marker {
    display: none;
  }
  /* The arrows are drawn, not read: no alternative text (where it is understood; the plain
     value first for the browsers that do not know it). */
  summary::before {
    content: '▸';
    content: '▸' / '';
    color: var(--_accent);
  }
  details[open] > summary::before {
    content: '▾';
    content: '▾' / '';
  }
  summary > * {
    display: inline;
  }
  details[open] > .body {
    margin-block-start: 0.5em;
  }
  .body {
    display: grid;
    gap: 0.5em;
  }
  .group > :is(h4, h5, h6) {
    font-size: 1em;
    margin-block-end: 0.25em;
  }
  .items {
    display: grid;
    gap: 0.4em;
    padding-inline-start: 1.1em;
  }
  .label {
    font-weight: 600;
  }
  .nature {
    display: inline-block;
    margin-inline-start: 0.4em;
    padding: 0 0.4em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-size: 0.8125em;
  }
  .description {
    color: var(--_muted);
  }
  .binome {
    display: grid;
    gap: 0.4em;
    margin: 0;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  a {
    color: var(--_accent);
  }
  .contact {
    display: inline-flex;
    align-items: center;
    min-height: 44px;
    font-weight: 600;
  }
  .skeleton-title {
    height: 1.6em;
    width: 60%;
    margin-block-end: var(--_space);
  }
  .skeleton-text {
    height: 6em;
    margin-block-end: var(--_space);
  }
  .skeleton-block {
    height: 20em;
  }
`;
