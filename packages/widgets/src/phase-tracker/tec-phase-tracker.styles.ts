import { css } from 'lit';

export const styles = css`
  /* The phases take the rest of the space the widget holds (reserve.ts). */
  section.frame {
    display: flex;
    flex-direction: column;
  }
  .phases {
    flex-grow: 1;
    list-style: none;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) * 0.75);
    grid-template-columns: 1fr;
  }
  @container (min-width: 720px) {
    :host(:not([layout])) .phases,
    :host([layout='auto']) .phases {
      grid-template-columns: repeat(3, minmax(0, 1fr));
    }
  }
  :host([layout='horizontal']) .phases {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  .phase {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.75em;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  .phase[aria-current='step'] {
    border: 3px solid var(--_accent);
    background: var(--_subtle);
  }
  .marker {
    display: grid;
    place-items: center;
    width: 2.25em;
    height: 2.25em;
    border-radius: 50%;
    border: 2px solid var(--_border);
    font-weight: 700;
  }
  .phase[data-status='terminee'] .marker {
    border-color: var(--_success);
    color: var(--_success);
  }
  .phase[aria-current='step'] .marker {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
  }
  .body {
    min-width: 0;
    overflow-wrap: anywhere;
  }
  h3 {
    font-size: 1em;
    line-height: 1.35;
  }
  .number {
    display: block;
    font-size: 0.875em;
    font-weight: 400;
    color: var(--_muted);
  }
  .status {
    display: inline-block;
    margin-block: 0.35em;
    padding: 0.1em 0.5em;
    border: 1px solid currentColor;
    border-radius: 999px;
    font-size: 0.875em;
    font-weight: 600;
  }
  .phase[data-status='terminee'] .status {
    color: var(--_success);
  }
  .phase[aria-current='step'] .status {
    color: var(--_accent);
  }
  .dates {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .bar {
    height: 0.5em;
    margin-block: 0.5em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    overflow: hidden;
  }
  .fill {
    height: 100%;
    background: var(--_accent);
    transition: width 0.4s ease;
  }
  .toggle {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 44px;
    padding: 0.25em 0;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
    text-align: start;
  }
  .milestones {
    padding-inline-start: 1.25em;
    display: grid;
    gap: 0.35em;
  }
  .milestones li[data-status='atteint']::marker {
    content: '✓ ';
    color: var(--_success);
  }
  .milestones small {
    display: block;
    color: var(--_muted);
  }
  :host([layout='compact']) .dates,
  :host([layout='compact']) .bar,
  :host([layout='compact']) .toggle,
  :host([layout='compact']) .milestones {
    display: none;
  }
  @container (max-width: 300px) {
    :host(:not([layout])) .dates,
    :host(:not([layout])) .toggle {
      font-size: 0.875em;
    }
  }
  .skeleton-title {
    height: 2em;
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .skeleton-phase {
    min-height: 6em;
  }
`;
