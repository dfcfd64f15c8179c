/**
 * A real WordPress for the plugin's test, from Debian's packages (`wordpress`, `php-cli`,
 * `php-mysql`, `mariadb-server`; .ci/run installs them): a private MariaDB and PHP's built-in
 * server on free loopback ports, in a private temporary folder, stopped and removed by close().
 *
 * WordPress runs from /usr/share/wordpress through a site folder of links (router.php says why),
 * with the built plugin (dist/wordpress/tec-widgets) copied into its wp-content/plugins.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@tec/api/testing';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = fileURLToPath(new URL('../../..', import.meta.url));
export const WORDPRESS = '/usr/share/wordpress';
export const PLUGIN_BUILD = join(root, 'dist/wordpress/tec-widgets');

export interface WordPress {
  url: string;
  /** The site folder (ABSPATH), for PHP scripts run against this WordPress. */
  site: string;
  admin: { user: string; password: string };
  editor: { user: string; password: string; unfilteredHtml: boolean };
  /** What PHP and WordPress logged (WP_DEBUG_LOG). */
  debugLog(): string;
  close(): Promise<void>;
}

/** What is missing to run it, in words, or undefined. */
export function missing(): string | undefined {
  const needs: string[] = [];
  if (!existsSync(join(WORDPRESS, 'wp-settings.php'))) needs.push('wordpress');
  if (!existsSync(join(WORDPRESS, 'wp-content/themes/twentytwentythree')))
    needs.push('wordpress-theme-twentytwentythree');
  if (spawnSync('php', ['-v']).status !== 0) needs.push('php-cli');
  else if (!/mysqli/.test(spawnSync('php', ['-m'], { encoding: 'utf8' }).stdout)) needs.push('php-mysql');
  if (!existsSync('/usr/sbin/mariadbd') || spawnSync('mariadb-install-db', ['--help']).error)
    needs.push('mariadb-server');
  return needs.length ? `apt-get install ${needs.join(' ')}` : undefined;
}

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resolves once something listens on the port, or rejects when the process died or time ran out. */
async function listening(port: number, child: ChildProcess, what: string, log: () => string) {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${what} stopped (exit ${child.exitCode}):\n${log()}`);
    const ok = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => (socket.destroy(), resolve(true)));
      socket.once('error', () => resolve(false));
    });
    if (ok) return;
    await wait(100);
  }
  throw new Error(`${what} did not listen on ${port}:\n${log()}`);
}

/**
 * Stops a server started here and what it started: each runs in its own process group (PHP's
 * workers are the server's children), ended by that group's id.
 */
function stop(child: ChildProcess | undefined): Promise<void> {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(-child!.pid!, name);
    } catch {
      child!.kill(name);
    }
  };
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    child?.stderr?.destroy();
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => signal('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      signal('SIGKILL'); // any worker left behind
      child.stderr?.destroy();
      resolve();
    });
    signal('SIGTERM');
  });
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.error?.message}):\n${result.stdout}\n${result.stderr}`,
    );
  return result.stdout;
}

/** A gettext .mo file with one entry, its header (msgid ""). */
function headerOnlyMo(header: string): Buffer {
  const value = Buffer.from(`${header}\0`, 'utf8');
  const table = Buffer.alloc(45);
  // magic, revision, 1 string, originals at 28, translations at 36, no hash table (at 44)
  [0x950412de, 0, 1, 28, 36, 0, 44, 0, 44, value.length - 1, 45].forEach((v, i) =>
    table.writeUInt32LE(v, i * 4),
  );
  return Buffer.concat([table.subarray(0, 44), Buffer.from([0]), value]);
}

export async function startWordPress(): Promise<WordPress> {
  if (!existsSync(join(PLUGIN_BUILD, 'cdn.json')))
    throw new Error('dist/wordpress/tec-widgets is missing: run npm run build (or npm run wordpress:zip).');
  const folder = mkdtempSync(join(tmpdir(), 'tec-wordpress-'));
  const processes: ChildProcess[] = [];
  const close = async () => {
    for (const child of processes.reverse()) await stop(child);
    rmSync(folder, { recursive: true, force: true });
  };
  try {
    // ----- MariaDB: its own data folder, socket and port; run as the current user.
    const data = join(folder, 'mysql');
    const socket = join(folder, 'mysqld.sock');
    const user = process.getuid?.() === 0 ? ['--user=root'] : [];
    run('mariadb-install-db', [
      '--no-defaults',
      `--datadir=${data}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...user,
    ]);
    const dbPort = await freePort();
    const dbLog = join(folder, 'mariadb.log');
    const mariadb = spawn(
      '/usr/sbin/mariadbd',
      [
        '--no-defaults',
        `--datadir=${data}`,
        `--socket=${socket}`,
        `--port=${dbPort}`,
        '--bind-address=127.0.0.1',
        `--pid-file=${join(folder, 'mysqld.pid')}`,
        `--log-error=${dbLog}`,
        '--skip-name-resolve',
        '--skip-log-bin',
        // What the test proves does not depend on durability.
        '--innodb-flush-log-at-trx-commit=0',
        '--innodb-buffer-pool-size=64M',
        ...user,
      ],
      { stdio: 'ignore', detached: true },
    );
    processes.push(mariadb);
    const readLog = (path: string) => () => (existsSync(path) ? readFileSync(path, 'utf8').slice(-3000) : '');
    await listening(dbPort, mariadb, 'MariaDB', readLog(dbLog));
    const dbPassword = `db-${Math.random().toString(36).slice(2)}`;
    run('mariadb', [
      '--no-defaults',
      `--socket=${socket}`,
      '-uroot',
      '-e',
      `CREATE DATABASE wordpress CHARACTER SET utf8mb4; CREATE USER 'wordpress'@'127.0.0.1' IDENTIFIED BY '${dbPassword}'; GRANT ALL ON wordpress.* TO 'wordpress'@'127.0.0.1';`,
    ]);

    // ----- The site folder: links to Debian's WordPress, the test's config and wp-content.
    const site = join(folder, 'site');
    mkdirSync(site);
    for (const name of readdirSync(WORDPRESS))
      if (name !== 'wp-config.php' && name !== 'wp-content' && name !== '.htaccess')
        symlinkSync(join(WORDPRESS, name), join(site, name));
    mkdirSync(join(site, 'wp-content/plugins'), { recursive: true });
    mkdirSync(join(site, 'wp-content/uploads'));
    // French must be an installed language for WordPress to take it as the site's: a catalogue
    // holding only its header makes it one; WordPress's own text stays English.
    mkdirSync(join(site, 'wp-content/languages'));
    writeFileSync(join(site, 'wp-content/languages/fr_FR.mo'), headerOnlyMo('Language: fr_FR\n'));
    symlinkSync(join(WORDPRESS, 'wp-content/themes'), join(site, 'wp-content/themes'));
    cpSync(PLUGIN_BUILD, join(site, 'wp-content/plugins/tec-widgets'), { recursive: true });

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const debugLog = join(folder, 'debug.log');
    const salt = () => Math.random().toString(36).slice(2) + Math.random().toString(36).slice(2);
    const constants: Record<string, string | boolean> = {
      DB_NAME: 'wordpress',
      DB_USER: 'wordpress',
      DB_PASSWORD: dbPassword,
      DB_HOST: `127.0.0.1:${dbPort}`,
      DB_CHARSET: 'utf8mb4',
      WP_HOME: url,
      WP_SITEURL: url,
      WP_CONTENT_DIR: join(site, 'wp-content'),
      WP_CONTENT_URL: `${url}/wp-content`,
      WP_DEBUG: true,
      WP_DEBUG_LOG: debugLog,
      WP_DEBUG_DISPLAY: false,
      DISABLE_WP_CRON: true,
      AUTOMATIC_UPDATER_DISABLED: true,
      WP_HTTP_BLOCK_EXTERNAL: true, // no request leaves the machine (update checks, feeds)
      FS_METHOD: 'direct',
      // As on a multisite network and on hardened sites: no one may save a <script> in a page.
      // (On a plain single site, editors may; the plugin is for those who may not.)
      DISALLOW_UNFILTERED_HTML: true,
      ...Object.fromEntries(
        ['AUTH', 'SECURE_AUTH', 'LOGGED_IN', 'NONCE'].flatMap((k) => [
          [`${k}_KEY`, salt()],
          [`${k}_SALT`, salt()],
        ]),
      ),
    };
    writeFileSync(
      join(site, 'wp-config.php'),
      `<?php\n${Object.entries(constants)
        .map(([k, v]) => `define( '${k}', ${JSON.stringify(v)} );`)
        .join('\n')}\n$table_prefix = 'wp_';\nrequire_once ABSPATH . 'wp-settings.php';\n`,
    );

    const admin = { user: 'admin', password: `admin-${salt()}` };
    const editorPassword = `editor-${salt()}`;
    const installed = JSON.parse(
      run('php', [join(here, 'install.php')], {
        TEC_WP_SITE: site,
        TEC_WP_HOST: `127.0.0.1:${port}`,
        TEC_WP_ADMIN_PASSWORD: admin.password,
        TEC_WP_EDITOR_PASSWORD: editorPassword,
      }),
    ) as { editorUnfilteredHtml: boolean };

    // ----- PHP's built-in server, a few workers (the block editor asks for many files at once).
    const phpLog = join(folder, 'php.log');
    const php = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', site, join(here, 'router.php')], {
      env: { ...process.env, TEC_WP_SITE: site, PHP_CLI_SERVER_WORKERS: '4' },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    processes.push(php);
    let phpOut = '';
    php.stderr!.on('data', (chunk: Buffer) => {
      // Only errors: the access log of every request would flood the test's memory.
      for (const line of chunk.toString().split('\n'))
        if (/error|warning|fatal/i.test(line) && !/\[\d+\]: \S+ \d+ - /.test(line)) phpOut += `${line}\n`;
    });
    await listening(port, php, 'PHP', () => phpOut);
    writeFileSync(phpLog, '');

    return {
      url,
      site,
      admin,
      editor: { user: 'redaction', password: editorPassword, unfilteredHtml: installed.editorUnfilteredHtml },
      debugLog: () => (existsSync(debugLog) ? readFileSync(debugLog, 'utf8') : '') + phpOut,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
