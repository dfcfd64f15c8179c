import { css } from 'lit';

export const styles = css`
  :host {
    --_portrait: var(--tec-map-portrait, #a34d00);
    --_cooperations: var(--tec-map-cooperations, #0b5cad);
    --_coalition: var(--tec-map-coalition, #18753c);
    --_selection: var(--tec-map-selection, #5f6368);
    --_land: var(--tec-map-land, #e8eaed);
  }
  .box {
    position: relative;
    aspect-ratio: 600 / 560;
    width: 100%;
    max-width: 48em;
    touch-action: pan-y;
  }
  svg[part='map'] {
    display: block;
    width: 100%;
    height: 100%;
    overflow: hidden;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    cursor: grab;
  }
  :host([static]) svg[part='map'] {
    cursor: default;
  }
  .land {
    fill: var(--_land);
    stroke: var(--_border);
    stroke-width: 0.75;
    vector-effect: non-scaling-stroke;
  }
  .place {
    stroke: var(--_text);
    stroke-width: 1;
    vector-effect: non-scaling-stroke;
    cursor: pointer;
    outline: none;
  }
  .place[data-phase='commune'] {
    fill: var(--_accent);
    fill-opacity: 0.25;
  }
  .point[data-phase='commune'] {
    fill-opacity: 0.85;
  }
  .place[aria-pressed='true'] {
    fill-opacity: 0.6;
    stroke-width: 2.5;
  }
  .place:hover,
  .place:focus-visible {
    stroke: var(--_focus);
    stroke-width: 3;
  }
  /* The chosen territories' real outlines on the map of France: small, drawn, not targets. */
  .outline {
    fill: var(--_text);
    fill-opacity: 0.55;
    stroke: none;
    pointer-events: none;
  }
  /* A territory's symbol: its shape says its phase as much as its colour does. */
  .symbol {
    stroke: var(--_surface);
    stroke-width: 2;
    vector-effect: non-scaling-stroke;
  }
  .symbol[data-phase='portrait'] {
    fill: var(--_portrait);
  }
  .symbol[data-phase='cooperations'] {
    fill: var(--_cooperations);
  }
  .symbol[data-phase='coalition'] {
    fill: var(--_coalition);
  }
  .symbol[data-phase='selection'] {
    fill: var(--_surface);
    stroke: var(--_selection);
    stroke-width: 2.5;
    stroke-dasharray: 4 3;
  }
  .symbol-dot {
    fill: var(--_selection);
  }
  .marker {
    cursor: pointer;
    outline: none;
  }
  /* The symbol's whole square is the target (28 CSS px), whatever its shape. */
  .hit {
    fill: transparent;
  }
  .marker:hover .symbol,
  .marker:focus-visible .symbol {
    stroke: var(--_focus);
    stroke-width: 4;
    stroke-dasharray: none;
  }
  .label {
    fill: var(--_text);
    font-weight: 600;
    paint-order: stroke;
    stroke: var(--_surface);
    stroke-width: 3px;
    stroke-linejoin: round;
    pointer-events: none;
  }
  .chosen {
    margin-block: 0.5em;
    padding: 0.5em 0.75em;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_subtle);
  }
  .chosen h3 {
    font-size: 1em;
  }
  .tooltip {
    position: absolute;
    transform: translate(-50%, calc(-100% - 12px));
    padding: 0.4em 0.6em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    font-size: 0.875em;
    pointer-events: none;
    white-space: nowrap;
    box-shadow: 0 2px 6px rgb(0 0 0 / 0.2);
  }
  .controls {
    display: flex;
    justify-content: flex-end;
    gap: 0.25em;
    max-width: 48em;
    margin-block-start: 0.5em;
  }
  /* A commune's larger target (under 24 CSS px): invisible, it takes the pointer only. */
  .target {
    fill: transparent;
    cursor: pointer;
  }
  .zoom {
    width: 44px;
    height: 44px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 1.25em;
    cursor: pointer;
  }
  .hint,
  .attribution {
    color: var(--_muted);
    font-size: 0.875em;
    margin-block: 0.5em;
  }
  .legend {
    list-style: none;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.25em;
    margin-block: 0.5em;
  }
  .legend li {
    display: flex;
    align-items: center;
    gap: 0.4em;
  }
  .swatch {
    width: 24px;
    height: 24px;
    flex: none;
  }
  .toggle {
    margin-block: 0.5em;
  }
  .list ul {
    padding-inline-start: 1.25em;
  }
  /* A territory's list holds thousands of communes. Hidden, it is kept off screen (still in the
     accessibility tree, reached by screen readers) and the browser skips its layout until it is
     needed; shown, only the items near the viewport are laid out. */
  .list.visually-hidden {
    inset-inline-start: -100vw;
    content-visibility: auto;
  }
  .list li {
    content-visibility: auto;
    contain-intrinsic-size: auto 1.75em;
  }
  .list-place {
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .skeleton-title {
    height: 2em;
    margin-block-end: var(--_space);
  }
  .skeleton-map {
    width: 100%;
    height: 100%;
  }
`;
