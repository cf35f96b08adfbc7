// Part 2, installing like a user: the released tarballs into a fresh app outside the workspace with
// `npm install`, then the smoke program against the emulator, every entry point through ESM `import`
// and CJS `require`, and the types through TypeScript's node16 and bundler resolution.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addFiles, createApp, npmInstall, runJSON } from './helpers/app.js';
import { useEmulator } from './helpers/emulator.js';
import { readPackedManifest } from './helpers/pack.js';
import { REALTIME_STEPS, SMOKE_STEPS, runRealtimeSmoke, runSmoke } from './helpers/smoke.js';
import { typecheck, writeImportFiles } from './helpers/typescript.js';

const rehearsal = inject('rehearsal');
const target = useEmulator();

let app = '';
let installMs = 0;
/** `@aerostack/cache`, `@smarter/files/node`, ...: every export of every package but ./package.json. */
const specifiers: string[] = [];

beforeAll(async () => {
  for (const { tarball } of rehearsal.released) {
    const { name, exports = {} } = await readPackedManifest(tarball);
    specifiers.push(...Object.keys(exports).filter((key) => key !== './package.json').map((key) => (key === '.' ? name : `${name}${key.slice(1)}`)));
  }
  app = createApp(rehearsal.root, 'user-app');
  installMs = await npmInstall(app, rehearsal.released.map((p) => p.tarball));
  console.log(`npm install of ${rehearsal.released.length} tarballs: ${installMs} ms`);
});

describe('installed with npm in an app of its own', () => {
  it('comes from the tarballs alone: nothing fetched from the registry, no third-party package', () => {
    const lock = JSON.parse(readFileSync(join(app, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; resolved?: string }> };
    const installed = Object.entries(lock.packages).filter(([path]) => path !== '');
    expect(installed.map(([path, entry]) => `${path.replace(/^node_modules\//, '')}@${entry.version}`).sort()).toEqual(rehearsal.released.map((p) => `${p.name}@${p.version}`).sort());
    for (const [path, entry] of installed) expect(entry.resolved, path).toMatch(/^file:/);
  });

  it('passes every step of the smoke program against the emulator', async () => {
    const report = await runSmoke(app, target());
    expect(report.steps.filter((step) => !step.ok)).toEqual([]);
    expect(report.steps.map((step) => step.name)).toEqual(SMOKE_STEPS);
    expect(report.ok).toBe(true);
  });

  it('passes the realtime program on Node 22 (its global WebSocket): table changes, events, history, a refused key', async () => {
    const { aerostackURL, aerostackKey } = target();
    // The table the program writes to (it never runs DDL: the real platform refuses it).
    const created = await fetch(`${aerostackURL}/db/query`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-aerostack-key': aerostackKey }, body: JSON.stringify({ sql: 'CREATE TABLE rehearsal_live (id INTEGER PRIMARY KEY, name TEXT NOT NULL)' }) });
    expect(created.status).toBe(200);
    const report = await runRealtimeSmoke(app, target(), 'rehearsal_live');
    expect(report.version).toMatch(/^v22\./);
    expect(report.steps.filter((step) => !step.ok)).toEqual([]);
    expect(report.steps.map((step) => step.name)).toEqual(REALTIME_STEPS);
  });

  it('loads every entry point with ESM import and with CJS require, with the same exports', async () => {
    addFiles(app, ['user-app/import-all.mjs', 'user-app/require-all.cjs']);
    const esm = await runJSON<Record<string, string[]>>(app, ['import-all.mjs', ...specifiers]);
    const cjs = await runJSON<Record<string, string[]>>(app, ['require-all.cjs', ...specifiers]);
    expect(Object.keys(esm).sort()).toEqual([...specifiers].sort());
    for (const specifier of specifiers) expect(esm[specifier]?.length, specifier).toBeGreaterThan(0);
    expect(cjs).toEqual(esm);
  });

  it('resolves the types: node16 (ESM and CJS files) and bundler, the declarations checked too', async () => {
    const { esm, cjs } = writeImportFiles(app, specifiers);
    addFiles(app, ['user-app/usage.ts']);
    await typecheck(app, 'node16', [esm, cjs, 'usage.ts']);
    await typecheck(app, 'bundler', [esm, 'usage.ts']);
  });
});
