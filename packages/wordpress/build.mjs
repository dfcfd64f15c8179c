#!/usr/bin/env node
// `npm run wordpress:zip` (also the last step of `npm run build`): the WordPress plugin, ready to
// install, from packages/wordpress/tec-widgets/ and the CDN set built before it:
//
//   dist/wordpress/tec-widgets/            the plugin folder (what the WordPress test installs)
//   dist/wordpress/tec-widgets/cdn.json    the CDN set's version and the SRI hashes of tec.js
//                                          and tec.css, from dist/cdn/<version>/manifest.json
//   dist/wordpress/tec-widgets-<version>.zip  the same folder, for Extensions → Ajouter
//
// The plugin's version must be the widgets' version: the plugin pins that CDN folder and its
// hashes. The zip is written here (stored or deflated entries, node:zlib) rather than by a zip
// binary, which Debian's minimal images lack.
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const root = fileURLToPath(new URL('../..', import.meta.url));
const source = join(root, 'packages/wordpress/tec-widgets');
const out = join(root, 'dist/wordpress');
const folder = join(out, 'tec-widgets');

const { version } = JSON.parse(readFileSync(join(root, 'packages/widgets/package.json'), 'utf8'));
const main = readFileSync(join(source, 'tec-widgets.php'), 'utf8');
for (const [what, pattern] of [
  ['plugin header', /^ \* Version:\s+(\S+)$/m],
  ['VERSION constant', /^const VERSION = '([^']+)';$/m],
]) {
  const found = pattern.exec(main)?.[1];
  if (found !== version) {
    console.error(`✖ tec-widgets.php: the ${what} says ${found}, the widgets are ${version}.`);
    process.exit(1);
  }
}
const stable = /^Stable tag:\s+(\S+)$/m.exec(readFileSync(join(source, 'readme.txt'), 'utf8'))?.[1];
if (stable !== version) {
  console.error(`✖ readme.txt: Stable tag ${stable}, the widgets are ${version}.`);
  process.exit(1);
}

const manifestPath = join(root, 'dist/cdn', version, 'manifest.json');
let manifest;
try {
  manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
} catch {
  console.error(`✖ ${relative(root, manifestPath)} is missing: build the CDN set first (npm run build).`);
  process.exit(1);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
cpSync(source, folder, { recursive: true });
const cdn = {
  version,
  files: {
    'tec.js': manifest.files['tec.js'].integrity,
    'tec.css': manifest.files['tec.css'].integrity,
  },
};
writeFileSync(join(folder, 'cdn.json'), `${JSON.stringify(cdn, null, 2)}\n`);

/** Every file under `dir`, sorted, as [path in the zip, absolute path]. */
function files(dir, prefix) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      const inZip = `${prefix}/${name}`;
      return statSync(path).isDirectory() ? files(path, inZip) : [[inZip, path]];
    });
}

/** A zip archive (PKWARE APPNOTE: local headers, central directory, end record). */
function zip(entries) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  // A fixed date (1 January 2026): the same sources give the same zip.
  const time = 0;
  const date = ((2026 - 1980) << 9) | (1 << 5) | 1;
  for (const [name, path] of entries) {
    const data = readFileSync(path);
    const packed = deflateRawSync(data, { level: 9 });
    const deflate = packed.length < data.length;
    const body = deflate ? packed : data;
    const nameBytes = Buffer.from(name.split(sep).join('/'), 'utf8');
    const fields = (header) => {
      header.writeUInt16LE(20, 4 + (header.length === 46 ? 2 : 0)); // version needed
      const o = header.length === 46 ? 2 : 0;
      header.writeUInt16LE(0x0800, 6 + o); // UTF-8 names
      header.writeUInt16LE(deflate ? 8 : 0, 8 + o);
      header.writeUInt16LE(time, 10 + o);
      header.writeUInt16LE(date, 12 + o);
      header.writeUInt32LE(crc32(data), 14 + o);
      header.writeUInt32LE(body.length, 18 + o);
      header.writeUInt32LE(data.length, 22 + o);
      header.writeUInt16LE(nameBytes.length, 26 + o);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    fields(local);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, 2.0
    fields(central);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // -rw-r--r--
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, body);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const archive = join(out, `tec-widgets-${version}.zip`);
const entries = files(folder, 'tec-widgets');
writeFileSync(archive, zip(entries));
console.log(`${relative(root, archive)}: ${entries.length} files, ${statSync(archive).size} bytes`);
