#!/usr/bin/env node
// Run after tsup in a package's folder (`tsup && node ../../../tooling/config/share-dts.js`): one copy
// of the declarations instead of two. tsup writes the same declarations twice, dist/X.d.ts for
// `import` and dist/X.d.cts for `require`. This keeps the .d.cts and makes each .d.ts a one-line
// re-export of it.
//
// Why this direction: an ES module may import a CommonJS one (Node does, and TypeScript's node16 and
// bundler resolution type it so), not the reverse; so the .d.ts stays ESM-typed for `import` (attw's
// check that the types' format matches the JavaScript's still holds), and both conditions see the same
// declarations. Because they are the same declarations, a type imported through `import` and one
// reached through `require` are one type, not two look-alikes. The packages have no default export
// (which an ES module would see differently from CommonJS): a .d.cts with one stops the build here.
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const manifest = JSON.parse(readFileSync('package.json', 'utf8'));

/** Every `{ import: { types }, require: { types } }` pair of the exports map. */
function pairs(exports) {
  const found = [];
  for (const target of Object.values(exports ?? {})) {
    if (typeof target !== 'object' || target === null) continue;
    const esm = target.import?.types;
    const cjs = target.require?.types;
    if (esm && cjs) found.push({ esm, cjs });
  }
  return found;
}

const entries = pairs(manifest.exports);
if (entries.length === 0) throw new Error(`${manifest.name}: no export with import and require types; share-dts.js has nothing to do`);
const stubs = new Set();
for (const { esm, cjs } of entries) {
  if (!esm.endsWith('.d.ts') || !cjs.endsWith('.d.cts') || dirname(esm) !== dirname(cjs)) {
    throw new Error(`${manifest.name}: share-dts.js expects X.d.ts and X.d.cts side by side, not ${esm} and ${cjs}`);
  }
  const shared = readFileSync(cjs, 'utf8');
  if (/export\s+default\b|\bas\s+default\b/.test(shared)) throw new Error(`${manifest.name}: ${cjs} has a default export, which import and require see differently; share-dts.js cannot share it`);
  const target = `./${basename(cjs, '.d.cts')}.cjs`;
  writeFileSync(esm, `// The declarations are in ${basename(cjs)}, one copy for import and require.\nexport * from '${target}';\n`);
  stubs.add(join(esm));
}

// tsup's declaration chunks come in both extensions too; only the .d.cts ones are referred to now.
for (const dir of new Set(entries.map(({ esm }) => dirname(esm)))) {
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    if (file.endsWith('.d.ts') && !stubs.has(path) && readdirSync(dir).includes(file.replace(/\.d\.ts$/, '.d.cts'))) rmSync(path);
  }
}
