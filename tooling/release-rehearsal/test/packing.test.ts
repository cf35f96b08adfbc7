// Part 1b, the tarballs `pnpm pack` made from the versioned copy: one per public package, at its new
// version, with real ranges instead of `workspace:` ones, and exactly the files a user needs.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { listTarball, readPackedFile, readPackedManifest } from './helpers/pack.js';
import { CORE_PACKAGES } from './helpers/rehearse.js';
import { type PackageManifest, publicPackages, runtimeDependencies } from './helpers/workspace.js';

const rehearsal = inject('rehearsal');
const versionOf = new Map(rehearsal.after.map((pkg) => [pkg.manifest.name, pkg.manifest.version]));
const sourceOf = new Map(rehearsal.after.map((pkg) => [pkg.manifest.name, pkg.manifest]));

const packed = new Map<string, { manifest: PackageManifest; files: string[] }>();
beforeAll(async () => {
  for (const { name, tarball } of rehearsal.released) packed.set(name, { manifest: await readPackedManifest(tarball), files: await listTarball(tarball) });
});

/** The range `pnpm pack` writes for a `workspace:` one, given the dependency's version. */
function publishedRange(spec: string, version: string): string {
  const rest = spec.slice('workspace:'.length);
  if (rest === '*') return version;
  if (rest === '^' || rest === '~') return `${rest}${version}`;
  return rest;
}

/** Every file a manifest points at (main, module, types, every leaf of exports), without "./". */
function entryPoints(manifest: PackageManifest): string[] {
  const leaves = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : []);
  return [...new Set([manifest['main'], manifest['module'], manifest['types'], ...leaves(manifest.exports)])].filter((file): file is string => typeof file === 'string').map((file) => file.replace(/^\.\//, ''));
}

/** Sources, tests, build caches and configs: for the repository, not for users. */
const DEV_ONLY = /(^|\/)(src|test|tests|__tests__|node_modules|\.turbo|\.vitest|coverage)\/|\.test\.|tsconfig|vitest\.config|eslint\.config|tsup\.config/;

/** Whether `file` is shipped on purpose: listed in `files` (a file or a folder), or always included by npm. */
function allowedByFiles(file: string, files: string[]): boolean {
  if (file === 'package.json' || /^(README|LICEN[CS]E)(\.|$)/i.test(file)) return true;
  return files.some((entry) => {
    const clean = entry.replace(/^\.\//, '').replace(/\/$/, '');
    return file === clean || file.startsWith(`${clean}/`);
  });
}

describe('pnpm pack', () => {
  it('packs every public package, at its released version', () => {
    const expected = publicPackages(rehearsal.after).map((pkg) => `${pkg.manifest.name}@${pkg.manifest.version}`);
    expect(rehearsal.released.map((p) => `${p.name}@${p.version}`).sort()).toEqual(expected.sort());
  });

  it('leaves no workspace: range in any packed package.json', () => {
    for (const [name, { manifest }] of packed) expect(JSON.stringify(manifest), name).not.toContain('workspace:');
  });

  it('turns each internal workspace range into a real one on the version released alongside', () => {
    for (const [name, { manifest }] of packed) {
      const source = runtimeDependencies(sourceOf.get(name) ?? manifest);
      for (const [dep, range] of Object.entries(runtimeDependencies(manifest))) {
        const spec = source[dep] ?? '';
        if (spec.startsWith('workspace:')) expect(range, `${name} → ${dep}`).toBe(publishedRange(spec, versionOf.get(dep) ?? '?'));
      }
    }
  });

  it('ships dist/, README.md, LICENSE, package.json and CHANGELOG.md, and every entry point', () => {
    for (const [name, { manifest, files }] of packed) {
      expect(files.some((file) => file.startsWith('dist/')), `${name}: dist/`).toBe(true);
      expect(files, name).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json', 'CHANGELOG.md', ...entryPoints(manifest)]));
    }
  });

  it('ships nothing that `files` does not name: no src/, tests, build caches or configs', () => {
    for (const [name, { manifest, files }] of packed) {
      expect(files.filter((file) => !allowedByFiles(file, manifest.files ?? [])), name).toEqual([]);
      // Unless `files` names such a thing itself (then it is shipped on purpose).
      const deliberate = (file: string) => (manifest.files ?? []).some((entry) => DEV_ONLY.test(`${entry}/`) && allowedByFiles(file, [entry]));
      expect(files.filter((file) => DEV_ONLY.test(file) && !deliberate(file)), name).toEqual([]);
    }
  });

  it('declares the cores’ types with no private, protected or #private member (they would make them nominal: TS2345 across two copies)', async () => {
    for (const { name, tarball } of rehearsal.released.filter((p) => CORE_PACKAGES.includes(p.name))) {
      const declarations = (packed.get(name)?.files ?? []).filter((file) => /\.d\.c?ts$/.test(file));
      expect(declarations.length, name).toBeGreaterThan(0);
      for (const file of declarations) {
        const nominal = (await readPackedFile(tarball, file)).split('\n').filter((line) => /^\s*(#private\b|(readonly\s+)?(private|protected)\s)/.test(line) || /\b(private|protected)\s+(readonly\s+)?[\w$#]+\s*[:(;?]/.test(line));
        expect(nominal, `${name}/${file}`).toEqual([]);
      }
    }
  });

  afterAll(() => {
    // The figures quoted in the README.
    const table = rehearsal.released.map((p) => `${`${p.name}@${p.version}`.padEnd(30)} ${(p.bytes / 1024).toFixed(1).padStart(6)} kB  ${packed.get(p.name)?.files.length ?? '?'} files`);
    const total = rehearsal.released.reduce((sum, p) => sum + p.bytes, 0);
    console.log(`tarballs (gzipped):\n${table.join('\n')}\n${'total'.padEnd(30)} ${(total / 1024).toFixed(1).padStart(6)} kB\nrehearsal: copy + git ${rehearsal.timings.copy} ms, changeset version ${rehearsal.timings.version} ms, pnpm pack ×${rehearsal.released.length} ${rehearsal.timings.pack} ms`);
  });
});
