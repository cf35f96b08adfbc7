#!/usr/bin/env node
// Type-checks the README's examples: every ```ts block of ./README.md becomes a module under
// .readme-examples/ and `tsc` checks them with the package's sources, so a doc example that
// no longer compiles fails `pnpm typecheck`. Blocks fenced as ```ts nocheck are skipped.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const dir = process.cwd();
const out = join(dir, '.readme-examples');
const readme = readFileSync(join(dir, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
blocks.forEach((code, i) => writeFileSync(join(out, `example-${i + 1}.ts`), `${code}\nexport {};\n`));

const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
writeFileSync(
  join(out, 'tsconfig.json'),
  JSON.stringify({
    extends: '../tsconfig.json',
    compilerOptions: {
      noEmit: true,
      noUnusedLocals: false,
      // The package's own name resolves to its sources, so examples read as a user writes them.
      paths: { [pkg.name]: ['../src/index.ts'], [`${pkg.name}/*`]: ['../src/*.ts'] },
    },
    include: ['./*.ts'],
  }),
);
const tsc = createRequire(join(dir, 'package.json')).resolve('typescript/bin/tsc');
try {
  execFileSync(process.execPath, [tsc, '-p', join(out, 'tsconfig.json')], { stdio: 'inherit' });
} catch {
  console.error(`README examples of ${pkg.name} do not type-check (see .readme-examples/)`);
  process.exit(1);
}
console.log(`${blocks.length} README examples of ${pkg.name} type-check`);
