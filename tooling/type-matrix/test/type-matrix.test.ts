// The type-consumer matrix: every public package packed and installed with npm into an app outside
// the workspace, then its declarations type-checked as users' projects check them: strict, with
// skipLibCheck off, in every type environment (DOM; Node's types without DOM; workers-types without
// DOM; Deno) and every module resolution (bundler, node16, nodenext). A declaration that names a
// global one environment lacks (`BodyInit` with Node's types alone) fails its cells.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installApp, linkTypePackages, makeScratchRoot, MATRIX_DIR, packAll, publicPackages, removeScratch, typePackageVersion } from './helpers/app.js';
import { denoCheck } from './helpers/deno.js';
import { CELLS, type Cell, cellName, checkCell, IMPORTS_ESM, writeImportFiles } from './helpers/matrix.js';

const FIXTURES = join(MATRIX_DIR, 'fixtures');
const packages = publicPackages();
const specifiers = packages.flatMap((pkg) => pkg.specifiers);

const started = Date.now();
const timings: [string, number][] = [];
let root = '';
let app = '';
let denoApp = '';
let tarballs: string[] = [];

beforeAll(async () => {
  root = makeScratchRoot();
  let t = Date.now();
  tarballs = await packAll(packages, join(root, 'tarballs'));
  timings.push([`pnpm pack ×${tarballs.length}`, Date.now() - t]);
  t = Date.now();
  app = await installApp(root, 'app', tarballs);
  linkTypePackages(app);
  // Deno's own app: a Deno project has no @types/node of ours in its node_modules.
  denoApp = await installApp(root, 'deno-app', tarballs);
  timings.push(['npm install ×2', Date.now() - t]);
  for (const dir of [app, denoApp]) {
    writeImportFiles(dir, specifiers);
    cpSync(FIXTURES, dir, { recursive: true });
  }
});

afterAll(() => {
  if (app) console.log(`type packages: @types/node ${typePackageVersion(app, '@types/node')}, @cloudflare/workers-types ${typePackageVersion(app, '@cloudflare/workers-types')}`);
  const lines = timings.map(([what, ms]) => `${what.padEnd(72)} ${(ms / 1000).toFixed(1).padStart(5)} s`);
  console.log(`type matrix timings:\n${lines.join('\n')}\n${'total'.padEnd(72)} ${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s`);
  if (root) removeScratch(root);
});

describe('the app', () => {
  it('has every public package from its tarball, and nothing else (npm installed offline)', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> };
    const installed = Object.entries(lock.packages).filter(([path]) => path !== '');
    expect(installed.map(([path]) => path.replace(/^node_modules\//, '')).sort()).toEqual(packages.map((pkg) => pkg.name).sort());
    for (const [path, entry] of installed) expect(entry.resolved, path).toMatch(/^file:/);
  });

  it('imports every entry point, and the consumer makes a typed call into every package', () => {
    expect(specifiers).toContain('@smarter/files/node');
    const imports = readFileSync(join(app, IMPORTS_ESM), 'utf8');
    const consumer = readFileSync(join(FIXTURES, 'consumer.ts'), 'utf8');
    for (const specifier of specifiers) expect(imports, specifier).toContain(`from '${specifier}'`);
    for (const { name } of packages) expect(consumer, `fixtures/consumer.ts imports nothing from ${name}`).toMatch(new RegExp(`from '${name}(/[^']*)?';`));
  });
});

// The checks below run two at a time (vitest.config.ts: maxConcurrency), each a child process.
describe.concurrent('tsc --noEmit (strict, skipLibCheck off) over every entry point and the consumer; deno check', () => {
  it.for(CELLS.map((cell): [string, Cell] => [cellName(cell), cell]))('%s', async ([name, cell], { expect }) => {
    const result = await checkCell(app, cell);
    timings.push([`tsc: ${name}`, result.ms]);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  it('deno check: every entry point, the consumer and the packages’ declarations, with Deno’s own types', async ({ expect }) => {
    const result = await denoCheck(denoApp, [IMPORTS_ESM, 'consumer.ts'], join(root, 'deno-dir'));
    timings.push(['deno check --all', result.ms]);
    expect(result.output).not.toMatch(/error/i);
    expect(result.code).toBe(0);
  });
});
