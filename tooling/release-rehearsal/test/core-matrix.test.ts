// Part 3, the core matrix: every service as released, installed from the tarballs beside
// (a) the OLDEST @aerostack/core and @smarter/core their ranges allow (among the cores packed before
// and after versioning), (b) the cores as released, (c) the released cores re-versioned as the next
// minor with one new export; each with npm and with pnpm. In each of the six apps: one copy of each
// core, a strict tsc (declarations checked) of one call per operation with the app's client, and
// the smoke program against the emulator.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addFiles, createApp, npmInstall, npmLs, occurrences, pnpmInstall, runJSON } from './helpers/app.js';
import { useEmulator } from './helpers/emulator.js';
import { nextMinor, nextMinorExport } from './helpers/next-minor.js';
import { type CoreChoice, oldestAllowed } from './helpers/oldest-core.js';
import { listOperations, writeOperationsFixture } from './helpers/operations.js';
import { type PackedPackage, readPackedManifest } from './helpers/pack.js';
import { CORE_PACKAGES } from './helpers/rehearse.js';
import { satisfies } from './helpers/semver.js';
import { SMOKE_STEPS, runSmoke } from './helpers/smoke.js';
import { typecheck } from './helpers/typescript.js';
import { type PackageManifest, runtimeDependencies } from './helpers/workspace.js';

const rehearsal = inject('rehearsal');
const target = useEmulator();

const services = rehearsal.released.filter((p) => !CORE_PACKAGES.includes(p.name));
const releasedCores = rehearsal.released.filter((p) => CORE_PACKAGES.includes(p.name));
const CASES = ['oldest', 'released', 'next minor'] as const;
type Case = (typeof CASES)[number];
const MANAGERS = ['npm', 'pnpm'] as const;

const cores = new Map<Case, PackedPackage[]>();
const oldest = new Map<string, CoreChoice>();
let manifests: PackageManifest[] = [];
let operations: Record<string, string[]> = {};

/** Whether core `a`'s released manifest depends on core `b` (from the rehearsal's versioned copy). */
function dependsOn(a: string, b: string): boolean {
  const manifest = rehearsal.after.find((pkg) => pkg.manifest.name === a)?.manifest;
  return Boolean(manifest && b in runtimeDependencies(manifest));
}

beforeAll(async () => {
  manifests = await Promise.all(services.map((p) => readPackedManifest(p.tarball)));
  // A core that another core depends on is chosen last, once the range of the chosen dependent core is known.
  const known = [...manifests];
  const candidates = [...rehearsal.preRelease, ...releasedCores];
  const pending = [...CORE_PACKAGES];
  while (pending.length) {
    const next = pending.find((name) => !pending.some((other) => other !== name && dependsOn(other, name)));
    if (!next) throw new Error('the cores depend on each other');
    const choice = oldestAllowed(next, known, candidates);
    oldest.set(next, choice);
    known.push(await readPackedManifest(choice.core.tarball));
    pending.splice(pending.indexOf(next), 1);
  }
  cores.set('oldest', [...oldest.values()].map((c) => c.core));
  cores.set('released', releasedCores);
  const nextDir = join(rehearsal.root, 'tarballs', 'next-minor');
  cores.set('next minor', await Promise.all(releasedCores.map((core) => nextMinor(core, nextDir))));
});

describe('the cores a release admits', () => {
  it('has the oldest core each range allows, and the next minor within every range', () => {
    for (const [name, { core, ranges }] of oldest) {
      const which = rehearsal.preRelease.some((p) => p.tarball === core.tarball) ? 'the current version, packed before versioning' : 'the version the rehearsal released';
      console.log(`${name}: oldest allowed by ${[...new Set(Object.values(ranges))].join(', ')} is ${core.version} (${which})`);
    }
    for (const core of cores.get('next minor') ?? []) {
      for (const manifest of manifests) {
        const range = runtimeDependencies(manifest)[core.name];
        if (range) expect(satisfies(core.version, range), `${manifest.name} → ${core.name}@${range} admits ${core.version}`).toBe(true);
      }
    }
  });
});

describe.each(CASES)('every service beside the %s cores', (which) => {
  it.each(MANAGERS)('installs one copy of each core with %s, type-checks one call per operation, passes the smoke program', async (manager) => {
    const chosen = cores.get(which) ?? [];
    const app = createApp(rehearsal.root, `core-matrix-${which.replace(' ', '-')}-${manager}`);
    const packages = [...services, ...chosen];
    const ms = manager === 'npm' ? await npmInstall(app, packages.map((p) => p.tarball)) : await pnpmInstall(app, packages);

    // One copy of each core, at the chosen version.
    if (manager === 'npm') {
      const tree = await npmLs(app);
      for (const core of chosen) expect(new Set(Object.values(occurrences(tree, core.name))), `${core.name} in npm ls`).toEqual(new Set([core.version]));
    } else {
      const store = readdirSync(join(app, 'node_modules', '.pnpm'));
      for (const core of chosen) {
        const copies = store.filter((dir) => dir.startsWith(`${core.name.replace('/', '+')}@`));
        expect(copies, `${core.name} in node_modules/.pnpm`).toEqual([expect.stringContaining(core.tarball.split('/').pop() ?? '?')]);
      }
    }
    if (which === 'next minor') {
      addFiles(app, ['user-app/import-all.mjs']);
      const names = await runJSON<Record<string, string[]>>(app, ['import-all.mjs', ...CORE_PACKAGES]);
      for (const core of CORE_PACKAGES) expect(names[core], core).toContain(nextMinorExport(core));
    }

    if (!Object.keys(operations).length) {
      operations = await listOperations(app, services.map((p) => p.name));
      // Every service package has operations (the facade, mostly classes, need not).
      expect(Object.entries(operations).filter(([pkg, ops]) => !ops.length && pkg !== '@aerostack/sdk').map(([pkg]) => pkg)).toEqual([]);
    }
    const fixture = writeOperationsFixture(app, operations);
    const started = Date.now();
    await typecheck(app, 'bundler', [fixture]);
    const tscMs = Date.now() - started;

    const report = await runSmoke(app, target());
    expect(report.steps.filter((step) => !step.ok)).toEqual([]);
    expect(report.steps.map((step) => step.name)).toEqual(SMOKE_STEPS);
    console.log(`${which} cores (${chosen.map((c) => `${c.name}@${c.version}`).join(', ')}), ${manager}: install ${ms} ms, tsc ${tscMs} ms, ${Object.values(operations).flat().length} operations`);
  });
});
