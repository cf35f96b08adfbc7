#!/usr/bin/env node
// `node breakdown.mjs <entry-name-pattern>`: where the bytes of a size-table entry go. Bundles the
// entry's program as size.mjs does, but against the packages' SOURCES (each `@aerostack/*` and
// `@smarter/*` import aliased to its src/index.ts), and prints esbuild's per-module bytes in the
// minified output. The gzip figure is of this source build: within a few bytes of the table's, which
// bundles the built dist/ (not a check; size.mjs is the check).
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const pattern = new RegExp(process.argv[2] ?? '^core: one JSON call$');

const alias = {};
for (const scope of ['aerostack', 'smarter']) {
  for (const name of readdirSync(join(root, 'packages', scope))) alias[`@${scope}/${name}`] = join(root, 'packages', scope, name, 'src', 'index.ts');
}

for (const file of readdirSync(join(here, 'entries')).sort()) {
  for (const entry of (await import(pathToFileURL(join(here, 'entries', file)).href)).default) {
    if (!pattern.test(entry.name)) continue;
    const result = await build({
      stdin: { contents: entry.code, resolveDir: here, loader: 'js' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: entry.platform ?? 'browser',
      target: 'es2022',
      write: false,
      metafile: true,
      logLevel: 'silent',
      alias,
      define: { __PKG_VERSION__: '"0.0.0"' },
    });
    const text = result.outputFiles[0].text;
    const { inputs } = Object.values(result.metafile.outputs)[0];
    console.log(`\n${entry.name}: ${Buffer.byteLength(text)} B minified, ${gzipSync(text, { level: 9 }).length} B gzip (from sources)`);
    const rows = Object.entries(inputs)
      .filter(([, v]) => v.bytesInOutput > 0)
      .sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput);
    for (const [path, { bytesInOutput }] of rows) console.log(String(bytesInOutput).padStart(7), relative(root, join(here, path)));
  }
}
