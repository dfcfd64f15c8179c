/**
 * The design tokens every widget reads. A host page restyles the widgets by setting `--tec-*`
 * custom properties (they pierce the shadow root); the defaults meet RGAA contrast (4.5:1 for
 * text, 3:1 for borders and focus) in light and dark. System fonts only: no web font is loaded.
 */
import { css, unsafeCSS, type CSSResult } from 'lit';
import { shadowReserve, type Row } from './reserve.js';

/** The dark palette, shown when the widget's `dark` state is on (theme.ts says when). */
const dark = unsafeCSS(`
    --_text: var(--tec-color-text, #f1f1f4);
    --_muted: var(--tec-color-muted, #c2c4ca);
    --_surface: var(--tec-color-surface, #1c1d22);
    --_subtle: var(--tec-color-subtle, #2a2c33);
    --_border: var(--tec-color-border, #9a9ea6);
    --_accent: var(--tec-color-accent, #8cc2ff);
    --_on-accent: var(--tec-color-on-accent, #0d1117);
    --_success: var(--tec-color-success, #7ee2a8);
    --_danger: var(--tec-color-danger, #ff9b9b);
    --_focus: var(--tec-focus-ring, #8cc2ff);
`);

export const tokens = css`
  :host {
    --_text: var(--tec-color-text, #1b1b1f);
    --_muted: var(--tec-color-muted, #53565a);
    --_surface: var(--tec-color-surface, #ffffff);
    --_subtle: var(--tec-color-subtle, #f3f4f6);
    --_border: var(--tec-color-border, #767a80);
    --_accent: var(--tec-color-accent, #0b5cad);
    --_on-accent: var(--tec-color-on-accent, #ffffff);
    --_success: var(--tec-color-success, #18753c);
    --_danger: var(--tec-color-danger, #b3141a);
    --_focus: var(--tec-focus-ring, #0b5cad);
    --_radius: var(--tec-radius, 0.5em);
    --_space: var(--tec-space, 1em);
    --_font: var(--tec-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif);

    color-scheme: light;
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    background: var(--_surface);
    border-radius: var(--_radius);
    min-width: 0;
  }
  /* The page's own rules reach the host element, and win over :host even without !important:
     the text settings are set on the shadow root's children instead, where no page rule reaches.
     The default size is the reader's own (medium), not the page's root size: sizes are in em, so a
     theme's html { font-size: 62.5% } changes nothing. */
  :host,
  :host > * {
    color: var(--_text);
    font-family: var(--_font);
    font-size: var(--tec-font-size, medium);
    font-weight: 400;
    font-style: normal;
    font-variant: normal;
    line-height: 1.5;
    text-align: start;
    text-indent: 0;
    text-shadow: none;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    white-space: normal;
  }
  :host([hidden]),
  [hidden] {
    display: none !important;
  }
  :host(:state(dark)) {
    color-scheme: dark;
    ${dark}
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  /* Every state sits in the space the widget holds from the page's first frame (reserve.ts); its
     frame fills it, so a state with less to show never lets the page move up. */
  .reserve {
    display: flex;
    flex-direction: column;
    min-height: var(--tec-min-height, var(--_r, auto));
  }
  /* The data is much shorter than the space held for it: the space is given back (tec-element.ts). */
  .reserve.fitted {
    min-height: auto;
  }
  .reserve > :last-child,
  .busy > .frame {
    flex-grow: 1;
  }
  .busy,
  .busy > .frame {
    display: flex;
    flex-direction: column;
  }
  .busy > .frame > :last-child {
    flex-grow: 1;
  }
  .state {
    display: grid;
    align-content: center;
  }
  /* The error state reads as a designed state: the title, the notice, the webmaster's link, and
     a still outline of the content in the rest of the room the widget holds. */
  .failed {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
  }
  .failed > #title {
    margin: 0;
  }
  .fallback ::slotted(a) {
    color: var(--_accent);
  }
  .quiet {
    flex: 1 1 0;
    min-height: 0;
    overflow: hidden;
    opacity: 0.6;
  }
  .quiet > .frame {
    padding: 0;
    border: 0;
  }
  .quiet .skeleton {
    animation: none;
  }
  .quiet .skeleton-title {
    display: none;
  }
  .frame {
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  h2,
  h3,
  h4,
  h5,
  h6,
  p,
  ol,
  ul {
    margin: 0;
  }
  h2,
  #title {
    font-size: 1.25em;
    line-height: 1.3;
    margin-block-end: calc(var(--_space) * 0.75);
  }
  button {
    font: inherit;
    color: inherit;
  }
  /* Text fields and selects of every widget (the sign-up form, the member search and filter). */
  input:not([type='checkbox']):not([type='radio']),
  textarea,
  select {
    width: 100%;
    min-height: 44px;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
  }
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 44px;
    padding: 0.5em 1em;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .button.secondary {
    background: transparent;
    color: var(--_accent);
  }
  /* A button busy sending is aria-disabled, not disabled: a disabled button drops the focus. */
  .button[disabled],
  .button[aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.75;
  }
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75em;
    padding: 0.75em;
    border-inline-start: 4px solid var(--_danger);
    background: var(--_subtle);
  }
  /* The heading with the demonstration-data mark beside it (renderHeading()); the mark goes under
     the heading when there is no room beside it. */
  .heading {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    column-gap: 0.75em;
    margin-block-end: calc(var(--_space) * 0.75);
  }
  .heading > #title {
    margin-block-end: 0;
  }
  .demo-mark {
    padding: 0 0.5em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    background: var(--_subtle);
    color: var(--_text);
    font-size: 0.875em;
    line-height: 1.6;
    white-space: nowrap;
  }
  .skeleton {
    display: block;
    border-radius: var(--_radius);
    background: var(--_subtle);
    animation: pulse 1.5s ease-in-out infinite;
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;

/** The space a widget holds on the page, for its shadow root (see reserve.ts). */
export const reserveFor = (rows: Row[]): CSSResult => unsafeCSS(shadowReserve(rows));
