#!/usr/bin/env node
/**
 * `npm run docs`: the documentation site, static files in dist/docs/ that any web server can
 * serve (`npm start` serves them at /docs/ on the demo's origin), in French and English:
 *
 *   index.html                 the language choice
 *   fr/, en/                   home, webmaster's guide, a page per widget (from the Custom
 *                              Elements Manifest, with a live example and editable attributes),
 *                              theming tokens, the embed configurator, the API reference (from
 *                              docs/openapi.json), benchmarks and changelog
 *   sdk/                       the SDK reference (TypeDoc)
 *   embed.html                 the iframe page: one widget from its query, checked
 *   assets/site.js, site.css   the one script and style sheet (no inline script or style)
 *
 * The pages load the widgets from the deployment's CDN with their SRI hashes and talk to its
 * API: the addresses are those the CDN set was built with (TEC_PUBLIC_CDN_URL,
 * TEC_PUBLIC_API_URL; `manifest.json`'s `urls`). The pages request nothing else: no font, no
 * analytics, no cookie.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import MarkdownIt from 'markdown-it';

const root = fileURLToPath(new URL('..', import.meta.url));
export const docsDir = join(root, 'dist', 'docs');
const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
/** The guides' stand-in hash (docs/integration*.md), replaced by the real one on the site. */
export const STAND_IN = 'sha384-COPYTHEHASHFROMTHECONFIGURATORORFROMMANIFESTJSONINSTEADOFTHISONE';

type Lang = 'fr' | 'en';
const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const inline = (s: string | undefined) => (s ? md.renderInline(s) : '');

// ----- inputs ---------------------------------------------------------------------------------

interface CemItem {
  name: string;
  description?: string;
  type?: { text: string };
  default?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
  readonly?: boolean;
  attribute?: string;
  inheritedFrom?: { name: string };
}
interface CemElement {
  tagName: string;
  name: string;
  summary?: string;
  description?: string;
  attributes?: CemItem[];
  members?: CemItem[];
  events?: CemItem[];
  slots?: CemItem[];
  cssParts?: CemItem[];
  cssProperties?: CemItem[];
}

/** Every custom element of the manifest: new widgets appear here by themselves. */
export function widgetsFromManifest(): CemElement[] {
  const cem = JSON.parse(readFileSync(join(root, 'packages/widgets/custom-elements.json'), 'utf8')) as {
    modules: { declarations?: (CemElement & { customElement?: boolean })[] }[];
  };
  return cem.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

interface CdnManifest {
  version: string;
  urls?: { cdn: string; api: string };
  files: Record<string, { integrity: string }>;
}

export function cdnManifest(): CdnManifest {
  const file = join(root, 'dist', 'cdn', version, 'manifest.json');
  if (!existsSync(file)) throw new Error(`no CDN set at ${file}: run npm run build first`);
  return JSON.parse(readFileSync(file, 'utf8')) as CdnManifest;
}

/** Every `--tec-*` token the widgets' styles read, with what the manifest says of it. */
function tokens(widgets: CemElement[]): { name: string; description: string; tags: string[] }[] {
  const found = new Map<string, { description: string; tags: Set<string> }>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path);
      else if (/\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name))
        for (const [name] of readFileSync(path, 'utf8').matchAll(/--tec-[a-z0-9-]+[a-z0-9]/g))
          if (!found.has(name)) found.set(name, { description: '', tags: new Set() });
    }
  };
  walk(join(root, 'packages/widgets/src'));
  for (const w of widgets)
    for (const p of w.cssProperties ?? []) {
      const entry = found.get(p.name) ?? { description: '', tags: new Set<string>() };
      entry.tags.add(w.tagName);
      if (!entry.description && p.description) entry.description = p.description;
      found.set(p.name, entry);
    }
  return [...found]
    .map(([name, v]) => ({ name, description: v.description, tags: [...v.tags] }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

// ----- the page shell -------------------------------------------------------------------------

const WORDS = {
  fr: {
    home: 'Accueil',
    guide: 'Guide du webmestre',
    widgets: 'Widgets',
    theming: 'Thème',
    configurator: 'Configurateur',
    api: 'API',
    sdk: 'SDK',
    benchmarks: 'Mesures',
    changelog: 'Changements',
    skip: 'Aller au contenu',
    other: 'English',
    footer: `Widgets TEC ${version} — données de démonstration inventées, sauf les organisations et lieux nommés dans l’annonce publique du programme. Ce site ne dépose aucun cookie et ne contacte que l’API TEC.`,
    enOnly: '(en anglais)',
  },
  en: {
    home: 'Home',
    guide: 'Webmaster’s guide',
    widgets: 'Widgets',
    theming: 'Theming',
    configurator: 'Configurator',
    api: 'API',
    sdk: 'SDK',
    benchmarks: 'Benchmarks',
    changelog: 'Changelog',
    skip: 'Skip to content',
    other: 'Français',
    footer: `TEC widgets ${version} — invented demo data, except the organisations and places named in the programme’s public announcement. This site sets no cookie and contacts only the TEC API.`,
    enOnly: '',
  },
} as const;

/** Page file names per language (the configurator has a French name in French). */
const FILES = {
  fr: { guide: 'guide.html', configurator: 'configurateur.html', theming: 'theme.html' },
  en: { guide: 'guide.html', configurator: 'configurator.html', theming: 'theming.html' },
} as const;

interface Shell {
  lang: Lang;
  /** The page's path under the site's root, e.g. `fr/widgets/tec-phase-tracker.html`. */
  path: string;
  /** The same page in the other language, under the root. */
  other: string;
  title: string;
  body: string;
  page?: string;
  /** A JSON data block for the script (not executed: allowed by any CSP). */
  data?: unknown;
}

export interface SiteContext {
  cdn: string;
  api: string;
  loader: { src: string; integrity: string };
  sheet: { href: string; integrity: string };
}

function shell(ctx: SiteContext, s: Shell): string {
  const up = '../'.repeat(s.path.split('/').length - 1);
  const w = WORDS[s.lang];
  const l = (p: string) => `${up}${s.lang}/${p}`;
  const nav: [string, string][] = [
    [l('index.html'), w.home],
    [l(FILES[s.lang].guide), w.guide],
    [l('widgets/index.html'), w.widgets],
    [l(FILES[s.lang].configurator), w.configurator],
    [l('api.html'), w.api],
    [`${up}sdk/index.html`, w.sdk],
  ];
  const here = `${up}${s.path}`;
  return `<!doctype html>
<html lang="${s.lang}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${esc(s.title)} — TEC</title>
    <meta name="tec-api" content="${esc(ctx.api)}" />
    <link rel="icon" href="${up}assets/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="${up}assets/site.css" />
    <link rel="stylesheet" href="${esc(ctx.sheet.href)}" integrity="${ctx.sheet.integrity}" crossorigin="anonymous" />
    <script type="module" src="${esc(ctx.loader.src)}" integrity="${ctx.loader.integrity}" crossorigin="anonymous"></script>
    <script type="module" src="${up}assets/site.js"></script>
  </head>
  <body${s.page ? ` data-page="${s.page}"` : ''}>
    <a class="skip" href="#main">${w.skip}</a>
    <header class="site">
      <div class="inner">
        <a class="brand" href="${l('index.html')}">TEC — documentation</a>
        <nav aria-label="${s.lang === 'fr' ? 'Sections' : 'Sections'}">
          <ul>
            ${nav.map(([href, text]) => `<li><a href="${href}"${href === here ? ' aria-current="page"' : ''}>${text}</a></li>`).join('\n            ')}
          </ul>
        </nav>
        <a class="lang" href="${up}${s.other}" hreflang="${s.lang === 'fr' ? 'en' : 'fr'}" lang="${s.lang === 'fr' ? 'en' : 'fr'}">${w.other}</a>
      </div>
    </header>
    <main id="main">
${s.body}
    </main>
    <footer class="site"><div class="inner"><p>${w.footer}</p></div></footer>${
      s.data === undefined
        ? ''
        : `\n    <script type="application/json" id="tec-docs-data">${JSON.stringify(s.data).replace(/</g, '\\u003c')}</script>`
    }
  </body>
</html>
`;
}

// ----- pages ----------------------------------------------------------------------------------

const table = (head: string[], rows: string[][]) =>
  rows.length === 0
    ? ''
    : `<div class="table-wrap"><table><thead><tr>${head.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
        .join('')}</tbody></table></div>`;

const code = (s: string | undefined) => (s ? `<code>${esc(s)}</code>` : '');

/** The literal values of a union type such as `'auto' | 'light'`, or undefined. */
export function literals(type: string | undefined): string[] | undefined {
  if (!type) return undefined;
  const parts = type
    .split('|')
    .map((p) => p.trim())
    .filter((p) => p !== 'undefined');
  if (parts.length === 0 || !parts.every((p) => /^'[^']*'$/.test(p))) return undefined;
  return parts.map((p) => p.slice(1, -1));
}

const THEMES = ['auto', 'light', 'dark', 'system'];

/** The example a widget page starts with. */
function example(tag: string): { attrs: Record<string, string>; inner: string } {
  if (tag === 'tec-territory-map') return { attrs: {}, inner: '<p>Les six territoires TEC</p>' };
  if (tag === 'tec-provider')
    return {
      attrs: { territory: 'roya' },
      inner: '<tec-phase-tracker><p>Vallée de la Roya</p></tec-phase-tracker>',
    };
  return { attrs: { territory: 'roya' }, inner: '<p>Vallée de la Roya</p>' };
}

function widgetPage(ctx: SiteContext, w: CemElement, lang: Lang): string {
  const fr = lang === 'fr';
  const id = `live-${w.tagName}`;
  const ex = example(w.tagName);
  const attrs = (w.attributes ?? []).filter((a) => a.name !== 'api');
  const field = (a: CemItem) => {
    const fid = `${id}-${a.name}`;
    const values = a.name === 'theme' ? THEMES : literals(a.type?.text);
    const current = ex.attrs[a.name] ?? '';
    let input: string;
    if (values)
      input = `<select id="${fid}" name="${a.name}"><option value="">${fr ? '(par défaut)' : '(default)'}</option>${values
        .map((v) => `<option${v === current ? ' selected' : ''}>${esc(v)}</option>`)
        .join('')}</select>`;
    else if (a.type?.text === 'boolean') input = `<input id="${fid}" name="${a.name}" type="checkbox" />`;
    else
      input = `<input id="${fid}" name="${a.name}" type="${a.type?.text === 'number' ? 'number' : 'text'}" value="${esc(current)}" autocomplete="off" />`;
    return `<div class="field"><label for="${fid}"><code>${a.name}</code></label>${input}</div>`;
  };
  const publicProps = (w.members ?? []).filter(
    (m) => m.kind === 'field' && !m.privacy && !m.static && !m.name.startsWith('_'),
  );
  const t = (a: string, b: string) => (fr ? a : b);
  const body = `
      <h1><code>&lt;${w.tagName}&gt;</code></h1>
      <p>${inline(w.summary)}</p>
      ${w.description ? md.render(w.description) : ''}
      ${fr ? '<p class="hint">Les descriptions des tableaux viennent du code (en anglais) ; le widget, lui, parle français.</p>' : ''}
      <h2>${t('Exemple vivant', 'Live example')}</h2>
      <p>${t('Le widget ci-dessous lit l’API de ce déploiement. Changez ses attributs : il se met à jour.', 'The widget below reads this deployment’s API. Change its attributes: it updates.')}</p>
      <div class="playground">
        <div class="live">
          <${w.tagName} id="${id}"${Object.entries(ex.attrs)
            .map(([k, v]) => ` ${k}="${esc(v)}"`)
            .join('')}>${ex.inner}</${w.tagName}>
        </div>
        <form class="attrs" data-for="${id}">
          <fieldset>
            <legend>${t('Attributs', 'Attributes')}</legend>
            ${attrs.map(field).join('\n            ')}
          </fieldset>
        </form>
      </div>
      <p><a href="../${FILES[lang].configurator}?widget=${w.tagName}">${t('Copier le code de ce widget avec le configurateur', 'Copy this widget’s code with the configurator')}</a></p>
      <h2>${t('Attributs', 'Attributes')}</h2>
      ${table(
        [t('Attribut', 'Attribute'), 'Type', t('Défaut', 'Default'), 'Description'],
        (w.attributes ?? []).map((a) => [
          code(a.name),
          code(a.type?.text),
          code(a.default),
          inline(a.description),
        ]),
      )}
      <h2>${t('Propriétés', 'Properties')}</h2>
      ${table(
        [t('Propriété', 'Property'), t('Attribut', 'Attribute'), 'Type', 'Description'],
        publicProps.map((p) => [code(p.name), code(p.attribute), code(p.type?.text), inline(p.description)]),
      )}
      <h2>${t('Événements', 'Events')}</h2>
      ${
        table(
          [t('Événement', 'Event'), 'Description'],
          (w.events ?? []).map((e) => [code(e.name || e.type?.text), inline(e.description)]),
        ) || `<p>${t('Aucun.', 'None.')}</p>`
      }
      <h2>Slots</h2>
      ${
        table(
          ['Slot', 'Description'],
          (w.slots ?? []).map((s) => [
            s.name ? code(s.name) : t('(par défaut)', '(default)'),
            inline(s.description),
          ]),
        ) || `<p>${t('Aucun.', 'None.')}</p>`
      }
      <h2>${t('Parties (<code>::part</code>)', 'Parts (<code>::part</code>)')}</h2>
      ${
        table(
          ['Part', 'Description'],
          (w.cssParts ?? []).map((p) => [code(p.name), inline(p.description)]),
        ) || `<p>${t('Aucune.', 'None.')}</p>`
      }
      <h2>${t('Propriétés CSS', 'CSS custom properties')}</h2>
      ${
        table(
          [t('Propriété', 'Property'), 'Description'],
          (w.cssProperties ?? []).map((p) => [code(p.name), inline(p.description)]),
        ) || `<p>${t('Aucune.', 'None.')}</p>`
      }
      <p><a href="../${FILES[lang].theming}">${t('Tous les jetons <code>--tec-*</code>', 'Every <code>--tec-*</code> token')}</a></p>`;
  const otherLang: Lang = fr ? 'en' : 'fr';
  return shell(ctx, {
    lang,
    path: `${lang}/widgets/${w.tagName}.html`,
    other: `${otherLang}/widgets/${w.tagName}.html`,
    title: `<${w.tagName}>`,
    body,
    page: 'widget',
  });
}

/** Links between the markdown documents, as pages of the site. */
function siteLinks(html: string, lang: Lang): string {
  const map: Record<string, string> = {
    'integration.fr.md': `../fr/${FILES.fr.guide}`,
    'integration.md': `../en/${FILES.en.guide}`,
    'widgets.md': 'widgets/index.html',
    'sdk.md': '../sdk/index.html',
    'api.md': 'api.html',
    'benchmarks.md': 'benchmarks.html',
  };
  return html.replace(/href="([a-z.]+\.md)(#[^"]*)?"/g, (all, file: string, hash = '') =>
    map[file] ? `href="${map[file]}${hash}"` : all,
  );
  void lang;
}

/** The guide, with this deployment's addresses and the version's real hashes. */
export function guideHtml(ctx: SiteContext, manifest: CdnManifest, lang: Lang): string {
  let text = readFileSync(join(root, 'docs', lang === 'fr' ? 'integration.fr.md' : 'integration.md'), 'utf8');
  const builtCdn = `http://127.0.0.1:8788/cdn/`;
  text = text
    .replace(
      /(tec\.(css|js)"\s*\n\s*integrity=")sha384-[A-Za-z0-9+/]+(")/g,
      (_, a: string, ext: string, b: string) => {
        return `${a}${manifest.files[`tec.${ext}`]!.integrity}${b}`;
      },
    )
    .replaceAll(builtCdn, ctx.cdn)
    .replaceAll('http://127.0.0.1:8787', ctx.api);
  return siteLinks(render(text), lang);
}

function tokensPage(ctx: SiteContext, widgets: CemElement[], lang: Lang): string {
  const fr = lang === 'fr';
  const rows = tokens(widgets).map((tk) => [
    code(tk.name),
    inline(tk.description) ||
      (fr ? '<span class="hint">(jeton interne de thème)</span>' : '<span class="hint">(theme token)</span>'),
    tk.tags.map((t) => `<a href="widgets/${t}.html">${t}</a>`).join(', ') || (fr ? 'tous' : 'all'),
  ]);
  const body = `
      <h1>${fr ? 'Thème : les jetons <code>--tec-*</code>' : 'Theming: the <code>--tec-*</code> tokens'}</h1>
      <p>${
        fr
          ? 'Les widgets lisent ces propriétés CSS personnalisées, avec une valeur par défaut pour les thèmes clair et sombre. Posez-les dans votre feuille de style, sur la balise ou un de ses parents : <code>tec-phase-tracker { --tec-color-accent: #005a9c; }</code>. Vérifiez le contraste (4,5 : 1 au moins) : le configurateur refuse une couleur illisible.'
          : 'The widgets read these custom properties, with a default for the light and dark themes. Set them in your style sheet, on the tag or an ancestor: <code>tec-phase-tracker { --tec-color-accent: #005a9c; }</code>. Check the contrast (at least 4.5:1): the configurator refuses an unreadable colour.'
      }</p>
      ${table([fr ? 'Jeton' : 'Token', 'Description', fr ? 'Documenté par' : 'Documented by'], rows)}`;
  return shell(ctx, {
    lang,
    path: `${lang}/${FILES[lang].theming}`,
    other: `${fr ? 'en' : 'fr'}/${FILES[fr ? 'en' : 'fr'].theming}`,
    title: fr ? 'Thème' : 'Theming',
    body,
  });
}

interface OpenApi {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}
interface OpenApiOperation {
  operationId?: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}
interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  description?: string;
  anyOf?: Schema[];
  oneOf?: Schema[];
  format?: string;
  pattern?: string;
  const?: unknown;
}

/** A schema in a few words, with links to named ones. */
function schemaText(s: Schema | undefined): string {
  if (!s) return '';
  if (s.$ref) {
    const name = s.$ref.split('/').pop()!;
    return `<a href="#schema-${name}">${esc(name)}</a>`;
  }
  if (s.enum) return s.enum.map((v) => code(JSON.stringify(v))).join(' | ');
  if (s.const !== undefined) return code(JSON.stringify(s.const));
  const alt = s.anyOf ?? s.oneOf;
  if (alt) return alt.map(schemaText).join(' | ');
  if (s.type === 'array') return `${schemaText(s.items)}[]`;
  const type = Array.isArray(s.type) ? s.type.join(' | ') : (s.type ?? 'object');
  return code(s.format ? `${type} (${s.format})` : type);
}

/** The API reference, rendered from docs/openapi.json (the document the contract generates). */
function apiPage(ctx: SiteContext, lang: Lang): string {
  const fr = lang === 'fr';
  const doc = JSON.parse(readFileSync(join(root, 'docs', 'openapi.json'), 'utf8')) as OpenApi;
  const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const opHtml = ({ path, method, op }: (typeof ops)[number]) => {
    const id = `op-${op.operationId ?? `${method}-${path}`.replace(/[^a-z0-9]+/gi, '-')}`;
    const params = table(
      [fr ? 'Paramètre' : 'Parameter', fr ? 'Où' : 'In', 'Type', fr ? 'Requis' : 'Required', 'Description'],
      (op.parameters ?? []).map((p) => [
        code(p.name),
        p.in,
        schemaText(p.schema),
        p.required ? (fr ? 'oui' : 'yes') : '',
        inline(p.description ?? p.schema?.description),
      ]),
    );
    const body = op.requestBody
      ? `<p>${fr ? 'Corps' : 'Body'} : ${Object.entries(op.requestBody.content)
          .map(([type, c]) => `${code(type)} ${schemaText(c.schema)}`)
          .join(', ')}</p>`
      : '';
    const responses = table(
      [fr ? 'Statut' : 'Status', 'Description', fr ? 'Contenu' : 'Content'],
      Object.entries(op.responses).map(([status, r]) => [
        code(status),
        esc(r.description),
        Object.entries(r.content ?? {})
          .map(([type, c]) => `${code(type)} ${schemaText(c.schema)}`)
          .join('<br />'),
      ]),
    );
    return `<section aria-labelledby="${id}">
        <h3 id="${id}"><code>${method.toUpperCase()} ${esc(path)}</code></h3>
        <p>${esc(op.summary ?? '')}${op.security && op.security.length > 0 ? (fr ? ' — <strong>jeton d’administration</strong>' : ' — <strong>admin token</strong>') : ''}</p>
        ${op.description ? md.render(op.description) : ''}
        ${params}${body}${responses}
      </section>`;
  };
  const schemas = Object.entries(doc.components.schemas)
    .map(([name, s]) => {
      const rows = Object.entries(s.properties ?? {}).map(([prop, ps]) => [
        code(prop),
        schemaText(ps),
        (s.required ?? []).includes(prop) ? (fr ? 'oui' : 'yes') : '',
        inline(ps.description),
      ]);
      return `<section aria-labelledby="schema-${name}"><h3 id="schema-${name}">${esc(name)}</h3>${s.description ? `<p>${inline(s.description)}</p>` : ''}${
        rows.length
          ? table([fr ? 'Champ' : 'Field', 'Type', fr ? 'Requis' : 'Required', 'Description'], rows)
          : `<p>${schemaText({ ...s, $ref: undefined })}</p>`
      }</section>`;
    })
    .join('\n');
  const body = `
      <h1>${fr ? 'Référence de l’API' : 'API reference'}</h1>
      <p>${esc(doc.info.title)} ${esc(doc.info.version)} — ${
        fr
          ? 'rendue depuis <a href="../openapi.json"><code>openapi.json</code></a>, généré à partir du contrat (<code>npm run openapi</code>). Adresse de ce déploiement :'
          : 'rendered from <a href="../openapi.json"><code>openapi.json</code></a>, generated from the contract (<code>npm run openapi</code>). This deployment’s address:'
      } <code>${esc(ctx.api)}</code>.</p>
      <p>${
        fr
          ? 'Le même document rendu par <a href="../api/index.html">Redoc</a> (en anglais ; exemples de réponses, schémas dépliables).'
          : 'The same document rendered by <a href="../api/index.html">Redoc</a> (response samples, expandable schemas).'
      }</p>
      <h2>${fr ? 'Routes' : 'Routes'}</h2>
      <ul>${ops.map(({ path, method, op }) => `<li><a href="#op-${op.operationId ?? ''}"><code>${method.toUpperCase()} ${esc(path)}</code></a> — ${esc(op.summary ?? '')}</li>`).join('')}</ul>
      ${ops.map(opHtml).join('\n')}
      <h2>${fr ? 'Schémas' : 'Schemas'}</h2>
      ${schemas}`;
  return shell(ctx, {
    lang,
    path: `${lang}/api.html`,
    other: `${fr ? 'en' : 'fr'}/api.html`,
    title: fr ? 'API' : 'API',
    body,
  });
}

/** Markdown as HTML; an empty header cell (a table's corner) becomes a data cell (axe). */
const render = (text: string) =>
  md
    .render(text)
    .replaceAll('<th></th>', '<td></td>')
    // Column alignment as a class: a style attribute breaks the CSP (style-src-attr).
    .replace(/ style="text-align:(left|right|center)"/g, ' class="align-$1"');

function markdownPage(ctx: SiteContext, lang: Lang, file: string, name: string, title: string): string {
  const note = lang === 'fr' ? `<p class="hint">${WORDS.fr.enOnly}</p>` : '';
  return shell(ctx, {
    lang,
    path: `${lang}/${name}`,
    other: `${lang === 'fr' ? 'en' : 'fr'}/${name}`,
    title,
    body: `${note}${siteLinks(render(readFileSync(join(root, file), 'utf8')), lang)}`,
  });
}

function homePage(ctx: SiteContext, widgets: CemElement[], lang: Lang): string {
  const fr = lang === 'fr';
  const w = WORDS[lang];
  const body = `
      <h1>${fr ? 'Les widgets TEC' : 'The TEC widgets'}</h1>
      <p>${
        fr
          ? 'Des composants à coller dans un site pour montrer les données vivantes des <strong>Territoires d’Engagement et de Coopération</strong> (Fondation de France et Kiif) : carte, avancement, coalition, appels à l’engagement.'
          : 'Components to paste into a website to show the live data of the <strong>Territoires d’Engagement et de Coopération</strong> programme (Fondation de France and the Kiif): map, progress, coalition, calls to engage.'
      }</p>
      <h2>${fr ? 'Commencer' : 'Start'}</h2>
      <ol>
        <li>${fr ? `Choisissez un widget et un territoire dans le <a href="${FILES[lang].configurator}">configurateur</a>, voyez-le fonctionner.` : `Pick a widget and a territory in the <a href="${FILES[lang].configurator}">configurator</a>, see it work.`}</li>
        <li>${fr ? 'Copiez le code : adresses de ce déploiement et empreintes SRI comprises.' : 'Copy the code: this deployment’s addresses and SRI hashes included.'}</li>
        <li>${fr ? `Collez-le dans votre page ; le <a href="${FILES[lang].guide}">guide du webmestre</a> dit le reste (CSP, thème, vie privée).` : `Paste it into your page; the <a href="${FILES[lang].guide}">webmaster’s guide</a> says the rest (CSP, theming, privacy).`}</li>
      </ol>
      <h2>${w.widgets}</h2>
      <ul class="cards">
        ${widgets.map((x) => `<li><a href="widgets/${x.tagName}.html"><code>&lt;${x.tagName}&gt;</code></a><p>${inline(x.summary)}</p></li>`).join('\n        ')}
      </ul>
      <h2>${fr ? 'Développeurs' : 'Developers'}</h2>
      <ul>
        <li><a href="../sdk/index.html">${fr ? 'Référence du SDK' : 'SDK reference'}</a> (TypeDoc${fr ? ', en anglais' : ''}) — <code>npm install @tec/sdk</code></li>
        <li><a href="api.html">${fr ? 'Référence de l’API' : 'API reference'}</a> (OpenAPI)</li>
        <li><a href="${FILES[lang].theming}">${w.theming}</a> — <code>--tec-*</code></li>
        <li><a href="benchmarks.html">${w.benchmarks}</a> ${w.enOnly} · <a href="changelog.html">${w.changelog}</a> ${w.enOnly}</li>
      </ul>`;
  return shell(ctx, {
    lang,
    path: `${lang}/index.html`,
    other: `${fr ? 'en' : 'fr'}/index.html`,
    title: fr ? 'Accueil' : 'Home',
    body,
  });
}

function widgetsIndex(ctx: SiteContext, widgets: CemElement[], lang: Lang): string {
  const fr = lang === 'fr';
  const body = `
      <h1>Widgets</h1>
      <p>${fr ? 'Une page par widget, générée depuis le Custom Elements Manifest (<code>custom-elements.json</code>).' : 'A page per widget, generated from the Custom Elements Manifest (<code>custom-elements.json</code>).'}</p>
      <ul class="cards">
        ${widgets.map((x) => `<li><a href="${x.tagName}.html"><code>&lt;${x.tagName}&gt;</code></a><p>${inline(x.summary)}</p></li>`).join('\n        ')}
      </ul>`;
  return shell(ctx, {
    lang,
    path: `${lang}/widgets/index.html`,
    other: `${fr ? 'en' : 'fr'}/widgets/index.html`,
    title: 'Widgets',
    body,
  });
}

interface ConfigOption {
  name: string;
  values?: string[];
  number?: { min: number; max: number; default: number };
}

/** What the configurator and the iframe page may set, per widget (from the manifest). */
function siteData(widgets: CemElement[], lang: Lang) {
  const embeddable = widgets.filter((w) => w.tagName !== 'tec-provider');
  return {
    widgets: embeddable.map((w) => ({
      tag: w.tagName,
      summary: w.summary ?? w.tagName,
      options: (w.attributes ?? []).flatMap((a): ConfigOption[] => {
        if (['api', 'territory', 'theme', 'lang'].includes(a.name)) return [];
        const values = literals(a.type?.text);
        if (values) return [{ name: a.name, values }];
        if (a.name === 'limit')
          return [{ name: a.name, number: { min: 1, max: 20, default: Number(a.default ?? 3) } }];
        return [];
      }),
    })),
    themes: THEMES,
    territories: [
      { slug: 'roya', name: 'Vallée de la Roya' },
      { slug: 'entre-deux-mers', name: 'Entre-deux-Mers' },
      { slug: 'forbach', name: 'Secteur de Forbach' },
      { slug: 'nantes-bellevue', name: 'Nantes — Bellevue' },
      { slug: 'auvergne-rhone-alpes', name: 'Auvergne-Rhône-Alpes' },
      { slug: 'haute-garonne', name: 'Haute-Garonne' },
    ],
    privacy: '',
    fallback:
      lang === 'fr'
        ? 'Territoires d’Engagement et de Coopération'
        : 'Territoires d’Engagement et de Coopération',
  };
}

function privacyText(lang: Lang): string {
  const text = readFileSync(
    join(root, 'docs', lang === 'fr' ? 'integration.fr.md' : 'integration.md'),
    'utf8',
  );
  const quote = /\n((?:> .*\n)+)/.exec(
    text.slice(text.search(/^## (Privacy|.*(confidentialité|vie privée))/im)),
  );
  return quote ? quote[1]!.replace(/^> ?/gm, '').replace(/\n/g, ' ').trim() : '';
}

function configuratorPage(ctx: SiteContext, widgets: CemElement[], lang: Lang): string {
  const fr = lang === 'fr';
  const data = siteData(widgets, lang);
  const t = (a: string, b: string) => (fr ? a : b);
  const body = `
      <h1>${t('Configurateur d’intégration', 'Embed configurator')}</h1>
      <p>${t('Choisissez un ou plusieurs widgets, un territoire, un thème et des options : les vrais widgets se mettent à jour. Copiez ensuite le code, avec les adresses de ce déploiement et les empreintes SRI de la version (le script et la feuille de style une seule fois), ou sa variante <code>&lt;iframe&gt;</code> (une par widget) pour un CMS qui retire les scripts.', 'Choose one or more widgets, a territory, a theme and options: the real widgets update. Then copy the code, with this deployment’s addresses and the version’s SRI hashes (the script and style sheet once), or its <code>&lt;iframe&gt;</code> variant (one per widget) for a CMS that strips scripts.')}</p>
      <div class="playground">
        <div>
          <h2>${t('Aperçu', 'Preview')}</h2>
          <div class="live" id="c-preview"><${data.widgets[0]!.tag} territory="roya" lang="${lang}"><p>Vallée de la Roya</p></${data.widgets[0]!.tag}></div>
        </div>
        <form id="c-form">
          <fieldset>
            <legend>${t('Réglages', 'Settings')}</legend>
            <fieldset id="c-widgets" class="field"><legend>${t('Widgets (un ou plusieurs)', 'Widgets (one or more)')}</legend>${data.widgets
              .map(
                (w, i) =>
                  `<label><input type="checkbox" name="widget" value="${w.tag}"${i === 0 ? ' checked' : ''} /> <code>${w.tag}</code></label>`,
              )
              .join('')}</fieldset>
            <div class="field"><label for="c-territory">${t('Territoire', 'Territory')}</label><select id="c-territory">${data.territories.map((x) => `<option value="${x.slug}">${esc(x.name)}</option>`).join('')}</select></div>
            <div class="field"><label for="c-theme">${t('Thème', 'Theme')}</label><select id="c-theme">${THEMES.map((x) => `<option>${x}</option>`).join('')}</select><span class="hint">${t('auto : suit la page qui l’accueille', 'auto: follows the host page')}</span></div>
            <div class="field"><label for="c-lang">${t('Langue', 'Language')}</label><select id="c-lang"><option value="fr"${fr ? ' selected' : ''}>français</option><option value="en"${fr ? '' : ' selected'}>English</option></select></div>
            <div class="field"><label><input type="checkbox" id="c-use-accent" /> ${t('Couleur d’accent', 'Accent colour')}</label><label for="c-accent" class="hint">${t('Couleur (contraste 4,5 : 1 exigé)', 'Colour (contrast 4.5:1 required)')}</label><input type="color" id="c-accent" value="#0b5cad" /><output id="c-contrast" for="c-accent c-theme" aria-live="polite"></output></div>
            <div id="c-options">${data.widgets
              .map(
                (w, i) =>
                  `<div data-options-for="${w.tag}"${i === 0 ? '' : ' hidden'}>${w.options.length > 0 ? `<p class="hint"><code>${w.tag}</code></p>` : ''}${w.options
                    .map((o) => {
                      const id = `c-opt-${w.tag}-${o.name}`;
                      const input = o.values
                        ? `<select id="${id}" name="${o.name}" data-option=""><option value="">${t('(par défaut)', '(default)')}</option>${o.values.map((v) => `<option>${esc(v)}</option>`).join('')}</select>`
                        : `<input id="${id}" name="${o.name}" data-option="" type="number" min="${o.number!.min}" max="${o.number!.max}" placeholder="${o.number!.default}" />`;
                      return `<div class="field"><label for="${id}"><code>${o.name}</code></label>${input}</div>`;
                    })
                    .join('')}</div>`,
              )
              .join('')}</div>
          </fieldset>
        </form>
      </div>
      <h2>${t('Code à coller', 'Code to paste')}</h2>
      <label for="c-snippet" class="hint">${t('Code HTML (lecture seule)', 'HTML code (read only)')}</label>
      <textarea id="c-snippet" class="snippet" readonly></textarea>
      <p><button type="button" id="c-copy" disabled>${t('Copier le code', 'Copy the code')}</button> <span id="c-status" role="status"></span></p>
      <h2>${t('Variante iframe (CMS sans scripts)', 'Iframe variant (CMS without scripts)')}</h2>
      <p>${t('Une page de ce site affiche chaque widget seul ; sa hauteur est mesurée ici, sur le widget réel. Elle envoie aussi sa hauteur à la page hôte (<code>postMessage</code>, type <code>tec-embed-height</code>).', 'A page of this site shows each widget alone; its height is measured here, on the real widget. It also posts its height to the host page (<code>postMessage</code>, type <code>tec-embed-height</code>).')}</p>
      <label for="c-iframe" class="hint">${t('Code iframe (lecture seule)', 'Iframe code (read only)')}</label>
      <textarea id="c-iframe" class="snippet" readonly></textarea>
      <p><button type="button" id="c-copy-iframe" disabled>${t('Copier l’iframe', 'Copy the iframe')}</button></p>
      <h2>${t('Mention de confidentialité à reprendre', 'Privacy statement to copy')}</h2>
      <blockquote id="c-privacy"><p>${esc(privacyText(lang))}</p></blockquote>`;
  return shell(ctx, {
    lang,
    path: `${lang}/${FILES[lang].configurator}`,
    other: `${fr ? 'en' : 'fr'}/${FILES[fr ? 'en' : 'fr'].configurator}`,
    title: t('Configurateur', 'Configurator'),
    body,
    page: 'configurator',
    data,
  });
}

function embedPage(ctx: SiteContext, widgets: CemElement[]): string {
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>TEC</title>
    <meta name="tec-api" content="${esc(ctx.api)}" />
    <link rel="stylesheet" href="assets/site.css" />
    <link rel="stylesheet" href="${esc(ctx.sheet.href)}" integrity="${ctx.sheet.integrity}" crossorigin="anonymous" />
    <script type="module" src="${esc(ctx.loader.src)}" integrity="${ctx.loader.integrity}" crossorigin="anonymous"></script>
    <script type="module" src="assets/site.js"></script>
  </head>
  <body data-page="embed" class="embed-body">
    <main id="embed"><h1 class="visually-hidden">Widget TEC</h1></main>
    <script type="application/json" id="tec-docs-data">${JSON.stringify(siteData(widgets, 'fr')).replace(/</g, '\\u003c')}</script>
  </body>
</html>
`;
}

/**
 * The API reference rendered by Redoc (a maintained renderer, `redoc` from npm, its standalone
 * bundle served from this site: no CDN). Redoc stores nothing in the browser and, with search off,
 * starts no worker from a blob; it writes its styles into <style> elements (styled-components), so
 * this one page needs `style-src 'unsafe-inline'` and no Trusted Types (its markdown goes through
 * innerHTML): scripts stay `'self'` only. The site's own renderer (api.html) keeps the strict policy.
 */
function redocPage(): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>API reference (Redoc) — TEC</title>
    <link rel="icon" href="../assets/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="../assets/redoc-page.css" />
    <script src="../assets/redoc.standalone.js" defer></script>
    <script src="../assets/redoc-init.js" defer></script>
  </head>
  <body>
    <nav class="redoc-back" aria-label="Documentation"><a href="../en/api.html">← TEC documentation</a> · <a href="../fr/api.html" hreflang="fr" lang="fr">Documentation en français</a></nav>
    <main id="redoc" data-spec="../openapi.json"><p>Loading the API reference…</p></main>
  </body>
</html>
`;
}

function rootIndex(): string {
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>TEC — documentation</title>
    <link rel="icon" href="assets/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="assets/site.css" />
  </head>
  <body>
    <main id="main">
      <h1>Widgets TEC — documentation</h1>
      <ul>
        <li><a href="fr/index.html">Documentation en français</a></li>
        <li lang="en"><a href="en/index.html" hreflang="en">Documentation in English</a></li>
      </ul>
    </main>
  </body>
</html>
`;
}

// ----- build ----------------------------------------------------------------------------------

/** Builds the site into dist/docs/ (the CDN set must be built: `npm run build`). */
export async function buildDocs({ log = console.log, sdk = true } = {}): Promise<string> {
  const manifest = cdnManifest();
  const urls = manifest.urls ?? { cdn: 'http://127.0.0.1:8788/cdn/', api: 'http://127.0.0.1:8787' };
  const ctx: SiteContext = {
    cdn: urls.cdn,
    api: urls.api,
    loader: { src: `${urls.cdn}${version}/tec.js`, integrity: manifest.files['tec.js']!.integrity },
    sheet: { href: `${urls.cdn}${version}/tec.css`, integrity: manifest.files['tec.css']!.integrity },
  };
  const widgets = widgetsFromManifest();
  // `sdk: false` keeps the TypeDoc pages already built (the tests rebuild the rest, quickly).
  const keepSdk = !sdk && existsSync(join(docsDir, 'sdk', 'index.html'));
  for (const entry of existsSync(docsDir) ? readdirSync(docsDir) : [])
    if (!(keepSdk && entry === 'sdk')) rmSync(join(docsDir, entry), { recursive: true, force: true });
  const files = new Map<string, string>();
  files.set('index.html', rootIndex());
  files.set('embed.html', embedPage(ctx, widgets));
  files.set('api/index.html', redocPage());
  for (const lang of ['fr', 'en'] as const) {
    files.set(`${lang}/index.html`, homePage(ctx, widgets, lang));
    files.set(`${lang}/widgets/index.html`, widgetsIndex(ctx, widgets, lang));
    for (const w of widgets) files.set(`${lang}/widgets/${w.tagName}.html`, widgetPage(ctx, w, lang));
    files.set(
      `${lang}/${FILES[lang].guide}`,
      shell(ctx, {
        lang,
        path: `${lang}/${FILES[lang].guide}`,
        other: `${lang === 'fr' ? 'en' : 'fr'}/${FILES[lang === 'fr' ? 'en' : 'fr'].guide}`,
        title: WORDS[lang].guide,
        body: guideHtml(ctx, manifest, lang),
      }),
    );
    files.set(`${lang}/${FILES[lang].theming}`, tokensPage(ctx, widgets, lang));
    files.set(`${lang}/${FILES[lang].configurator}`, configuratorPage(ctx, widgets, lang));
    files.set(`${lang}/api.html`, apiPage(ctx, lang));
    files.set(
      `${lang}/benchmarks.html`,
      markdownPage(ctx, lang, 'docs/benchmarks.md', 'benchmarks.html', WORDS[lang].benchmarks),
    );
    files.set(
      `${lang}/changelog.html`,
      markdownPage(ctx, lang, 'CHANGELOG.md', 'changelog.html', WORDS[lang].changelog),
    );
  }
  for (const [path, text] of files) {
    mkdirSync(dirname(join(docsDir, path)), { recursive: true });
    writeFileSync(join(docsDir, path), text);
  }
  cpSync(join(root, 'docs', 'openapi.json'), join(docsDir, 'openapi.json'));
  cpSync(join(root, 'examples', 'favicon.svg'), join(docsDir, 'assets', 'favicon.svg'));
  cpSync(join(root, 'scripts', 'docs-site', 'site.css'), join(docsDir, 'assets', 'site.css'));
  cpSync(join(root, 'scripts', 'docs-site', 'redoc-page.css'), join(docsDir, 'assets', 'redoc-page.css'));
  const redoc = join(root, 'node_modules', 'redoc', 'bundles', 'redoc.standalone.js');
  // Redoc's side menu shows the Redocly logo from cdn.redoc.ly: the one request it makes
  // elsewhere. The logo goes (the « API docs by Redocly » link stays); anything else fails here.
  const logo =
    'e?n.createElement("img",{alt:"redocly logo",onError:()=>t(!1),src:"https://cdn.redoc.ly/redoc/logo-mini.svg"}):null';
  const redocJs = readFileSync(redoc, 'utf8');
  if (!redocJs.includes(logo)) throw new Error('redoc.standalone.js changed: remove its CDN logo again');
  writeFileSync(join(docsDir, 'assets', 'redoc.standalone.js'), redocJs.replace(logo, 'null'));
  cpSync(`${redoc}.LICENSE.txt`, join(docsDir, 'assets', 'redoc.standalone.js.LICENSE.txt'));
  await build({
    entryPoints: {
      site: join(root, 'scripts', 'docs-site', 'site.ts'),
      'redoc-init': join(root, 'scripts', 'docs-site', 'redoc-init.ts'),
    },
    outdir: join(docsDir, 'assets'),
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
  });
  // The SDK reference: TypeDoc, without its one inline script (a theme switch run before the
  // first paint), so that the pages run under the same CSP; the theme then follows the system.
  if (!keepSdk)
    execFileSync(
      join(root, 'node_modules', '.bin', 'typedoc'),
      ['--options', 'packages/sdk/typedoc.json', '--logLevel', 'Warn', '--out', join(docsDir, 'sdk')],
      { cwd: root, stdio: 'inherit' },
    );
  let sdkPages = 0;
  const strip = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) strip(path);
      else if (e.name.endsWith('.html')) {
        const html = readFileSync(path, 'utf8')
          .replace(/<script>[^<]*<\/script>/g, '')
          // Landmarks TypeDoc's layout lacks (axe: landmark-one-main, region).
          .replace('<div class="col-content">', '<div class="col-content" role="main">')
          .replace(
            '<div class="col-sidebar">',
            '<div class="col-sidebar" role="complementary" aria-label="Navigation">',
          );
        writeFileSync(path, html);
        sdkPages += 1;
      }
    }
  };
  strip(join(docsDir, 'sdk'));
  // TypeDoc's filters write CSS into a <style> element it creates (style-src 'self' forbids it):
  // the same rules go into a constructed style sheet, which the CSP allows.
  const mainJs = join(docsDir, 'sdk', 'assets', 'main.js');
  const patched = readFileSync(mainJs, 'utf8')
    .replace(
      'document.head.appendChild(document.createElement("style"))',
      '(()=>{const s=new CSSStyleSheet;document.adoptedStyleSheets=[...document.adoptedStyleSheets,s];return{dataset:{},sheet:s}})()',
    )
    .replace(/(\w+)\.innerHTML\+=(`html:not\([^`]*`)/, '$1.sheet.insertRule($2)');
  if (!patched.includes('sheet.insertRule(`html:not('))
    throw new Error('TypeDoc main.js changed: patch it again');
  // TypeDoc keeps its theme, filters and open accordions in localStorage; this site uses no
  // browser storage: its store is the in-memory stand-in it falls back to without storage, so
  // settings last as long as the page.
  const noStorage = patched
    .replace('try{K=localStorage,M=K}catch{K=G,M=G}', 'K=G,M=G;')
    .replace('localStorage.clear(),', '');
  if (/localStorage|sessionStorage|indexedDB/.test(noStorage))
    throw new Error('TypeDoc main.js changed: its storage use must be removed again');
  writeFileSync(mainJs, noStorage);
  log(
    `Documentation site in ${relative(root, docsDir)}/: ${files.size} pages and ${sdkPages} SDK reference pages.`,
  );
  return docsDir;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildDocs().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
