/**
 * `tec.js`, the one script a partner page includes. It finds the `tec-*` tags on the page, and
 * those added later, and loads only the widgets present, each as its own chunk; the chunks share
 * one runtime chunk (Lit, the SDK, the widget base), fetched once.
 *
 * Built by rollup.config.mjs, which fills in `__TEC_RESERVE__` (the rules of base/reserve.ts,
 * written in at build time so that the loader imports nothing) and `__TEC_CHUNKS__`: for each
 * tag, the files its chunk needs with their SRI hashes. The loader announces them as `<link rel="modulepreload"
 * integrity>` before importing, so the browser checks every chunk against the hash the build
 * wrote, as it checks `tec.js` itself against the hash in the page's `<script integrity>`. The
 * chunks a chunk imports later by itself (`__TEC_LATER__`: the virtualizer's layout) go through
 * the loader too, and are checked the same way before they run.
 *
 * Before any widget's chunk arrives, it gives the tags the space their widgets will take
 * (base/reserve.ts), as a constructed style sheet (no `<style>` element: nothing for a strict CSP
 * to refuse), so the page does not move when they render — unless the page links `tec.css`, which
 * holds the same rules from its first frame.
 *
 * Loading it twice is harmless (one loader per version runs), and so are two versions on one
 * page: a tag already defined is not loaded again, and the first definition stays.
 *
 * @module
 */
import { WIDGETS } from './widgets.js';

/** For each tag: [file, integrity] of its chunk and the chunks it imports. Empty from source. */
declare const __TEC_CHUNKS__: Record<string, [string, string][]>;
/** The chunks that others import later, by themselves: file -> integrity. Empty from source. */
declare const __TEC_LATER__: Record<string, string>;
declare const __TEC_VERSION__: string;
/** The page-level rules that hold the widgets' space. Empty from source. */
declare const __TEC_RESERVE__: string;

const chunks: Record<string, [string, string][]> =
  typeof __TEC_CHUNKS__ === 'undefined' ? {} : __TEC_CHUNKS__;
const later: Record<string, string> = typeof __TEC_LATER__ === 'undefined' ? {} : __TEC_LATER__;
const version = typeof __TEC_VERSION__ === 'undefined' ? 'source' : __TEC_VERSION__;

/** Each tag's chunk, from the one list of widgets (widgets.ts). */
const widgets: Record<string, () => Promise<unknown>> = Object.fromEntries(
  WIDGETS.map((w) => [w.tag, w.load]),
);

const key = Symbol.for(`tec.loader@${version}`);
const page = globalThis as unknown as Record<symbol, boolean>;

if (!page[key]) {
  page[key] = true;
  // A page that links this version's tec.css has the same rules already (module scripts run once
  // the style sheets before them have loaded): adopting them twice doubled the style work of the
  // page's first layout, under its container queries.
  // One that failed to load (or to match its hash) is there too, but empty.
  const css = new URL('tec.css', import.meta.url).href;
  const holds = (s: CSSStyleSheet) => {
    try {
      return s.href === css && s.cssRules.length > 0;
    } catch {
      return false; // fetched without CORS: unreadable, so not known to hold them
    }
  };
  if (![...document.styleSheets].some(holds)) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(typeof __TEC_RESERVE__ === 'undefined' ? '' : __TEC_RESERVE__);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  const waiting = new Set(Object.keys(widgets));
  const preloaded = new Set<string>();

  /** Announces a chunk with its hash: the browser fetches it, checks it and keeps it for import. */
  const preload = (href: string, integrity: string) => {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    link.integrity = integrity;
    link.crossOrigin = 'anonymous';
    document.head.append(link);
    return link;
  };

  // A chunk that another imports later (rollup.config.mjs, `laterImports`) is announced with its
  // hash first, and imported once the browser has fetched and checked it: one that does not match
  // its hash, or that the build did not list, is refused, and the import fails instead of running
  // it. Found by file name (content-hashed, so unique), whatever address the CDN serves it from.
  // A browser without modulepreload checks no chunk (the widgets' neither): it imports as before.
  const checked = new Map<string, Promise<void>>();
  const canCheck = document.createElement('link').relList.supports('modulepreload');
  (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(`tec.later@${version}`)] = (
    load: (href: string) => Promise<unknown>,
    href: string,
  ) => {
    if (!canCheck) return load(href);
    const file = `./${href.slice(href.lastIndexOf('/') + 1)}`;
    const integrity = later[file];
    if (!integrity) return Promise.reject(new Error(`TEC: ${href} is not a file of this version.`));
    let ready = checked.get(file);
    if (!ready) {
      const link = preload(href, integrity);
      ready = new Promise<void>((resolve, reject) => {
        const refuse = () => {
          checked.delete(file); // a later call tries again
          link.remove();
          reject(new Error(`TEC: ${href} could not be loaded, or does not match its hash.`));
        };
        // No answer at all (the page removed the link): refused after a while, like an error.
        const timer = setTimeout(refuse, 30_000);
        link.onload = () => {
          clearTimeout(timer);
          resolve();
        };
        link.onerror = () => {
          clearTimeout(timer);
          refuse();
        };
      });
      checked.set(file, ready);
    }
    return ready.then(() => load(href));
  };

  const load = (tag: string) => {
    waiting.delete(tag);
    // Defined already, by this version or another one on the page: keep that definition.
    if (customElements.get(tag)) return;
    for (const [file, integrity] of chunks[tag] ?? []) {
      if (preloaded.has(file)) continue;
      preloaded.add(file);
      preload(new URL(file, import.meta.url).href, integrity);
    }
    widgets[tag]!().catch((error: unknown) => console.error(`TEC: <${tag}> could not be loaded.`, error));
  };

  const scan = (root: Element) => {
    for (const tag of waiting) if (root.localName === tag || root.getElementsByTagName(tag).length) load(tag);
    if (!waiting.size) observer.disconnect();
  };

  const observer = new MutationObserver((records) => {
    for (const record of records)
      for (const node of record.addedNodes) if (node.nodeType === 1) scan(node as Element);
  });
  observer.observe(document, { childList: true, subtree: true });
  // The tags already in the page load once it has painted its first frame: the module script runs
  // as the parser ends, in the task whose layout comes before that first paint, and starting the
  // chunks' fetches and imports there made the page's own text appear later (issue 19). The
  // reserve above already holds the widgets' space. A page that gets no frames (a hidden tab, an
  // iframe out of view) starts after 200 ms all the same.
  // One tag per task: each one's preload links and import, 20–40 ms at 4× CPU, in a task of its own.
  // Each step looks again: a tag the page removed meanwhile is not loaded.
  const next = () => {
    for (const tag of waiting) {
      const element = document.getElementsByTagName(tag)[0];
      if (!element) continue;
      scan(element);
      setTimeout(next, 0);
      return;
    }
  };
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    setTimeout(next, 0);
  };
  requestAnimationFrame(start);
  setTimeout(start, 200);
}
