import { html, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Geometry, PhaseKey, TerritorySummary } from '@tec/contract';
import type { LiveNotice, TecClient } from '@tec/sdk';
import { TecElement } from '../base/tec-element.js';
import { reserveFor, tokens } from '../base/styles.js';
import { labels } from '../base/labels.js';
import { isOwn, text, type Key } from './strings.js';
import type { StringKey } from '../base/i18n.js';
import { TecCommuneSelectEvent, TecTerritorySelectEvent } from '../base/events.js';
import { styles } from './tec-territory-map.styles.js';
import { reserve } from './tec-territory-map.reserve.js';
import { lambertFrance } from './projection.js';
import { ArcPaths, PATH_SCALE, PATH_TRANSFORM, type GeometryObject, type TopologyLike } from './topology.js';
import { attributionIn } from './attribution.js';

/** The drawing's own coordinate space; the SVG scales to its box through its viewBox. */
const WIDTH = 600;
const HEIGHT = 560;
const PAD = 16;
/** The size of the members' first page, the same as `<tec-coalition-members>` asks for. */
const MEMBERS_PAGE = 50;
/** A territory's symbol on the map of France, in CSS pixels across (a target of 24 px or more). */
const MARKER_PX = 28;
/** Labels, in CSS pixels. */
const LABEL_PX = 12.5;
/** Above this many communes, a territory's map names them in its tooltip and list only. */
const LABEL_COMMUNES_UP_TO = 60;
/** The smallest target, in CSS pixels (WCAG 2.5.8). */
const TARGET_PX = 24;
/**
 * A commune narrower than this in drawing units may be under 24 CSS px on a phone (a map 200 px
 * wide, on a 320 px screen inside a page's margins, draws 600 units: 3 units a pixel): its centre
 * is kept for a larger target.
 */
const NARROW_UP_TO = TARGET_PX * (WIDTH / 200);

/** A label's lines: words gathered up to `width` characters a line. */
function wrap(text: string, width = 16): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

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
  /** For a commune drawn as a shape: where its name fits, if it does (drawing units). */
  label?: [number, number];
  /**
   * For a commune drawn as a shape on a map that names its communes: the narrower side of its
   * box and where a larger target is centred, should the shape be under 24 CSS px (drawing units).
   */
  narrow?: { side: number; at: [number, number] };
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

/**
 * How the shapes are drawn: the conic, scaled and moved to fit `frame` (France, or the
 * territory's outline) in the drawing as d3's `fitExtent` would, and the shapes' paths and centres
 * from the topology's shared arcs (see ./topology.ts). France needs none of the clipping and
 * resampling of a full d3 projection, only the conic itself (./projection.ts).
 */
function drawing(geometry: Geometry, frame: GeometryObject[]): ArcPaths {
  // The SDK's cache hands every map of a page the same response: projected once for all of them
  // (another map of the same territory, the same map connected again).
  let arcs = drawings.get(geometry);
  if (!arcs) drawings.set(geometry, (arcs = draw(geometry, frame)));
  return arcs;
}
const drawings = new WeakMap<Geometry, ArcPaths>();

function draw(geometry: Geometry, frame: GeometryObject[]) {
  const topology = geometry.topology as unknown as TopologyLike;
  // Each point is projected once, here; the drawing's arcs are these scaled to fit.
  const projected = new ArcPaths(topology, lambertFrance, 0);
  const [x0, y0, x1, y1] = projected.boundsOf(frame);
  const [w, h] = [WIDTH - 2 * PAD, HEIGHT - 2 * PAD];
  const fitted = Math.min(w / (x1 - x0), h / (y1 - y0));
  const k = Number.isFinite(fitted) && fitted > 0 ? fitted : 1;
  const [tx, ty] = [PAD + (w - k * (x1 + x0)) / 2, PAD + (h - k * (y1 + y0)) / 2];
  const project = (lon: number, lat: number): [number, number] | null => {
    const xy = lambertFrance(lon, lat);
    return xy && [tx + k * xy[0], ty + k * xy[1]];
  };
  return projected.scaled(k, tx, ty, project);
}

/**
 * The TEC territories on a map of metropolitan France — or one territory with its communes and
 * where its coalition members are. On the map of France each territory is a symbol large enough
 * to touch, its phase told by its shape, its colour and its name beside it; a territory being
 * selected is a dashed marker in its region. A territory's map frames its communes, names those
 * where the name fits, and shows the chosen commune's details. Each place is reachable by keyboard
 * (one tab stop, arrow keys, Enter), named for assistive technology, and listed as text beside the
 * map (RGAA 1.1, 7.2). Drawn as SVG in a Lambert conformal conic; zoom and pan by Ctrl + wheel,
 * pinch, drag and visible buttons, unless `static`.
 *
 * @summary The programme's territories, or one territory, on an accessible map.
 * @tagname tec-territory-map
 *
 * @slot - Shown until the script runs (e.g. an image of the map with a link).
 * @slot error - Replaces the text shown when the map cannot be loaded.
 *
 * @csspart base - The frame around the widget.
 * @csspart title - The heading.
 * @csspart demo-mark - The « Données de démonstration » mark beside the heading (demo data only).
 * @csspart map - The SVG map.
 * @csspart place - Each territory or commune on the map.
 * @csspart details - The chosen commune's details, under a territory's map.
 * @csspart controls - The zoom buttons.
 * @csspart list - The text list of the same places.
 * @csspart attribution - The attribution of the boundaries.
 *
 * @cssprop --tec-min-height - The height the widget holds on the page in every state (by default, what
 *   its content takes at its width on the demo data; given back once when the data is much
 *   shorter): set it when yours is longer, and it is then held whatever the data.
 * @cssprop --tec-map-portrait - Colour of phase 1 (portrait).
 * @cssprop --tec-map-cooperations - Colour of phase 2 (cooperations).
 * @cssprop --tec-map-coalition - Colour of phase 3 (coalition).
 * @cssprop --tec-map-land - Colour of the land.
 * @cssprop --tec-map-selection - Colour of the marker of a territory being selected.
 *
 * @fires tec-territory-select - A territory was chosen (`detail.slug`, `detail.href`); cancelable.
 * @fires tec-commune-select - A commune was chosen on a territory's map (`detail.insee`, `detail.members`).
 * @fires tec-error - The map could not be loaded.
 */
export class TecTerritoryMap extends TecElement {
  static override styles = [tokens, reserveFor(reserve), styles];

  /** Its own strings (strings.ts, in its chunk), then the base's. */
  protected override t(key: StringKey | Key, params?: Record<string, string | number>): string {
    return isOwn(key) ? text(this.language, key, params) : super.t(key, params);
  }

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
  /**
   * Whether the text list's items are written. A territory's list holds thousands of communes,
   * as many elements as the map itself: off screen, it is written in the first idle moment after
   * the map is drawn (within half a second), so that the map shows first; shown by its toggle, at
   * once. Until then each place is already named on the map (role, name, Tab stop) and the list
   * says it is busy.
   */
  @state() private listReady = false;
  private listPending = false;
  /** The commune chosen on a territory's map (its details show under the map). */
  @state() private chosen?: number;
  /** Drawing units per CSS pixel, from the map's width: symbols and labels keep their size. */
  @state() private unit = 1;
  private resizer?: ResizeObserver;
  private measured?: Element;
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
      this.demo = territories.some((t) => t.demo);
      this.land = arcs.pathOfAll(france);
      this.places = objectsOf(geometry, 'territories').flatMap((shape): Place[] => {
        const slug = String(shape.properties?.slug ?? '');
        const t = bySlug.get(slug);
        if (!t) return [];
        const phase: Phase = t.status === 'en-selection' || !t.currentPhase ? 'selection' : t.currentPhase;
        const detail = phase === 'selection' ? this.t('selecting') : labels[lang].phase[phase];
        // At the scale of France a territory is a few pixels: it is drawn as a symbol at its
        // centre, and a territory being selected is only a marker in its region (not the region).
        const path = phase === 'selection' ? '' : arcs.pathOf(shape);
        return [{ id: slug, name: t.name, phase, detail, path, centre: arcs.centreOf(shape) }];
      });
      this.arcs = arcs;
      this.setGeometryMeta(geometry);
      return this.places.length ? 'loaded' : 'empty';
    }
    const slug = this.slug;
    // Most communes share a count (none, one…): each count's text is written once, not 2,000 times.
    const details = new Map<number, string>();
    const detailOf = (n: number) => {
      let d = details.get(n);
      if (d === undefined) details.set(n, (d = this.t('membersAt', { n })));
      return d;
    };
    // The members' first page is the one <tec-coalition-members> asks for: on a page with both,
    // the SDK's cache makes it one request; its `communes` facet counts every member.
    const [geometry, territory, members] = await Promise.all([
      client.geometry.territory(slug, { signal }),
      client.territories.get(slug, { signal }),
      client.members.page(slug, { limit: MEMBERS_PAGE }, { signal }),
    ]);
    const outline = objectsOf(geometry, 'outline');
    const communes = objectsOf(geometry, 'communes');
    // The view frames the outline and every commune, so that no place lies outside it.
    const arcs = drawing(geometry, [...outline, ...communes]);
    const counts = new Map<string, number>(Object.entries(members.communes));
    this.land = arcs.pathOfAll(outline);
    const labelled = communes.length <= LABEL_COMMUNES_UP_TO;
    this.places = communes
      .map((shape): Place => {
        const props = (shape.properties ?? {}) as { insee?: unknown; name?: unknown };
        const insee = typeof props.insee === 'string' ? props.insee : '';
        const count = counts.get(insee) ?? 0;
        // A point is drawn as a circle at its place; a shape's centre is only needed for its
        // tooltip, so it is computed on hover, not for 2,000 places up front.
        const point = shape.type === 'Point';
        const centre = point ? arcs.pointOf(shape) : null;
        const name = typeof props.name === 'string' ? props.name : '';
        let label: [number, number] | undefined;
        let narrow: Place['narrow'];
        if (labelled && !point) {
          // Named inside the shape where the name fits across it (at the map's full width).
          const [x0, y0, x1, y1] = arcs.boundsOf([shape]);
          const fits = x1 - x0 > name.length * LABEL_PX * 0.6;
          const side = Math.min(x1 - x0, y1 - y0);
          if (fits || side < NARROW_UP_TO) {
            const at = arcs.centreOf(shape);
            if (fits) label = at;
            if (side < NARROW_UP_TO) narrow = { side, at };
          }
        }
        return {
          id: insee,
          name,
          detail: detailOf(count),
          path: point ? '' : arcs.pathOf(shape),
          centre: centre ?? [NaN, NaN],
          shape: point ? undefined : shape,
          count,
          ...(label ? { label } : {}),
          ...(narrow ? { narrow } : {}),
        };
        // A place with neither a shape nor a valid position cannot be drawn (damaged data): left out.
      })
      .filter((p) => p.path || Number.isFinite(p.centre[0]));
    this.territoryName = territory.name;
    this.demo = territory.demo;
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
    if (this.chosenTerritory) {
      // A commune: its details under the map, said to screen readers, and an event.
      this.chosen = index;
      const members = place.count ?? 0;
      this.announce(`${place.name} — ${place.detail}`);
      this.dispatchEvent(new TecCommuneSelectEvent({ insee: place.id, name: place.name, members }));
      return;
    }
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

  /**
   * A territory's communes, each its shape or a circle sized by its members, written into their
   * group without a Lit template each: two thousand template instances (a cloned fragment, a
   * walker, five attribute parts and two comment markers each) were most of the first render's
   * script. They are written again when the places change; otherwise only the Tab stop and the
   * pressed commune move, on the two or four elements concerned.
   */
  private drawn?: { group: Element; places: Place[]; active: number; chosen?: number };

  private drawPlaces(): void {
    const group = this.renderRoot.querySelector('g.communes');
    if (!group) {
      this.drawn = undefined;
      return;
    }
    const drawn = this.drawn;
    if (drawn && drawn.group === group && drawn.places === this.places) {
      const element = (index: number | undefined) =>
        index === undefined ? undefined : (group.children[index] as Element | undefined);
      if (drawn.active !== this.active) {
        element(drawn.active)?.setAttribute('tabindex', '-1');
        element(this.active)?.setAttribute('tabindex', '0');
      }
      if (drawn.chosen !== this.chosen) {
        element(drawn.chosen)?.setAttribute('aria-pressed', 'false');
        element(this.chosen)?.setAttribute('aria-pressed', 'true');
      }
      drawn.active = this.active;
      drawn.chosen = this.chosen;
      return;
    }
    const fragment = document.createDocumentFragment();
    this.places.forEach((place, index) => {
      const shape = document.createElementNS('http://www.w3.org/2000/svg', place.path ? 'path' : 'circle');
      if (place.path) {
        shape.setAttribute('class', 'place');
        shape.setAttribute('d', place.path);
      } else {
        shape.setAttribute('class', 'place point');
        // In the communes' group, scaled as their paths are (PATH_TRANSFORM).
        shape.setAttribute('cx', String(place.centre[0] * PATH_SCALE));
        shape.setAttribute('cy', String(place.centre[1] * PATH_SCALE));
        shape.setAttribute('r', String((5 + Math.min(10, Math.sqrt(place.count ?? 0) * 3)) * PATH_SCALE));
      }
      shape.setAttribute('part', 'place');
      shape.setAttribute('data-index', String(index));
      shape.setAttribute('data-phase', 'commune');
      shape.setAttribute('role', 'button');
      shape.setAttribute('tabindex', index === this.active ? '0' : '-1');
      shape.setAttribute('aria-label', `${place.name} — ${place.detail}`);
      shape.setAttribute('aria-pressed', index === this.chosen ? 'true' : 'false');
      fragment.append(shape);
    });
    // A commune with the focus is replaced too (a live change reloads the places): the focus
    // goes to the new one at its place, not to the page.
    const focused = (this.renderRoot as ShadowRoot).activeElement?.parentNode === group;
    group.replaceChildren(fragment);
    if (focused) (group.children[this.active] as SVGElement | undefined)?.focus({ preventScroll: true });
    this.drawn = { group, places: this.places, active: this.active, chosen: this.chosen };
  }

  /**
   * Around a commune smaller than 24 CSS px at the map's width and zoom (a small shape, a point),
   * a transparent disc of 24 px that the pointer can hit: drawn over the shapes, it belongs to
   * that commune (its data-index), while the keyboard and screen readers reach the commune itself.
   */
  private renderTargets(): TemplateResult[] {
    const k = this.view.k;
    const r = (TARGET_PX / 2) * (this.unit / k);
    return this.places.flatMap((p, index) => {
      const point = !p.path;
      const side = point ? 2 * (5 + Math.min(10, Math.sqrt(p.count ?? 0) * 3)) : p.narrow?.side;
      if (side === undefined || (side * k) / this.unit >= TARGET_PX) return [];
      const [cx, cy] = point ? p.centre : p.narrow!.at;
      if (!Number.isFinite(cx) || !Number.isFinite(cy)) return [];
      return [
        svg`<circle class="target" cx=${cx} cy=${cy} r=${r} data-index=${index} aria-hidden="true"></circle>`,
      ];
    });
  }

  /** The names of a territory's communes, where they fit (hidden from assistive technology: each place is named). */
  private renderCommuneLabels(): TemplateResult[] {
    const size = LABEL_PX * this.unit;
    // A name that would run into one already written is left to the tooltip and the list.
    const written: [number, number, number, number][] = [];
    const free = (x: number, y: number, name: string, anchor: 'middle' | 'start') => {
      const w = name.length * size * 0.6;
      const x0 = anchor === 'middle' ? x - w / 2 : x;
      const box: [number, number, number, number] = [x0, y - size / 2, x0 + w, y + size / 2];
      if (written.some((b) => box[0] < b[2] && b[0] < box[2] && box[1] < b[3] && b[1] < box[3])) return false;
      written.push(box);
      return true;
    };
    return this.places.flatMap((p) => {
      if (p.label && free(p.label[0], p.label[1], p.name, 'middle'))
        return [
          svg`<text class="label" x=${p.label[0]} y=${p.label[1]} font-size=${size} text-anchor="middle" aria-hidden="true"
            dominant-baseline="middle">${p.name}</text>`,
        ];
      if (
        !p.path &&
        Number.isFinite(p.centre[0]) &&
        this.places.length <= LABEL_COMMUNES_UP_TO &&
        free(p.centre[0] + 14, p.centre[1], p.name, 'start')
      )
        return [
          svg`<text class="label" x=${p.centre[0] + 14} y=${p.centre[1]} font-size=${size} aria-hidden="true"
            dominant-baseline="middle">${p.name}</text>`,
        ];
      return [];
    });
  }

  /** The symbol of a phase, centred on 0,0: a circle, a diamond, a triangle; a dashed ring for a territory being selected. */
  private symbol(phase: Phase, r: number): TemplateResult {
    if (phase === 'cooperations')
      return svg`<rect class="symbol" data-phase=${phase} x=${-r * 0.8} y=${-r * 0.8} width=${r * 1.6}
        height=${r * 1.6} transform="rotate(45)"></rect>`;
    if (phase === 'coalition')
      return svg`<path class="symbol" data-phase=${phase}
        d="M0 ${-r}L${r * 0.95} ${r * 0.7}L${-r * 0.95} ${r * 0.7}Z"></path>`;
    if (phase === 'selection')
      return svg`<circle class="symbol" data-phase=${phase} r=${r * 0.9}></circle>
        <circle class="symbol-dot" r=${r * 0.2}></circle>`;
    return svg`<circle class="symbol" data-phase=${phase} r=${r * 0.9}></circle>`;
  }

  /**
   * Where each territory's symbol and name go on the map of France, in drawing units. Symbols
   * keep 28 CSS px whatever the map's width or zoom; each name takes the first place around its
   * symbol (right, left, below, above, then diagonally) that stays in the view and covers no
   * other symbol or name — a greedy placement, enough for the programme's few territories.
   */
  private layoutMarkers(): {
    x: number;
    y: number;
    r: number;
    anchor: 'start' | 'middle' | 'end';
    lines: { text: string; x: number; y: number }[];
    size: number;
    index: number;
  }[] {
    const { k, x, y } = this.view;
    const u = this.unit;
    const r = (MARKER_PX / 2) * u;
    const size = LABEL_PX * u;
    const lineHeight = size * 1.2;
    const margin = 4 * u;
    type Box = [number, number, number, number];
    const overlap = (a: Box, b: Box) =>
      Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0])) *
      Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    const centres = this.places.map((p): [number, number] => [p.centre[0] * k + x, p.centre[1] * k + y]);
    const taken: Box[] = centres.map(([cx, cy]) => [cx - r, cy - r, cx + r, cy + r]);
    // The longest names, the hardest to place, choose first.
    const order = this.places
      .map((place, index) => ({ place, index, lines: wrap(place.name) }))
      .sort((a, b) => Math.max(...b.lines.map((l) => l.length)) - Math.max(...a.lines.map((l) => l.length)));
    const placed = order.map(({ index, lines }) => {
      const [cx, cy] = centres[index]!;
      const w = Math.max(...lines.map((l) => l.length)) * size * 0.6;
      const h = lines.length * lineHeight;
      const gap = r + 3 * u;
      const candidates: [Box, 'start' | 'middle' | 'end'][] = [
        [[cx + gap, cy - h / 2, cx + gap + w, cy + h / 2], 'start'],
        [[cx - gap - w, cy - h / 2, cx - gap, cy + h / 2], 'end'],
        [[cx - w / 2, cy + gap, cx + w / 2, cy + gap + h], 'middle'],
        [[cx - w / 2, cy - gap - h, cx + w / 2, cy - gap], 'middle'],
        [[cx + gap * 0.7, cy + gap * 0.7, cx + gap * 0.7 + w, cy + gap * 0.7 + h], 'start'],
        [[cx + gap * 0.7, cy - gap * 0.7 - h, cx + gap * 0.7 + w, cy - gap * 0.7], 'start'],
        [[cx - gap * 0.7 - w, cy + gap * 0.7, cx - gap * 0.7, cy + gap * 0.7 + h], 'end'],
        [[cx - gap * 0.7 - w, cy - gap * 0.7 - h, cx - gap * 0.7, cy - gap * 0.7], 'end'],
      ];
      const inside = (b: Box) =>
        b[0] >= margin && b[1] >= margin && b[2] <= WIDTH - margin && b[3] <= HEIGHT - margin;
      const cost = ([b]: [Box, string]) =>
        (inside(b) ? 0 : 1e9) + taken.reduce((sum, t, i) => sum + (i === index ? 0 : overlap(b, t)), 0);
      // (Each symbol's own box is at its index in `taken`: a name may touch its own symbol.)
      const [box, anchor] = candidates.reduce((best, c) => (cost(c) < cost(best) ? c : best));
      taken.push(box);
      const ax = anchor === 'start' ? box[0] : anchor === 'end' ? box[2] : (box[0] + box[2]) / 2;
      return {
        x: cx,
        y: cy,
        r,
        anchor,
        size,
        // A space ends each line but the last: the visible text reads as the name (label-in-name).
        lines: lines.map((text, i) => ({
          text: i < lines.length - 1 ? `${text} ` : text,
          x: ax - cx,
          y: box[1] + lineHeight * (i + 0.5) - cy,
        })),
        index,
      };
    });
    return placed.sort((a, b) => a.index - b.index);
  }

  /** A territory on the map of France: the symbol of its phase, and its name beside it. */
  private renderMarkers(): TemplateResult[] {
    const role = this.hrefTemplate ? 'link' : 'button';
    return this.layoutMarkers().map((m, index) => {
      const place = this.places[index]!;
      return svg`<g class="marker place" part="place" data-index=${index} data-phase=${place.phase ?? ''}
        role=${role} tabindex=${index === this.active ? '0' : '-1'} aria-label=${`${place.name} — ${place.detail}`}
        transform="translate(${m.x} ${m.y})">
        <circle class="hit" r=${m.r}></circle>
        ${this.symbol(place.phase ?? 'portrait', m.r)}
        <text class="label" font-size=${m.size} text-anchor=${m.anchor} aria-hidden="true">
          ${m.lines.map((l) => svg`<tspan x=${l.x} y=${l.y} dominant-baseline="middle">${l.text}</tspan>`)}
        </text>
      </g>`;
    });
  }

  private renderTooltip(): TemplateResult | typeof nothing {
    // The map of France names its territories beside their symbols: tooltips are for communes.
    const place = this.hover === undefined || !this.chosenTerritory ? undefined : this.places[this.hover];
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

  /** Keeps `unit` in step with the map's width (the SVG appears once data has come). */
  private watchSize(): void {
    const map = this.renderRoot.querySelector('svg[part="map"]');
    if (!map || map === this.measured) return;
    this.measured = map;
    this.resizer ??= new ResizeObserver(([entry]) => {
      const width = entry?.contentRect.width;
      if (width) this.unit = WIDTH / width;
    });
    this.resizer.disconnect();
    // Not measured here: that would force a layout of the whole page in the render's task. The
    // observer's first report comes in the coming frame, after its layout and before its paint,
    // and the update it causes runs in that frame's microtasks: the first frame painted already
    // has targets and names at their size, for one layout of the page.
    this.resizer.observe(map);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.measured = undefined;
  }

  protected override updated(): void {
    // Measured before the communes are written: the layout it forces is then that of an empty
    // map (the reserve's check has just laid it out), and the two thousand shapes are styled and
    // laid out once, in the frame, not also here.
    this.watchSize();
    this.drawPlaces();
    if (this.places.length && !this.listReady && !this.listPending) {
      this.listPending = true;
      const write = () => {
        this.listPending = false;
        if (this.isConnected) this.listReady = true;
      };
      if (typeof requestIdleCallback === 'function') requestIdleCallback(write, { timeout: 500 });
      else setTimeout(write, 50);
    }
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
            <svg class="swatch" viewBox="-12 -12 24 24" aria-hidden="true">${this.symbol(p, 10)}</svg>
            ${p === 'selection' ? this.t('selecting') : `${this.t('phaseNumber', { n: ['portrait', 'cooperations', 'coalition'].indexOf(p) + 1 })} — ${labels[lang].phase[p as PhaseKey]}`}
          </li>`,
      )}
    </ul>`;
  }

  /** The chosen commune's details, under a territory's map. */
  private renderChosen(): TemplateResult | typeof nothing {
    const place = this.chosen === undefined ? undefined : this.places[this.chosen];
    if (!place || !this.chosenTerritory) return nothing;
    return html`<div class="chosen" part="details">
      <h3>${place.name}</h3>
      <p>${place.detail}</p>
    </div>`;
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
      ${this.renderHeading()}
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
          <g
            tabindex="-1"
            @focusin=${this.onPlaceFocus}
            @focusout=${() => (this.hover = undefined)}
            @pointerover=${this.onPlaceOver}
            @pointerleave=${() => (this.hover = undefined)}
            @click=${this.onPlaceClick}
          >
            <g transform="translate(${x} ${y}) scale(${k})">
              <path class="land" transform=${PATH_TRANSFORM} d=${this.land}></path>
              ${
                this.chosenTerritory
                  ? [
                      svg`<g class="communes" transform=${PATH_TRANSFORM}></g>`,
                      ...this.renderTargets(),
                      ...this.renderCommuneLabels(),
                    ]
                  : this.places.map((p) =>
                      p.path
                        ? svg`<path
                            class="outline"
                            data-phase=${p.phase ?? ''}
                            transform=${PATH_TRANSFORM}
                            d=${p.path}
                          ></path>`
                        : nothing,
                    )
              }
            </g>
            ${this.chosenTerritory ? nothing : this.renderMarkers()}
          </g>
        </svg>
        ${this.renderTooltip()}
      </div>
      ${
        // Under the map, not over it: on a phone, buttons over the map would hide its edge.
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
      <p id="map-help" class="hint">${this.t('mapPlaces')}</p>
      ${this.renderChosen()} ${this.renderLegend()}
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
        <ul @click=${this.onPlaceClick} aria-busy=${this.listReady || this.showList ? 'false' : 'true'}>
          ${(this.listReady || this.showList ? this.places : []).map(
            (p, i) =>
              // Off screen, the list stays readable by screen readers but holds no Tab stop.
              html`<li>
                <button class="list-place" data-index=${i} tabindex=${this.showList ? '0' : '-1'}>
                  ${p.name}
                </button>
                — ${p.detail}
              </li>`,
          )}
        </ul>
      </div>
      <p class="attribution" part="attribution">
        ${attributionIn(this.language, this.attribution)}${
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
