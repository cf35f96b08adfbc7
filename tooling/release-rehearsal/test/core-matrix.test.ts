// Part 3, the oldest core in range: the packages as released, installed together with the OLDEST
// @aerostack/core and @smarter/core their dependency ranges allow (among the cores packed before
// and after versioning), must still install cleanly and pass the smoke program.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type NpmTreeNode, createApp, npmInstall, npmLs, occurrences } from './helpers/app.js';
import { useEmulator } from './helpers/emulator.js';
import { type CoreChoice, oldestAllowed } from './helpers/oldest-core.js';
import { readPackedManifest } from './helpers/pack.js';
import { CORE_PACKAGES } from './helpers/rehearse.js';
import { SMOKE_STEPS, runSmoke } from './helpers/smoke.js';
import { type PackageManifest, runtimeDependencies } from './helpers/workspace.js';

const rehearsal = inject('rehearsal');
const target = useEmulator();

const services = rehearsal.released.filter((p) => !CORE_PACKAGES.includes(p.name));
const candidates = [...rehearsal.preRelease, ...rehearsal.released.filter((p) => CORE_PACKAGES.includes(p.name))];
const chosen = new Map<string, CoreChoice>();
let app = '';
let tree: Record<string, NpmTreeNode> = {};

beforeAll(async () => {
  const manifests: PackageManifest[] = await Promise.all(services.map((p) => readPackedManifest(p.tarball)));
  // A core that another core depends on is chosen last, once the range of the chosen dependent core is known.
  const pending = [...CORE_PACKAGES];
  while (pending.length) {
    const next = pending.find((name) => !pending.some((other) => other !== name && dependsOn(other, name)));
    if (!next) throw new Error('the cores depend on each other');
    const choice = oldestAllowed(next, manifests, candidates);
    chosen.set(next, choice);
    manifests.push(await readPackedManifest(choice.core.tarball));
    pending.splice(pending.indexOf(next), 1);
  }
  app = createApp(rehearsal.root, 'oldest-core-app');
  await npmInstall(app, [...services, ...[...chosen.values()].map((c) => c.core)].map((p) => p.tarball));
  tree = await npmLs(app);
});

/** Whether core `a`'s released manifest depends on core `b` (from the rehearsal's versioned copy). */
function dependsOn(a: string, b: string): boolean {
  const manifest = rehearsal.after.find((pkg) => pkg.manifest.name === a)?.manifest;
  return Boolean(manifest && b in runtimeDependencies(manifest));
}

describe('the released packages with the oldest cores their ranges allow', () => {
  it('installs exactly those core versions, once each (npm ls)', () => {
    for (const [name, { core, ranges }] of chosen) {
      const which = rehearsal.preRelease.some((p) => p.tarball === core.tarball) ? 'the current version, packed before versioning' : 'the version the rehearsal released';
      console.log(`${name}: oldest allowed by ${[...new Set(Object.values(ranges))].join(', ')} is ${core.version} (${which})`);
      const found = occurrences(tree, name);
      expect(Object.keys(found).length, name).toBeGreaterThan(0);
      expect(new Set(Object.values(found)), `${name} in npm ls: ${JSON.stringify(found)}`).toEqual(new Set([core.version]));
    }
  });

  it('passes every step of the smoke program against the emulator', async () => {
    const report = await runSmoke(app, target());
    expect(report.steps.filter((step) => !step.ok)).toEqual([]);
    expect(report.steps.map((step) => step.name)).toEqual(SMOKE_STEPS);
  });
});
