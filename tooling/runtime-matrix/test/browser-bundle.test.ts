// What a browser bundle of each public package contains: every package under packages/aerostack/*
// and packages/smarter/*, each JS entry of its `exports` (except @smarter/files/node, which is for
// Node by design), bundled by esbuild for the browser from its dist/, not minified, Node built-ins
// kept as imports. The rules are in lib/browser-check.mjs; the checker is tested first, on samples.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundle } from '../lib/bundle.mjs';
import { browserProblems, isNodeBuiltin } from '../lib/browser-check.mjs';
import { REPO_ROOT } from '../lib/paths.mjs';

describe('the checker', () => {
  it('finds nothing in clean code (guarded process, web APIs, look-alikes in names and strings)', () => {
    const clean = `
      import { helper } from './local.js';
      export { other } from '@aerostack/core';
      const a = typeof process !== 'undefined' && process.env.A;
      const b = typeof process === 'undefined' ? undefined : process.env.B;
      const c = 'undefined' != typeof process ? process.env.C : undefined;
      if (typeof process === 'object' && process.versions) { console.log(process.version); }
      if (typeof process == 'undefined') { console.log('browser'); } else { process.exitCode = 1; }
      const d = !(typeof process === 'undefined') && process.env.D;
      const e = typeof process === 'undefined' || process.env.E;
      const f = typeof (process) === 'undefined' ? 0 : (process).pid;
      if (typeof process !== 'undefined') { const later = () => process.env.LATER; later(); }
      const g = globalThis.process?.env?.G;
      const buffer = new ArrayBuffer(8); const view = new SharedArrayBuffer(8); const r = await fetch('/').then((x) => x.arrayBuffer());
      const text = "Buffer, require('fs'), process.env, import('node:fs')"; // Buffer require( process node:fs
      const o = { process: 1, Buffer: 2, require: 3 }; o.process; o.Buffer; o.require;
      class K { process() {} Buffer = 1; }
      const { process: renamed } = o;
      const m = await import('./chunk.js');
    `;
    expect(browserProblems(clean)).toEqual([]);
  });

  it('finds each problem of a Node-dependent sample, with its line', () => {
    const dirty = [
      "import fs from 'node:fs';",
      "import { readFile } from 'fs/promises';",
      "export { join } from 'path';",
      "const crypto = await import('node:crypto');",
      "const y = require('y');",
      "const z = __require('z');",
      "const bytes = Buffer.from('x');",
      'const B = globalThis.Buffer;',
      'const env = process.env.X;',
      "const wrong = typeof process !== 'undefined' || process.env.X;",
      "if (typeof process === 'undefined') { process.exit(1); }",
      "const other = typeof window !== 'undefined' && process.env.Y;",
      'const p = process;',
      'const q = { process };',
    ].join('\n');
    expect(browserProblems(dirty).map(({ rule, line }) => `${line} ${rule}`)).toEqual([
      '1 node-import',
      '2 node-import',
      '3 node-import',
      '4 node-import',
      '5 require',
      '6 require',
      '7 Buffer',
      '8 Buffer',
      '9 process',
      '10 process',
      '11 process',
      '12 process',
      '13 process',
      '14 process',
    ]);
    expect(browserProblems(dirty)[0]).toEqual({ rule: 'node-import', line: 1, text: "import fs from 'node:fs';" });
  });

  it('knows the built-ins: node:*, builtinModules and their subpaths; not look-alike packages', () => {
    for (const name of ['node:fs', 'node:test', 'fs', 'fs/promises', 'path/posix', 'buffer', 'stream/web']) expect(isNodeBuiltin(name), name).toBe(true);
    for (const name of ['@aerostack/core', 'fsx', './fs', 'pathe']) expect(isNodeBuiltin(name), name).toBe(false);
  });

  it('flags the Node entry @smarter/files/node (its fs import), bundled the same way', async () => {
    const dir = join(REPO_ROOT, 'packages', 'smarter', 'files');
    const { code } = await bundle({ source: "export * from '@smarter/files/node';", resolveDir: dir }, 'browser', { keepNodeImports: true });
    expect(browserProblems(code).map((p) => p.rule)).toContain('node-import');
  });
});

interface Entry {
  specifier: string;
  dir: string;
}

/** Every public package's JS entries, from their package.json `exports`. */
function entries(): Entry[] {
  const found: Entry[] = [];
  for (const family of ['aerostack', 'smarter']) {
    const root = join(REPO_ROOT, 'packages', family);
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name);
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name: string; private?: boolean; exports: Record<string, unknown> };
      if (pkg.private) continue;
      for (const subpath of Object.keys(pkg.exports)) {
        if (subpath === './package.json') continue;
        const specifier = pkg.name + subpath.slice(1);
        if (specifier === '@smarter/files/node') continue;
        found.push({ specifier, dir });
      }
    }
  }
  return found;
}

const ENTRIES = entries();

it('finds the 18 packages (12 Aerostack, 6 Smarter) and their subpath entries', () => {
  expect(ENTRIES.map((e) => e.specifier)).toEqual([
    ...['ai', 'auth', 'cache', 'collections', 'collections/realtime', 'core', 'database', 'gateway', 'queue', 'realtime', 'sdk', 'services', 'storage'].map((n) => `@aerostack/${n}`),
    ...['chat', 'chatbots', 'core', 'files', 'fine-tuning', 'resources'].map((n) => `@smarter/${n}`),
  ]);
});

describe('the browser bundle of', () => {
  it.each(ENTRIES)('$specifier has no Node built-in, require, Buffer or unguarded process', async ({ specifier, dir }) => {
    // The package resolves its own name (its `exports`, the `import` condition): its dist/.
    const { code, inputs } = await bundle({ source: `export * from '${specifier}';`, resolveDir: dir }, 'browser', { keepNodeImports: true });
    expect(inputs.some((file) => file.startsWith(dir + sep + 'dist' + sep)), `no dist/ file of ${specifier} in the bundle: build it first`).toBe(true);
    expect(inputs.filter((file) => file.includes(`${sep}src${sep}`))).toEqual([]);
    expect(browserProblems(code)).toEqual([]);
  });
});
