/**
 * The documentation site's one script (bundled by `npm run docs` into assets/site.js): editable
 * attributes on the widget pages, the embed configurator, and the iframe page that renders one
 * widget from its query. No inline script, no innerHTML (the site runs under Trusted Types), no
 * storage, no request but the API's territory list.
 */

interface WidgetInfo {
  tag: string;
  summary: string;
  /** Attributes the configurator offers, beyond territory, theme and lang. */
  options: { name: string; values?: string[]; number?: { min: number; max: number; default: number } }[];
}
interface SiteData {
  widgets: WidgetInfo[];
  themes: string[];
  territories: { slug: string; name: string }[];
  privacy: string;
  fallback: string;
}

const SHA384 = /^sha384-[A-Za-z0-9+/]{64}$/;
/** The guides' stand-in hash: well-formed so that a browser refuses it; never copied from here. */
const STAND_IN = 'sha384-COPYTHEHASHFROMTHECONFIGURATORORFROMMANIFESTJSONINSTEADOFTHISONE';
const SLUG = /^[a-z0-9-]{1,64}$/;
const HEX = /^#[0-9a-f]{6}$/i;
/** The widgets' own surfaces and text on the accent, per palette (packages/widgets/src/base/styles.ts). */
const SURFACES = {
  light: { surface: '#ffffff', onAccent: '#ffffff' },
  dark: { surface: '#1c1d22', onAccent: '#0d1117' },
} as const;

const fr = () => document.documentElement.lang !== 'en';
const t = (french: string, english: string) => (fr() ? french : english);

function data(): SiteData | undefined {
  const text = document.getElementById('tec-docs-data')?.textContent;
  return text ? (JSON.parse(text) as SiteData) : undefined;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

/** The lowest contrast an accent gives in a palette: as text on the surface, and under its text. */
export function accentContrast(accent: string, theme: string): number {
  const palette = theme === 'dark' ? SURFACES.dark : SURFACES.light;
  return Math.min(contrast(accent, palette.surface), contrast(accent, palette.onAccent));
}

// ----- widget pages: editable attributes ----------------------------------------------------------

function bindAttributeForms() {
  for (const form of document.querySelectorAll<HTMLFormElement>('form.attrs')) {
    const target = document.getElementById(form.dataset.for ?? '');
    if (!target) continue;
    form.addEventListener('submit', (e) => e.preventDefault());
    const apply = (input: HTMLInputElement | HTMLSelectElement) => {
      const name = input.name;
      if (input instanceof HTMLInputElement && input.type === 'checkbox') {
        target.toggleAttribute(name, input.checked);
      } else if (input.value === '') target.removeAttribute(name);
      else target.setAttribute(name, input.value);
    };
    form.addEventListener('change', (e) => apply(e.target as HTMLInputElement));
    form.addEventListener('input', (e) => {
      const input = e.target as HTMLInputElement;
      if (input.type === 'text' || input.type === 'number') apply(input);
    });
  }
}

// ----- the configurator ---------------------------------------------------------------------------

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The loader's and style sheet's addresses and hashes: those this very page loads. */
function cdnFiles() {
  const script = document.querySelector<HTMLScriptElement>('script[src$="/tec.js"]');
  const sheet = document.querySelector<HTMLLinkElement>('link[href$="/tec.css"]');
  const api = document.querySelector<HTMLMetaElement>('meta[name="tec-api"]')?.content ?? '';
  return {
    script: script?.src ?? '',
    scriptIntegrity: script?.integrity ?? '',
    sheet: sheet?.href ?? '',
    sheetIntegrity: sheet?.integrity ?? '',
    api,
  };
}

export interface Choice {
  widget: string;
  territory: string;
  theme: string;
  lang: string;
  accent: string | undefined;
  options: Record<string, string>;
}

/** The attributes a choice gives a widget, in a stable order. */
function attributesOf(choice: Choice, api: string): [string, string][] {
  const attrs: [string, string][] = [['api', api]];
  if (choice.widget !== 'tec-territory-map' || choice.territory !== '')
    attrs.push(['territory', choice.territory]);
  if (choice.theme !== 'auto') attrs.push(['theme', choice.theme]);
  attrs.push(['lang', choice.lang]);
  for (const [name, value] of Object.entries(choice.options)) if (value !== '') attrs.push([name, value]);
  return attrs;
}

/**
 * The snippet to paste for one or more widgets (the style sheet and the loader once, then each
 * widget), or an error when the page carries no real hash (never a placeholder) or no widget is
 * chosen.
 */
export function snippetFor(choices: Choice[], site: SiteData): { text: string } | { error: string } {
  const cdn = cdnFiles();
  for (const h of [cdn.scriptIntegrity, cdn.sheetIntegrity])
    if (!SHA384.test(h) || h === STAND_IN)
      return { error: t('Empreinte SRI absente : code non proposé.', 'No SRI hash: no snippet offered.') };
  if (choices.length === 0)
    return { error: t('Choisissez au moins un widget.', 'Choose at least one widget.') };
  const cdnOrigin = new URL(cdn.script).origin;
  const apiOrigin = new URL(cdn.api).origin;
  const lines = [
    `<!-- TEC: Content-Security-Policy de votre site / your site's CSP:`,
    `     script-src ${cdnOrigin}; style-src ${cdnOrigin}; connect-src ${apiOrigin}; img-src ${apiOrigin} -->`,
  ];
  const accent = choices[0]!.accent;
  if (accent)
    lines.push(
      `<!-- TEC: dans votre feuille de style / in your style sheet: ${choices.map((c) => c.widget).join(', ')} { --tec-color-accent: ${accent}; } -->`,
    );
  lines.push(
    `<link rel="stylesheet" href="${cdn.sheet}"`,
    `      integrity="${cdn.sheetIntegrity}" crossorigin="anonymous">`,
    `<script type="module" src="${cdn.script}"`,
    `        integrity="${cdn.scriptIntegrity}" crossorigin="anonymous"></script>`,
  );
  for (const choice of choices) {
    const attrs = attributesOf(choice, cdn.api)
      .map(([n, v]) => ` ${n}="${escapeAttr(v)}"`)
      .join('');
    const name = site.territories.find((x) => x.slug === choice.territory)?.name ?? site.fallback;
    lines.push(`<${choice.widget}${attrs}>`, `  <p>${escapeAttr(name)}</p>`, `</${choice.widget}>`);
  }
  return { text: `${lines.join('\n')}\n` };
}

/** The query of the iframe page for a choice. */
export function embedQuery(choice: Choice): string {
  const q = new URLSearchParams({ widget: choice.widget, lang: choice.lang, theme: choice.theme });
  if (choice.territory) q.set('territory', choice.territory);
  if (choice.accent) q.set('accent', choice.accent);
  for (const [name, value] of Object.entries(choice.options)) if (value !== '') q.set(name, value);
  return q.toString();
}

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  return e;
}

function configurator(site: SiteData) {
  const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const widgetBoxes = [...document.querySelectorAll<HTMLInputElement>('#c-widgets input[name="widget"]')];
  const territory = $<HTMLSelectElement>('c-territory');
  const theme = $<HTMLSelectElement>('c-theme');
  const lang = $<HTMLSelectElement>('c-lang');
  const useAccent = $<HTMLInputElement>('c-use-accent');
  const accent = $<HTMLInputElement>('c-accent');
  const contrastOut = $<HTMLElement>('c-contrast');
  const optionsBox = $<HTMLElement>('c-options');
  const preview = $<HTMLElement>('c-preview');
  const snippet = $<HTMLTextAreaElement>('c-snippet');
  const iframe = $<HTMLTextAreaElement>('c-iframe');
  const copy = $<HTMLButtonElement>('c-copy');
  const copyFrame = $<HTMLButtonElement>('c-copy-iframe');
  const status = $<HTMLElement>('c-status');
  const form = $<HTMLFormElement>('c-form');
  form.addEventListener('submit', (e) => e.preventDefault());

  // The territories of the live API (the build's list stays if the API cannot be reached).
  const api = cdnFiles().api;
  void fetch(new URL('/v1/territories', api), { credentials: 'omit' })
    .then((r) => (r.ok ? (r.json() as Promise<{ items: { slug: string; name: string }[] }>) : undefined))
    .then((list) => {
      const items = list?.items.filter((x) => SLUG.test(x.slug)) ?? [];
      if (items.length === 0) return;
      site.territories = items;
      const current = territory.value;
      territory.replaceChildren(...items.map((x) => new Option(x.name, x.slug, false, x.slug === current)));
      update();
    })
    .catch(() => undefined);

  /** The chosen widgets, in the list's order. */
  const chosen = () => widgetBoxes.filter((b) => b.checked).map((b) => b.value);

  /** The widget-specific options (limit, layout, variant…): the chosen widgets' groups show. */
  const renderOptions = () => {
    const tags = chosen();
    for (const group of optionsBox.querySelectorAll<HTMLElement>('[data-options-for]'))
      group.hidden = !tags.includes(group.dataset.optionsFor ?? '');
  };

  const choices = (): Choice[] => {
    const accentOk =
      useAccent.checked && HEX.test(accent.value) && accentContrast(accent.value, theme.value) >= 4.5;
    return chosen().map((tag) => {
      const options: Record<string, string> = {};
      for (const input of optionsBox.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
        `[data-options-for="${tag}"] [data-option]`,
      )) {
        const number = input instanceof HTMLInputElement;
        // A number out of range is dropped (the widget would refuse it), not copied.
        if (number && input.value !== '' && !input.checkValidity()) continue;
        options[input.name] = input.value;
      }
      return {
        widget: tag,
        territory: territory.value,
        theme: theme.value,
        lang: lang.value,
        accent: accentOk ? accent.value.toLowerCase() : undefined,
        options,
      };
    });
  };

  /** The widgets shown, by tag: kept while chosen, so a change of attribute does not rebuild them. */
  const shown = new Map<string, HTMLElement>();
  for (const child of preview.children) shown.set(child.localName, child as HTMLElement);
  let refused = false;

  /** One iframe per widget, each as high as the real widget measures here. */
  const writeIframes = (list: Choice[]) => {
    iframe.value = list
      .map((c) => {
        const src = new URL(`../embed.html?${embedQuery(c)}`, location.href).href;
        const title = site.widgets.find((w) => w.tag === c.widget)?.summary ?? c.widget;
        const height = Math.ceil(shown.get(c.widget)?.getBoundingClientRect().height ?? 0) + 16;
        return `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${height}" loading="lazy"></iframe>\n`;
      })
      .join('');
    copyFrame.disabled = refused || list.length === 0;
  };

  const update = () => {
    // The accent's contrast, checked live; an unreadable one is refused (not applied nor copied).
    refused = false;
    if (useAccent.checked) {
      const ratio = accentContrast(accent.value, theme.value);
      refused = ratio < 4.5;
      contrastOut.textContent = refused
        ? t(
            `Contraste ${ratio.toFixed(2)} : 1, sous 4,5 : 1 (RGAA 3.2) — couleur refusée.`,
            `Contrast ${ratio.toFixed(2)}:1, below 4.5:1 (WCAG 1.4.3) — colour refused.`,
          )
        : t(`Contraste ${ratio.toFixed(2)} : 1 — lisible.`, `Contrast ${ratio.toFixed(2)}:1 — readable.`);
      contrastOut.className = refused ? 'error-text' : 'hint';
    } else contrastOut.textContent = '';
    accent.disabled = !useAccent.checked;
    const list = choices();

    // The real widgets: their attributes follow the choice; a widget no longer chosen goes.
    const wanted = list.map((c) => {
      let next = shown.get(c.widget);
      if (!next) {
        next = document.createElement(c.widget);
        next.append(el('p', site.territories.find((x) => x.slug === c.territory)?.name ?? site.fallback));
        shown.set(c.widget, next);
      }
      const attrs = attributesOf(c, api);
      for (const name of next.getAttributeNames())
        if (name !== 'style' && !attrs.some(([n]) => n === name)) next.removeAttribute(name);
      for (const [n, v] of attrs) if (next.getAttribute(n) !== v) next.setAttribute(n, v);
      if (c.accent) next.style.setProperty('--tec-color-accent', c.accent);
      else next.style.removeProperty('--tec-color-accent');
      return next;
    });
    for (const [tag, element] of shown)
      if (!wanted.includes(element)) {
        element.remove();
        shown.delete(tag);
      }
    // Moved only when the set or its order changes (a move reconnects a widget).
    if (wanted.some((e, i) => preview.children[i] !== e)) preview.replaceChildren(...wanted);
    preview.classList.toggle('dark', theme.value === 'dark');

    const result = snippetFor(list, site);
    if ('error' in result) {
      snippet.value = result.error;
      copy.disabled = true;
    } else {
      snippet.value = result.text;
      copy.disabled = refused;
    }
    writeIframes(list);
  };

  // The iframes' heights follow the real widgets as they load.
  new ResizeObserver(() => writeIframes(choices())).observe(preview);

  const copyFrom = (area: HTMLTextAreaElement) => async () => {
    try {
      await navigator.clipboard.writeText(area.value);
      status.textContent = t('Code copié.', 'Code copied.');
    } catch {
      area.select();
      status.textContent = t(
        'Copie refusée par le navigateur : le code est sélectionné, copiez-le (Ctrl+C).',
        'The browser refused to copy: the code is selected, copy it (Ctrl+C).',
      );
    }
  };
  copy.addEventListener('click', copyFrom(snippet));
  copyFrame.addEventListener('click', copyFrom(iframe));
  form.addEventListener('change', (e) => {
    if ((e.target as HTMLInputElement).name === 'widget') renderOptions();
    update();
  });
  form.addEventListener('input', (e) => {
    if ((e.target as HTMLInputElement).type === 'color') update();
  });
  // ?widget=a&widget=b (a widget page's link) chooses those widgets.
  const asked = new URLSearchParams(location.search)
    .getAll('widget')
    .filter((tag) => site.widgets.some((w) => w.tag === tag));
  if (asked.length > 0) for (const box of widgetBoxes) box.checked = asked.includes(box.value);
  // ?territory=roya (the console's link from a territory) chooses that territory, if it is one.
  const askedTerritory = new URLSearchParams(location.search).get('territory') ?? '';
  if (SLUG.test(askedTerritory) && [...territory.options].some((o) => o.value === askedTerritory))
    territory.value = askedTerritory;
  renderOptions();
  update();
}

// ----- the iframe page ----------------------------------------------------------------------------

/** Reads and checks the iframe page's query: the widget's settings, or the reason it is refused. */
export function readEmbedQuery(
  query: URLSearchParams,
  site: SiteData,
): { choice: Choice } | { error: string } {
  const info = site.widgets.find((w) => w.tag === query.get('widget'));
  if (!info) return { error: 'widget' };
  const territory = query.get('territory') ?? '';
  if (territory !== '' && !SLUG.test(territory)) return { error: 'territory' };
  const lang = query.get('lang') ?? 'fr';
  if (lang !== 'fr' && lang !== 'en') return { error: 'lang' };
  const theme = query.get('theme') ?? 'auto';
  if (!site.themes.includes(theme)) return { error: 'theme' };
  const accent = query.get('accent') ?? undefined;
  if (accent !== undefined && (!HEX.test(accent) || accentContrast(accent, theme) < 4.5))
    return { error: 'accent' };
  const options: Record<string, string> = {};
  for (const option of info.options) {
    const value = query.get(option.name);
    if (value === null) continue;
    if (option.values && !option.values.includes(value)) return { error: option.name };
    if (option.number) {
      const n = Number(value);
      if (!/^\d+$/.test(value) || n < option.number.min || n > option.number.max)
        return { error: option.name };
    }
    options[option.name] = value;
  }
  const known = new Set([
    'widget',
    'territory',
    'lang',
    'theme',
    'accent',
    ...info.options.map((o) => o.name),
  ]);
  for (const key of query.keys()) if (!known.has(key)) return { error: key };
  return { choice: { widget: info.tag, territory, lang, theme, accent, options } };
}

function embed(site: SiteData) {
  const main = document.getElementById('embed')!;
  const result = readEmbedQuery(new URLSearchParams(location.search), site);
  if ('error' in result) {
    document.documentElement.lang = 'fr';
    main.append(
      el('p', `Paramètre refusé : ${result.error}. Reprenez le code du configurateur.`),
      el('p', `Refused parameter: ${result.error}. Take the code from the configurator again.`),
    );
    return;
  }
  const { choice } = result;
  document.documentElement.lang = choice.lang;
  const api = cdnFiles().api;
  const widget = document.createElement(choice.widget);
  for (const [n, v] of attributesOf(choice, api)) widget.setAttribute(n, v);
  if (choice.accent) widget.style.setProperty('--tec-color-accent', choice.accent);
  widget.append(el('p', site.territories.find((x) => x.slug === choice.territory)?.name ?? site.fallback));
  main.append(widget);
  document.body.classList.toggle('dark', choice.theme === 'dark');
  // The host page may size the frame to its content: only a height leaves this page.
  new ResizeObserver(() => {
    if (parent !== window)
      parent.postMessage({ type: 'tec-embed-height', height: Math.ceil(document.body.scrollHeight) }, '*');
  }).observe(document.body);
}

function main() {
  const page = document.body.dataset.page;
  bindAttributeForms();
  const site = data();
  if (page === 'configurator' && site) configurator(site);
  if (page === 'embed' && site) embed(site);
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
  else main();
}
