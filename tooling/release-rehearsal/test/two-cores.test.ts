// Part 4, two copies of the core in one app: the app pins the current @aerostack/core (packed before
// versioning) while @aerostack/cache and @aerostack/storage, as released, get the new one nested
// under them, the layout npm makes when the app's copy is outside their range. Errors made by one
// copy must pass `instanceof` against the classes of the other, with ESM and with CJS.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { addFiles, createApp, npmInstall, npmLs, occurrences, runJSON } from './helpers/app.js';
import { useEmulator } from './helpers/emulator.js';
import { typecheck } from './helpers/typescript.js';

const rehearsal = inject('rehearsal');
const target = useEmulator();

const tarballOf = (packages: typeof rehearsal.released, name: string): string => {
  const found = packages.find((p) => p.name === name);
  if (!found) throw new Error(`the rehearsal packed no ${name}`);
  return found.tarball;
};
const appCore = rehearsal.preRelease.find((p) => p.name === '@aerostack/core');
const releasedCore = rehearsal.released.find((p) => p.name === '@aerostack/core');
const NESTING = ['@aerostack/cache', '@aerostack/storage'];

let app = '';

beforeAll(async () => {
  // The released core reaches npm through `overrides` (a registry would serve it otherwise).
  const nested = `file:${tarballOf(rehearsal.released, '@aerostack/core')}`;
  app = createApp(rehearsal.root, 'two-cores-app', {
    dependencies: {
      '@aerostack/core': `file:${tarballOf(rehearsal.preRelease, '@aerostack/core')}`,
      ...Object.fromEntries(NESTING.map((name) => [name, `file:${tarballOf(rehearsal.released, name)}`])),
    },
    overrides: Object.fromEntries(NESTING.map((name) => [name, { '@aerostack/core': nested }])),
  });
  await npmInstall(app);
  addFiles(app, ['two-cores/checks.cjs', 'two-cores/esm.mjs', 'two-cores/cjs.cjs', 'two-cores/usage.ts']);
});

describe('two versions of @aerostack/core in one app', () => {
  it('installs the app’s core at the top and the released one under each package (npm ls)', async () => {
    expect(appCore?.version, 'the rehearsal must release a new core').not.toBe(releasedCore?.version);
    expect(occurrences(await npmLs(app), '@aerostack/core')).toEqual({
      '@aerostack/core': appCore?.version,
      ...Object.fromEntries(NESTING.map((name) => [`${name} > @aerostack/core`, releasedCore?.version])),
    });
  });

  it('type-checks the app’s client passed to packages typed against the nested core, and their results in the app’s types', async () => {
    // Issue 14: with a `#private` member in APIPromise's declared type, tsc --strict refused this with TS2345.
    await typecheck(app, 'node16', ['usage.ts']);
  });

  it.each(['esm.mjs', 'cjs.cjs'])('errors from one copy pass instanceof against the other’s classes (%s)', async (program) => {
    const checks = await runJSON<Record<string, boolean>>(app, [program, JSON.stringify(target())]);
    expect(Object.keys(checks).length).toBeGreaterThan(10);
    expect(checks).toEqual(Object.fromEntries(Object.keys(checks).map((name) => [name, true])));
  });
});
