/**
 * Which palette a widget shows. A widget belongs to the page it is pasted into, not to the
 * visitor's system: by default (`auto`) it is dark only on a dark page — a page whose nearest
 * opaque background behind the widget is dark, or, with no background at all, whose canvas is
 * dark (its `color-scheme`). `light` and `dark` force a palette; `system` follows the visitor's
 * system, as `auto` did before 0.2.
 *
 * One watcher per page re-reads the pages's colours when they may have changed: the visitor's
 * system switches, or the page changes an attribute of `<html>` or `<body>` (a theme toggle).
 */
import type { Theme } from './context.js';

export type Scheme = 'light' | 'dark';

let canvas: CanvasRenderingContext2D | null | undefined;

/** [r, g, b, alpha] of a computed colour (rgb() as Chromium gives most, others through a canvas). */
function rgba(color: string): [number, number, number, number] | undefined {
  const m = /^rgba?\(([\d.]+),?\s*([\d.]+),?\s*([\d.]+)(?:\s*[,/]\s*([\d.]+))?\)$/.exec(color);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  canvas ??= document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!canvas) return undefined;
  canvas.clearRect(0, 0, 1, 1);
  canvas.fillStyle = color;
  canvas.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 0] = canvas.getImageData(0, 0, 1, 1).data;
  return [r, g, b, a / 255];
}

/** WCAG relative luminance of an sRGB colour. */
function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

const systemDark = () => matchMedia('(prefers-color-scheme: dark)').matches;

/** The scheme a `color-scheme` value gives the canvas ('light dark': the visitor's choice). */
function schemeOf(value: string): Scheme | undefined {
  const words = value.split(/\s+/);
  const light = words.includes('light');
  const dark = words.includes('dark');
  if (dark && !light) return 'dark';
  if (light && !dark) return 'light';
  if (light && dark) return systemDark() ? 'dark' : 'light';
  return undefined;
}

/** The scheme of the page behind `host`. */
export function pageScheme(host: Element): Scheme {
  // The nearest ancestor (through shadow roots) with an opaque enough background.
  let node: Node | null = host.parentNode;
  while (node) {
    if (node instanceof Element) {
      const color = rgba(getComputedStyle(node).backgroundColor);
      // Below the luminance where black and white text contrast equally, light text reads better.
      if (color && color[3] >= 0.5) return luminance(color) < 0.179 ? 'dark' : 'light';
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  // No background at all: the canvas, whose colour follows the page's color-scheme.
  const root = getComputedStyle(document.documentElement).colorScheme;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? '';
  return schemeOf(root) ?? schemeOf(meta) ?? 'light';
}

/** The scheme a widget shows for its `theme`. */
export function schemeFor(theme: Theme, host: Element): Scheme {
  if (theme === 'light' || theme === 'dark') return theme;
  if (theme === 'system') return systemDark() ? 'dark' : 'light';
  return pageScheme(host);
}

/** Something that re-reads its scheme when the page's colours may have changed. */
export interface SchemeWatcher {
  applyScheme(): void;
}

const watchers = new Set<SchemeWatcher>();
let watching = false;

function start(): void {
  watching = true;
  const all = () => {
    for (const w of watchers) w.applyScheme();
  };
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', all);
  const observer = new MutationObserver(all);
  observer.observe(document.documentElement, { attributes: true });
  const body = () => document.body && observer.observe(document.body, { attributes: true });
  if (document.body) body();
  else document.addEventListener('DOMContentLoaded', body, { once: true });
}

/** Re-reads `watcher`'s scheme whenever the page's colours may change, until `unwatch`. */
export function watchScheme(watcher: SchemeWatcher): void {
  watchers.add(watcher);
  if (!watching) start();
}

export function unwatchScheme(watcher: SchemeWatcher): void {
  watchers.delete(watcher);
}
