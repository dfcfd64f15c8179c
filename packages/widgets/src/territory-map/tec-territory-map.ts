import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { geoConicConformalRaw } from 'd3-geo';
import type { Geometry, PhaseKey, TerritorySummary } from '@tec/contract';
import type { LiveNotice, TecClient } from '@tec/sdk';
import { TecElement } from '../base/tec-element.js';
import { reserveFor, tokens } from '../base/styles.js';
import { labels } from '../base/localize.js';
import { TecTerritorySelectEvent } from '../base/events.js';
import { styles } from './tec-territory-map.styles.js';
import { reserve } from './tec-territory-map.reserve.js';
import { ArcPaths, type GeometryObject, type TopologyLike } from './topology.js';

/** The drawing's own coordinate space; the SVG scales to its box through its viewBox. */
const WIDTH = 600;
const HEIGHT = 560;
const PAD = 16;
/** The size of the members' first page, the same as `<tec-coalition-members>` asks for. */
const MEMBERS_PAGE = 50;

type Phase = PhaseKey | 'selection';

interface Place {
  id: string;
  name: string;
  /** Phase of a territory (overview), or undefined for a commune. */
  phase?: Phase;
  /** A line under the name: the phase, or the number of members. */
  detail: string;
  path: string;
  centre: [number, number];
  /** For a commune: members there. */
  count?: number;
  /** The shape, when its centre is computed on demand (for its tooltip). */
  shape?: GeometryObject;
}

/** The geometry objects of one object of a topology (a collection or a single geometry). */
function objectsOf(geometry: Geometry, name: string): GeometryObject[] {
  const target = geometry.topology.objects[name] as (GeometryObject & { geometries?: unknown }) | undefined;
  if (!target) return [];
  if (target.type !== 'GeometryCollection') return [target];
  return Array.isArray(target.geometries)
    ? target.geometries.filter(
        (g): g is GeometryObject => typeof (g as GeometryObject | null)?.type === 'string',
      )
    : [];
}

/** d3's conformal conic for metropolitan France (as the IGN's Lambert-93): parallels 44° and 49°, centred on 3° E. */
const RADIANS = Math.PI / 180;
const conic = geoConicConformalRaw(44 * RADIANS, 49 * RADIANS);

/**
 * How the shapes are drawn: the conic, scaled and moved to fit `frame` (France, or the
 * territory's outline) in the drawing as d3's `fitExtent` would, and the shapes' paths and centres
 * from the topology's shared arcs (see ./topology.ts). Only d3's raw projection is used: France
 * needs none of the clipping and resampling of a full d3 projection, which would double the
 * map's code.
 */
function drawing(geometry: Geometry, frame: GeometryObject[]) {
  const topology = geometry.topology as unknown as TopologyLike;
  const unit = (lon: number, lat: number): [number, number] | null => {
    const [x, y] = conic((lon - 3) * RADIANS, lat * RADIANS);
    return Number.isFinite(x) && Number.isFinite(y) ? [x, -y] : null;
  };
  const [x0, y0, x1, y1] = new ArcPaths(topology, unit, 0).boundsOf(frame);
  const [w, h] = [WIDTH - 2 * PAD, HEIGHT - 2 * PAD];
  const fitted = Math.min(w / (x1 - x0), h / (y1 - y0));
  const k = Number.isFinite(fitted) && fitted > 0 ? fitted : 1;
  const [tx, ty] = [PAD + (w - k * (x1 + x0)) / 2, PAD + (h - k * (y1 + y0)) / 2];
  const project = (lon: number, lat: number): [number, number] | null => {
    const xy = unit(lon, lat);
    return xy && [tx + k * xy[0], ty + k * xy[1]];
  };
  return new ArcPaths(topology, project);
}

/**
 * The TEC territories on a map of metropolitan France — or one territory with its communes and
 * where its coalition members are. Each place is reachable by keyboard (one tab stop, arrow keys,
 * Enter), named for assistive technology, and listed as text beside the map (RGAA 1.1, 7.2).
 * Phases show by colour and by pattern, with a legend. Drawn as SVG with d3-geo; zoom and pan
 * by Ctrl + wheel, pinch, drag and visible buttons, unless `static`.
 *
 * @summary The programme's territories, or one territory, on an accessible map.
 * @tagname tec-territory-map
 *
 * @slot - Shown until the script runs (e.g. an image of the map with a link).
 * @slot error - Replaces the text shown when the map cannot be loaded.
 *
 * @csspart base - The frame around the widget.
 * @csspart map - The SVG map.
 * @csspart place - Each territory or commune on the map.
 * @csspart controls - The zoom buttons.
 * @csspart list - The text list of the same places.
 * @csspart attribution - The attribution of the boundaries.
 *
 * @cssprop --tec-min-height - The height the widget holds on the page in every state (by default, what
 *   its content takes at its width on the demo data): set it when yours is longer.
 * @cssprop --tec-map-portrait - Colour of phase 1 (portrait).
 * @cssprop --tec-map-cooperations - Colour of phase 2 (cooperations).
 * @cssprop --tec-map-coalition - Colour of phase 3 (coalition).
 * @cssprop --tec-map-land - Colour of the land.
 *
 * @fires tec-territory-select - A place was chosen (`detail.slug`, `detail.href`); cancelable.
 * @fires tec-error - The map could not be loaded.
 */
export class TecTerritoryMap extends TecElement {
  static override styles = [tokens, reserveFor(reserve), styles];

  /** Where a territory links to, `{slug}` replaced: e.g. `/territoires/{slug}`. */
  @property({ attribute: 'href-template' }) hrefTemplate?: string;

  /** No zoom or pan. */
  @property({ type: Boolean, reflect: true }) static = false;

  @state() private places: Place[] = [];
  /** The territory shown, once loaded (none: the overview of France). */
  @state() private territoryName?: string;
  @state() private land = '';
  @state() private attribution = '';
  @state() private approximate = false;
  @state() private active = 0;
  @state() private hover?: number;
  @state() private showList = false;
  @state() private view = { k: 1, x: 0, y: 0 };
  private pointers = new Map<number, { x: number; y: number }>();
  /** The drawing's arcs, kept for the centres that tooltips compute on demand. */
  private arcs?: ArcPaths;

  constructor() {
    super();
    this.needsTerritory = false;
  }

  protected override async load(client: TecClient, signal: AbortSignal): Promise<'loaded' | 'empty'> {
    const lang = this.language;
    if (!this.chosenTerritory) {
      const [geometry, territories] = await Promise.all([
        client.geometry.overview({ signal }),
        client.territories.list({ signal }),
      ]);
      const france = objectsOf(geometry, 'france');
      const arcs = drawing(geometry, france);
      const bySlug = new Map<string, TerritorySummary>(territories.map((t) => [t.slug, t]));
      this.land = arcs.pathOfAll(france);
      this.places = objectsOf(geometry, 'territories').flatMap((shape): Place[] => {
        const slug = String(shape.properties?.slug ?? '');
        const t = bySlug.get(slug);
        if (!t) return [];
        const phase: Phase = t.status === 'en-selection' || !t.currentPhase ? 'selection' : t.currentPhase;
        const detail = phase === 'selection' ? this.t('selecting') : labels[lang].phase[phase];
        return [
          { id: slug, name: t.name, phase, detail, path: arcs.pathOf(shape), centre: [NaN, NaN], shape },
        ];
      });
      this.arcs = arcs;
      this.setGeometryMeta(geometry);
      return this.places.length ? 'loaded' : 'empty';
    }
    const slug = this.slug;
    // The members' first page is the one <tec-coalition-members> asks for: on a page with both,
    // the SDK's cache makes it one request; its `communes` facet counts every member.
    const [geometry, territory, members] = await Promise.all([
      client.geometry.territory(slug, { signal }),
      client.territories.get(slug, { signal }),
      client.members.page(slug, { limit: MEMBERS_PAGE }, { signal }),
    ]);
    const outline = objectsOf(geometry, 'outline');
    const arcs = drawing(geometry, outline);
    const counts = new Map<string, number>(Object.entries(members.communes));
    this.land = arcs.pathOfAll(outline);
    this.places = objectsOf(geometry, 'communes')
      .map((shape): Place => {
        const props = (shape.properties ?? {}) as { insee?: unknown; name?: unknown };
        const insee = typeof props.insee === 'string' ? props.insee : '';
        const count = counts.get(insee) ?? 0;
        // A point is drawn as a circle at its place; a shape's centre is only needed for its
        // tooltip, so it is computed on hover, not for 2,000 places up front.
        const point = shape.type === 'Point';
        const centre = point ? arcs.pointOf(shape) : null;
        return {
          id: insee,
          name: typeof props.name === 'string' ? props.name : '',
          detail: this.t('membersAt', { n: count }),
          path: point ? '' : arcs.pathOf(shape),
          centre: centre ?? [NaN, NaN],
          shape: point ? undefined : shape,
          count,
        };
        // A place with neither a shape nor a valid position cannot be drawn (damaged data): left out.
      })
      .filter((p) => p.path || Number.isFinite(p.centre[0]));
    this.territoryName = territory.name;
    this.arcs = arcs;
    this.setGeometryMeta(geometry);
    return 'loaded';
  }

  private setGeometryMeta(geometry: Geometry): void {
    this.attribution = geometry.attribution;
    this.approximate = geometry.approximate;
    this.active = Math.min(this.active, Math.max(0, this.places.length - 1));
  }

  protected override describeChange(notice: LiveNotice): string | undefined {
    if (notice.type === 'territory.updated') return notice.summary.name;
    return undefined;
  }

  // ----- choosing ----------------------------------------------------------------------------

  private select(index: number): void {
    const place = this.places[index];
    if (!place) return;
    this.active = index;
    const href = this.hrefTemplate?.replace('{slug}', encodeURIComponent(place.id));
    const event = new TecTerritorySelectEvent({ slug: place.id, name: place.name, href });
    const proceed = this.dispatchEvent(event);
    if (proceed && href) {
      const url = new URL(href, location.href);
      if (url.protocol === 'https:' || url.protocol === 'http:') location.assign(url.href);
    }
  }

  private focusPlace(index: number): void {
    const count = this.places.length;
    if (!count) return;
    this.active = (index + count) % count;
    void this.updateComplete.then(() => {
      this.renderRoot.querySelector<SVGElement>(`[data-index="${this.active}"]`)?.focus();
    });
  }

  private onKeyDown(event: KeyboardEvent): void {
    const keys: Record<string, () => void> = {
      ArrowRight: () => this.focusPlace(this.active + 1),
      ArrowDown: () => this.focusPlace(this.active + 1),
      ArrowLeft: () => this.focusPlace(this.active - 1),
      ArrowUp: () => this.focusPlace(this.active - 1),
      Home: () => this.focusPlace(0),
      End: () => this.focusPlace(this.places.length - 1),
      Enter: () => this.select(this.active),
      ' ': () => this.select(this.active),
    };
    if (!this.static) {
      Object.assign(keys, {
        '+': () => this.zoom(1.5),
        '=': () => this.zoom(1.5),
        '-': () => this.zoom(1 / 1.5),
      });
    }
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  // ----- zoom and pan ------------------------------------------------------------------------

  private zoom(factor: number, cx = WIDTH / 2, cy = HEIGHT / 2): void {
    if (this.static) return;
    const { k, x, y } = this.view;
    const next = Math.min(12, Math.max(1, k * factor));
    const ratio = next / k;
    this.view =
      next === 1 ? { k: 1, x: 0, y: 0 } : { k: next, x: cx - (cx - x) * ratio, y: cy - (cy - y) * ratio };
  }

  private reset(): void {
    this.view = { k: 1, x: 0, y: 0 };
  }

  /** A client point in the drawing's coordinates. */
  private toDrawing(clientX: number, clientY: number): [number, number] {
    const box = this.renderRoot.querySelector('svg')!.getBoundingClientRect();
    return [((clientX - box.left) / box.width) * WIDTH, ((clientY - box.top) / box.height) * HEIGHT];
  }

  private onWheel(event: WheelEvent): void {
    // Ctrl + wheel (and trackpad pinch, which browsers send so) zooms; a plain wheel scrolls the page.
    if (this.static || !event.ctrlKey) return;
    event.preventDefault();
    const [cx, cy] = this.toDrawing(event.clientX, event.clientY);
    this.zoom(event.deltaY < 0 ? 1.25 : 0.8, cx, cy);
  }

  private onPointerDown(event: PointerEvent): void {
    if (this.static) return;
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
  }

  private onPointerMove(event: PointerEvent): void {
    const last = this.pointers.get(event.pointerId);
    if (!last || this.static) return;
    const box = this.renderRoot.querySelector('svg')!.getBoundingClientRect();
    const scale = WIDTH / box.width;
    if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      const before = Math.hypot(a!.x - b!.x, a!.y - b!.y);
      this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      const [c, d] = [...this.pointers.values()];
      const after = Math.hypot(c!.x - d!.x, c!.y - d!.y);
      if (before > 0) {
        const [cx, cy] = this.toDrawing((c!.x + d!.x) / 2, (c!.y + d!.y) / 2);
        this.zoom(after / before, cx, cy);
      }
      return;
    }
    this.pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (this.view.k === 1) return;
    this.view = {
      ...this.view,
      x: this.view.x + (event.clientX - last.x) * scale,
      y: this.view.y + (event.clientY - last.y) * scale,
    };
  }

  private onPointerUp(event: PointerEvent): void {
    this.pointers.delete(event.pointerId);
  }

  // ----- rendering ---------------------------------------------------------------------------

  /** Events of every place, delegated to their group: one set of listeners for 2,000 places. */
  private indexOf(event: Event): number | undefined {
    const target = (event.target as Element | null)?.closest?.('[data-index]');
    const index = target ? Number(target.getAttribute('data-index')) : NaN;
    return Number.isInteger(index) ? index : undefined;
  }

  private onPlaceFocus = (event: FocusEvent) => {
    const index = this.indexOf(event);
    if (index !== undefined) this.active = this.hover = index;
  };

  private onPlaceOver = (event: PointerEvent) => {
    this.hover = this.indexOf(event);
  };

  private onPlaceClick = (event: MouseEvent) => {
    const index = this.indexOf(event);
    if (index !== undefined) this.select(index);
  };

  private renderPlace(place: Place, index: number): TemplateResult {
    const active = index === this.active;
    const label = `${place.name} — ${place.detail}`;
    const role = this.hrefTemplate && !this.chosenTerritory ? 'link' : 'button';
    if (place.path) {
      return svg`<path class="place" part="place" d=${place.path} data-index=${index}
        data-phase=${place.phase ?? 'commune'} role=${role} tabindex=${active ? '0' : '-1'} aria-label=${label}></path>`;
    }
    const radius = 5 + Math.min(10, Math.sqrt(place.count ?? 0) * 3);
    return svg`<circle class="place point" part="place" cx=${place.centre[0]} cy=${place.centre[1]} r=${radius}
      data-index=${index} data-phase="commune" role="button" tabindex=${active ? '0' : '-1'} aria-label=${label}></circle>`;
  }

  private renderTooltip(): TemplateResult | typeof nothing {
    const place = this.hover === undefined ? undefined : this.places[this.hover];
    if (!place) return nothing;
    if (Number.isNaN(place.centre[0]) && place.shape && this.arcs)
      place.centre = this.arcs.centreOf(place.shape);
    return html`<div
      class="tooltip"
      role="presentation"
      aria-hidden="true"
      data-x=${place.centre[0]}
      data-y=${place.centre[1]}
    >
      <strong>${place.name}</strong><br />${place.detail}
    </div>`;
  }

  protected override updated(): void {
    // Positions come from data: set through the CSSOM (and SVG attributes), never a style attribute.
    const tooltip = this.renderRoot.querySelector<HTMLElement>('.tooltip');
    if (tooltip) {
      const { k, x, y } = this.view;
      tooltip.style.left = `${((Number(tooltip.dataset.x) * k + x) / WIDTH) * 100}%`;
      tooltip.style.top = `${((Number(tooltip.dataset.y) * k + y) / HEIGHT) * 100}%`;
    }
  }

  private renderLegend(): TemplateResult | typeof nothing {
    if (this.chosenTerritory) return nothing;
    const lang = this.language;
    const phases: Phase[] = ['portrait', 'cooperations', 'coalition', 'selection'];
    return html`<ul class="legend" aria-label=${this.t('legend')}>
      ${phases.map(
        (p) =>
          html`<li>
            <svg class="swatch" viewBox="0 0 24 16" aria-hidden="true">
              <rect width="24" height="16" data-phase=${p} class="place swatch-fill"></rect>
            </svg>
            ${p === 'selection' ? this.t('selecting') : `${this.t('phaseNumber', { n: ['portrait', 'cooperations', 'coalition'].indexOf(p) + 1 })} — ${labels[lang].phase[p as PhaseKey]}`}
          </li>`,
      )}
    </ul>`;
  }

  protected override headingText(): string {
    return this.territoryName && this.chosenTerritory
      ? this.t('mapTitleTerritory', { territory: this.territoryName })
      : this.t('mapTitle');
  }

  protected override renderSkeleton(): TemplateResult {
    return html`<div class="frame" part="base">
      <span class="skeleton skeleton-title"></span>
      <div class="box"><span class="skeleton skeleton-map"></span></div>
    </div>`;
  }

  protected override renderContent(): TemplateResult | typeof nothing {
    if (!this.places.length && !this.land) return nothing;
    const { k, x, y } = this.view;
    return html`<section class="frame" part="base" aria-labelledby="title">
      <h2 id="title">${this.headingText()}</h2>
      <div class="box" @wheel=${this.static ? nothing : this.onWheel}>
        <svg
          part="map"
          viewBox="0 0 ${WIDTH} ${HEIGHT}"
          role="group"
          aria-label=${this.headingText()}
          aria-describedby="map-help"
          @keydown=${this.onKeyDown}
          @pointerdown=${this.onPointerDown}
          @pointermove=${this.onPointerMove}
          @pointerup=${this.onPointerUp}
          @pointercancel=${this.onPointerUp}
        >
          <defs>
            <pattern
              id="hatch-cooperations"
              width="8"
              height="8"
              patternUnits="userSpaceOnUse"
              patternTransform="rotate(45)"
            >
              <rect width="8" height="8" class="pattern-bg" data-phase="cooperations"></rect>
              <line x1="0" y1="0" x2="0" y2="8" class="pattern-line"></line>
            </pattern>
            <pattern id="dots-coalition" width="8" height="8" patternUnits="userSpaceOnUse">
              <rect width="8" height="8" class="pattern-bg" data-phase="coalition"></rect>
              <circle cx="4" cy="4" r="1.6" class="pattern-dot"></circle>
            </pattern>
            <pattern id="cross-selection" width="10" height="10" patternUnits="userSpaceOnUse">
              <rect width="10" height="10" class="pattern-bg" data-phase="selection"></rect>
              <path d="M0 0L10 10M10 0L0 10" class="pattern-line"></path>
            </pattern>
          </defs>
          <g
            transform="translate(${x} ${y}) scale(${k})"
            @focusin=${this.onPlaceFocus}
            @focusout=${() => (this.hover = undefined)}
            @pointerover=${this.onPlaceOver}
            @pointerleave=${() => (this.hover = undefined)}
            @click=${this.onPlaceClick}
          >
            <path class="land" d=${this.land}></path>
            ${this.places.map((p, i) => this.renderPlace(p, i))}
          </g>
        </svg>
        ${this.renderTooltip()}
        ${
          this.static
            ? nothing
            : html`<div class="controls" part="controls">
                <button class="zoom" aria-label=${this.t('zoomIn')} @click=${() => this.zoom(1.5)}>+</button>
                <button class="zoom" aria-label=${this.t('zoomOut')} @click=${() => this.zoom(1 / 1.5)}>
                  −
                </button>
                <button class="zoom" aria-label=${this.t('zoomReset')} @click=${() => this.reset()}>⟲</button>
              </div>`
        }
      </div>
      <p id="map-help" class="hint">${this.t('mapPlaces')}</p>
      ${this.renderLegend()}
      <button
        class="button secondary toggle"
        aria-expanded=${this.showList ? 'true' : 'false'}
        aria-controls="places"
        @click=${() => (this.showList = !this.showList)}
      >
        ${this.showList ? this.t('hideList') : this.t('showList')}
      </button>
      <div id="places" class=${this.showList ? 'list' : 'list visually-hidden'} part="list">
        <h3>${this.t('listTitle')}</h3>
        <ul @click=${this.onPlaceClick}>
          ${this.places.map(
            (p, i) =>
              html`<li><button class="list-place" data-index=${i}>${p.name}</button> — ${p.detail}</li>`,
          )}
        </ul>
      </div>
      <p class="attribution" part="attribution">
        ${this.attribution}${
          // Once per caption: the API's attribution may already say so.
          this.approximate && !/approximati/i.test(this.attribution) ? ` ${this.t('approximate')}` : ''
        }
      </p>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'tec-territory-map': TecTerritoryMap;
  }
}
