#!/usr/bin/env node
// `node declarations.mjs` (part of `pnpm size`): no package's published declarations name a schema or
// an operation of its platform's spec that the package does not use (issue 14: the cache's .d.ts
// carried the queue's and storage's schemas, and every other one). Prints each package's .d.ts and
// .d.cts sizes; exits 1 on a foreign name.
//
// "Uses" is read from the package's sources, independently of how the declarations are built: the
// operations its code names (`Body<'x'>`, `Result<'x'>`, `Data<'x'>`), the schemas it names
// (`Schemas['X']`), and every schema those refer to in openapi-typescript's output of the spec.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGenerated, schemaRefs } from '../spec-types/read-generated.mjs';
import { printTable } from './table.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const generated = join(root, 'tooling', 'spec-types', 'src', 'generated');

/** Every .ts file under a folder. */
function sources(dir) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** The schemas and operations a package uses, closed over the schemas they refer to. */
export function usedNames(pkgDir, spec) {
  const text = sources(join(pkgDir, 'src')).join('\n');
  const operations = new Set([...text.matchAll(/\b(?:Body|Result|Data)<'([A-Za-z0-9_$]+)'>/g)].map((m) => m[1]));
  const todo = [...text.matchAll(/\bSchemas\['([A-Za-z0-9_$]+)'\]/g)].map((m) => m[1]);
  for (const id of operations) todo.push(...schemaRefs(spec.operations.get(id)?.type ?? ''));
  const schemas = new Set();
  while (todo.length) {
    const name = /** @type {string} */ (todo.pop());
    if (schemas.has(name)) continue;
    schemas.add(name);
    todo.push(...schemaRefs(spec.schemas.get(name)?.type ?? ''));
  }
  return new Set([...operations, ...schemas]);
}

/** The spec names a declaration file mentions outside comments, as a whole identifier. */
export function namesIn(dts, names) {
  const code = dts.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const words = new Set(code.match(/[A-Za-z_$][A-Za-z0-9_$]*/g));
  return [...names].filter((name) => words.has(name));
}

const specs = { aerostack: readGenerated(join(generated, 'aerostack.d.ts')), smarter: readGenerated(join(generated, 'smarter.d.ts')) };
const rows = [];
let failed = false;
for (const platform of Object.keys(specs)) {
  const spec = specs[platform];
  const all = new Set([...spec.schemas.keys(), ...spec.operations.keys()]);
  for (const name of readdirSync(join(root, 'packages', platform)).sort()) {
    const pkgDir = join(root, 'packages', platform, name);
    const dist = join(pkgDir, 'dist');
    const files = readdirSync(dist).filter((f) => /\.d\.c?ts$/.test(f));
    const used = usedNames(pkgDir, spec);
    const foreign = new Set();
    for (const file of files) for (const n of namesIn(readFileSync(join(dist, file), 'utf8'), all)) if (!used.has(n)) foreign.add(n);
    const bytes = (re) => files.filter((f) => re.test(f)).reduce((sum, f) => sum + statSync(join(dist, f)).size, 0);
    failed ||= foreign.size > 0;
    const list = [...foreign].sort();
    rows.push({
      package: `@${platform}/${name}`,
      '.d.ts B': bytes(/\.d\.ts$/),
      '.d.cts B': bytes(/\.d\.cts$/),
      'spec names used': used.size,
      result: list.length ? `FAIL: ${list.length} it does not use: ${list.slice(0, 6).join(', ')}${list.length > 6 ? ', …' : ''}` : 'ok',
    });
  }
}

printTable(rows);
if (failed) {
  console.error('\ndeclaration check failed: a package declares spec types it does not use (see tooling/spec-types/flatten.mjs and its src/spec.ts)');
  process.exit(1);
}
console.log(`\n${rows.length} packages declare only the spec types they use`);
