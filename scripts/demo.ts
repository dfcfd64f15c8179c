/**
 * The demo partner sites: a small web server, on its own origin beside the API, serving the
 * pages of examples/ and the CDN set of dist/cdn/ as a partner's site and a CDN would.
 *
 * Each page is plain HTML with the snippet a webmaster pastes; the server fills in the API's
 * address, the loader's and the style sheet's URLs and SRI hashes ({{API}}, {{LOADER}},
 * {{INTEGRITY}}, {{STYLESHEET}}, {{STYLESHEET_INTEGRITY}}) and the snippet to
 * show ({{SNIPPET tec-…}}). The municipal site is sent with a strict Content-Security-Policy.
 * `npm start` runs it (scripts/start.ts); the end-to-end tests start it the same way.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Page } from 'playwright';
import { MIN_COMPRESS_BYTES, pickEncoding, type Encoding } from '../packages/api/src/http/compression.js';
import { OUTBOX_CSP, outboxPage } from './outbox-page.js';
import { buildDocs, docsDir } from './docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const examples = join(root, 'examples');
const version = (
  JSON.parse(readFileSync(join(root, 'packages/widgets/package.json'), 'utf8')) as { version: string }
).version;
export const cdnDir = join(root, 'dist', 'cdn', version);
/** The console's static files (packages/console's build), served by the API at /console/. */
export const consoleDir = join(root, 'packages', 'console', 'dist', 'site');

/**
 * The console as `npm start` serves it: a copy of its build whose `<meta name="tec-docs">` names
 * the demo's documentation site (on the demo's origin, not the API's), so that each territory's
 * link reaches the embed configurator. Returns the copy's folder.
 */
export function consoleWithDocs(docsUrl: string): string {
  const dir = join(root, 'dist', 'console-demo');
  cpSync(consoleDir, dir, { recursive: true });
  const page = readFileSync(join(consoleDir, 'index.html'), 'utf8');
  const meta = '<meta name="tec-docs" content="" />';
  writeFileSync(
    join(dir, 'index.html'),
    page.replace(meta, `<meta name="tec-docs" content="${docsUrl.replace(/[^\w:/.-]/g, '')}" />`),
  );
  return dir;
}

/** The pages whose scripts are built from TypeScript, and where to. */
const bundles = [{ entry: 'examples/react/app.tsx', out: 'dist/examples/react-app.js' }];

/**
 * Builds what is missing: the packages (tsc), the CDN set (rollup), the demo pages' scripts
 * (esbuild) and, with `docs`, the documentation site. `force` rebuilds all.
 */
export async function buildDemo({ force = false, log = console.log, docs = false } = {}): Promise<void> {
  const bin = (name: string) => join(root, 'node_modules', '.bin', name);
  if (force || !existsSync(join(root, 'packages/widgets/dist/loader.js'))) {
    log('Building the packages (tsc --build)…');
    execFileSync(bin('tsc'), ['--build'], { cwd: root, stdio: 'inherit' });
  }
  if (force || !existsSync(join(cdnDir, 'manifest.json'))) {
    log('Building the CDN set (rollup)…');
    execFileSync(bin('rollup'), ['-c', 'rollup.config.mjs', '--silent'], { cwd: root, stdio: 'inherit' });
  }
  // The console of the programme's teams (packages/console), which the API serves at /console/.
  if (force || !existsSync(join(consoleDir, 'console.js'))) {
    if (!existsSync(join(root, 'packages/console/dist/lib/main.js')))
      execFileSync(bin('tsc'), ['--build'], { cwd: root, stdio: 'inherit' });
    log('Building the console (rollup -c packages/console/rollup.config.mjs)…');
    execFileSync(bin('rollup'), ['-c', 'packages/console/rollup.config.mjs', '--silent'], {
      cwd: root,
      stdio: 'inherit',
    });
  }
  // The documentation site when asked (`npm start`); its test builds it itself, so that test
  // files running side by side never build it twice at once.
  if (docs && (force || !existsSync(join(docsDir, 'index.html')))) {
    log('Building the documentation site (npm run docs)…');
    await buildDocs({ log });
  }
  for (const { entry, out } of bundles) {
    if (!force && existsSync(join(root, out))) continue;
    log(`Building ${out}…`);
    await build({
      entryPoints: [join(root, entry)],
      outfile: join(root, out),
      bundle: true,
      minify: true,
      format: 'esm',
      target: 'es2022',
      jsx: 'automatic',
      // The version the build injects into the widgets (packages/widgets/src/base/version.ts).
      define: { 'process.env.NODE_ENV': '"production"', __TEC_VERSION__: JSON.stringify(version) },
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
}

/** The Content-Security-Policy of the municipal site: the issue's, plus the API for data. */
export function municipalCsp(apiOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    `img-src 'self' ${apiOrigin}`,
    "require-trusted-types-for 'script'",
  ].join('; ');
}

/**
 * The documentation site's policy: its own files, the CDN's and the API's, nothing inline, Trusted
 * Types on its own pages (TypeDoc's script, under /docs/sdk/, writes HTML without a policy).
 */
export function docsCsp(apiOrigin: string, trustedTypes = true, inlineStyles = false): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Only the Redoc page (/docs/api/): its styled-components write <style> elements.
    inlineStyles ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    `connect-src 'self' ${apiOrigin}`,
    // Redoc draws its icons from data: URIs.
    `img-src 'self' ${apiOrigin}${inlineStyles ? ' data:' : ''}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    ...(trustedTypes ? ["require-trusted-types-for 'script'"] : []),
  ].join('; ');
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface DemoServer {
  url: string;
  close(): Promise<void>;
}

/** Text worth compressing: pages, scripts, style sheets, JSON, SVG. */
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

/** The pages and scripts of the demo compressed as they leave (small files, a few ms). */
function compressed(body: string | Buffer, encoding: Encoding): Buffer {
  return encoding === 'br'
    ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6 } })
    : gzipSync(body, { level: 6 });
}

/**
 * A file inside `base`, or undefined when the request tries to leave it, is not valid
 * percent-encoding (`/%`, `/%E0%A4%A`), or names a folder.
 */
function inside(base: string, path: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const full = normalize(join(base, decoded));
  if (!(full === base || full.startsWith(base + sep))) return undefined;
  return existsSync(full) && statSync(full).isFile() ? full : undefined;
}

export async function startDemoServer(options: {
  apiUrl: string;
  /** More pages, by path, filled in like those of examples/ (the benchmarks' fixtures). */
  pages?: Record<string, string>;
  port?: number;
  host?: string;
  /** The API's outbox folder, shown at /boite-d-envoi/ (the follow-up e-mails without SMTP). */
  outboxDir?: string | undefined;
}): Promise<DemoServer> {
  const apiOrigin = new URL(options.apiUrl).origin;
  const manifest = JSON.parse(readFileSync(join(cdnDir, 'manifest.json'), 'utf8')) as {
    files: Record<string, { integrity: string }>;
    snippets: Record<string, string>;
    /** The public addresses the snippets were written with (TEC_PUBLIC_CDN_URL, …_API_URL). */
    urls?: { cdn: string; api: string };
  };
  const built = manifest.urls ?? { cdn: 'https://cdn.example.org/tec/', api: 'https://api.example.org' };
  const loader = `/cdn/${version}/tec.js`;

  const fill = (html: string, origin: string) =>
    html
      .replace(/\{\{SNIPPET (tec-[a-z-]+)\}\}/g, (_, tag: string) =>
        escapeHtml(
          (manifest.snippets[tag] ?? '')
            .replaceAll(built.cdn, `${origin}/cdn/`)
            .replaceAll(built.api, options.apiUrl),
        ),
      )
      .replaceAll('{{API}}', options.apiUrl)
      .replaceAll('{{LOADER}}', loader)
      .replaceAll('{{INTEGRITY}}', manifest.files['tec.js']!.integrity)
      .replaceAll('{{STYLESHEET}}', `/cdn/${version}/tec.css`)
      .replaceAll('{{STYLESHEET_INTEGRITY}}', manifest.files['tec.css']!.integrity);

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const accepted = pickEncoding(req.headers['accept-encoding']);
    /** Sends a response, brotli or gzip when the browser takes it and the body is text. */
    const send = (
      res: ServerResponse,
      status: number,
      type: string,
      body: string | Buffer,
      headers: Record<string, string> = {},
    ) => {
      const all: Record<string, string> = {
        'content-type': type,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        ...headers,
      };
      const size = typeof body === 'string' ? Buffer.byteLength(body) : body.length;
      if (!all['content-encoding'] && COMPRESSIBLE.test(type) && size >= MIN_COMPRESS_BYTES) {
        all.vary = 'Accept-Encoding';
        if (accepted) {
          all['content-encoding'] = accepted;
          body = compressed(body, accepted);
        }
      }
      res.writeHead(status, all);
      res.end(req.method === 'HEAD' ? undefined : body);
    };

    const url = new URL(req.url ?? '/', 'http://demo');
    const origin = `http://${req.headers.host ?? 'localhost'}`;
    if (req.method !== 'GET' && req.method !== 'HEAD')
      return send(res, 405, 'text/plain', 'Method not allowed');

    // The CDN: immutable files, precompressed when the browser takes it.
    if (url.pathname.startsWith('/cdn/')) {
      const file = inside(join(root, 'dist', 'cdn'), url.pathname.slice('/cdn/'.length));
      if (!file || !existsSync(file) || !statSync(file).isFile())
        return send(res, 404, 'text/plain', 'Not found');
      // The .br and .gz the build wrote beside each file, as nginx's brotli_static/gzip_static.
      const suffix = { br: '.br', gzip: '.gz' } as const;
      const encoding = accepted && existsSync(`${file}${suffix[accepted]}`) ? accepted : undefined;
      return send(
        res,
        200,
        types[extname(file)] ?? 'application/octet-stream',
        readFileSync(encoding ? `${file}${suffix[encoding]}` : file),
        {
          'cache-control': 'public, max-age=31536000, immutable',
          'access-control-allow-origin': '*',
          'cross-origin-resource-policy': 'cross-origin',
          vary: 'Accept-Encoding',
          ...(encoding ? { 'content-encoding': encoding } : {}),
        },
      );
    }
    if (url.pathname.startsWith('/built/')) {
      const file = inside(join(root, 'dist', 'examples'), url.pathname.slice('/built/'.length));
      if (!file || !existsSync(file)) return send(res, 404, 'text/plain', 'Not found');
      return send(res, 200, types[extname(file)] ?? 'application/octet-stream', readFileSync(file), {
        'cache-control': 'no-cache',
      });
    }

    // The documentation site (npm run docs), with this server's addresses for the built ones.
    if (url.pathname === '/docs') return send(res, 301, 'text/plain', 'Moved', { location: '/docs/' });
    if (url.pathname.startsWith('/docs/')) {
      let rest = url.pathname.slice('/docs/'.length);
      if (rest === '' || rest.endsWith('/')) rest += 'index.html';
      const file = inside(docsDir, rest);
      if (!file || !existsSync(file) || !statSync(file).isFile())
        return send(
          res,
          404,
          'text/html; charset=utf-8',
          '<!doctype html><title>Introuvable</title><p>Page introuvable.</p>',
        );
      const type = types[extname(file)] ?? 'application/octet-stream';
      if (!type.startsWith('text/html'))
        return send(res, 200, type, readFileSync(file), { 'cache-control': 'no-cache' });
      const html = readFileSync(file, 'utf8')
        .replaceAll(built.cdn, `${origin}/cdn/`)
        .replaceAll(built.api, options.apiUrl);
      return send(res, 200, type, html, {
        'cache-control': 'no-cache',
        'content-security-policy': docsCsp(
          apiOrigin,
          !rest.startsWith('sdk/') && !rest.startsWith('api/'),
          rest.startsWith('api/'),
        ),
      });
    }

    // The console lives on the API's origin (packages/console, served by the API): links to the
    // demo's /console/ lead there.
    if (url.pathname === '/console' || url.pathname.startsWith('/console/'))
      return send(res, 302, 'text/plain', 'Found', { location: `${options.apiUrl}/console/` });

    const extra = options.pages?.[url.pathname];
    if (extra !== undefined)
      return send(res, 200, 'text/html; charset=utf-8', fill(extra, origin), { 'cache-control': 'no-cache' });

    let path = url.pathname;
    if (path.endsWith('/')) path += 'index.html';
    // Browsers ask for /favicon.ico on pages that name no icon: the demo's own, not a 404.
    if (path === '/favicon.ico') path = '/favicon.svg';
    const file = inside(examples, path.slice(1));
    if (!file || !existsSync(file) || !statSync(file).isFile() || /\.(ts|tsx)$/.test(file))
      return send(
        res,
        404,
        'text/html; charset=utf-8',
        '<!doctype html><title>Introuvable</title><p>Page introuvable.</p>',
      );
    const type = types[extname(file)] ?? 'application/octet-stream';
    const headers: Record<string, string> = { 'cache-control': 'no-cache' };
    if (path.startsWith('/mairie/')) headers['content-security-policy'] = municipalCsp(apiOrigin);
    headers['x-content-type-options'] = 'nosniff';
    if (type.startsWith('text/html'))
      return send(res, 200, type, fill(readFileSync(file, 'utf8'), origin), headers);
    return send(res, 200, type, readFileSync(file), headers);
  };

  const server = createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/boite-d-envoi/' || req.url === '/boite-d-envoi')) {
      void outboxPage(options.outboxDir).then(
        (html) =>
          res
            .writeHead(200, {
              'content-type': 'text/html; charset=utf-8',
              'cache-control': 'no-store',
              'content-security-policy': OUTBOX_CSP,
              'x-content-type-options': 'nosniff',
              'referrer-policy': 'no-referrer',
            })
            .end(html),
        (error: unknown) => {
          console.error(error);
          res.writeHead(500, { 'content-type': 'text/plain' }).end('Server error');
        },
      );
      return;
    }
    try {
      handle(req, res);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' }).end('Server error');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Every demo page, as the end-to-end tests, `npm run screenshots` and the benchmarks visit them. */
export const DEMO_PAGES = [
  '/fondation/',
  '/kiif-roya/',
  '/mairie/',
  '/habitants/',
  '/react/',
  '/hors-ligne/',
];

/**
 * The document's scroll height beside the bottom of the page's own content (the body's box and
 * its bottom margin, or the viewport when the content is shorter): a widget whose hidden parts
 * escape its box makes the first larger than the second, a blank tail under the page.
 */
export async function pageHeights(page: Page): Promise<{ document: number; content: number }> {
  return page.evaluate(() => {
    const body = document.body;
    const bottom =
      body.getBoundingClientRect().bottom +
      scrollY +
      parseFloat(getComputedStyle(body).marginBottom) +
      parseFloat(getComputedStyle(document.documentElement).paddingBottom);
    return {
      document: document.documentElement.scrollHeight,
      content: Math.ceil(Math.max(bottom, innerHeight)),
    };
  });
}

/**
 * Waits until every widget of a demo page has left its loading state (for the end-to-end tests,
 * `npm run reserve` and the benchmarks, which drive these pages in Chromium).
 */
export async function settled(page: Page, states = ['loaded', 'empty', 'error', 'offline']): Promise<void> {
  await page.waitForFunction((done) => {
    const widgets = [...document.querySelectorAll<HTMLElement & { status?: string }>('*')].filter(
      (e) => e.localName.startsWith('tec-') && e.localName !== 'tec-provider',
    );
    return widgets.length > 0 && widgets.every((w) => w.shadowRoot && done.includes(w.status ?? ''));
  }, states);
}
