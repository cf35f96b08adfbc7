// Case (c) of the core matrix: a core tarball re-versioned as the next minor, with one new export,
// as the next core release would reach an app that keeps its services at their current versions.
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackedPackage } from './pack.js';
import { run } from './run.js';
import { bumpVersion } from './semver.js';
import type { PackageManifest } from './workspace.js';

/** The name of the export the next minor adds: `aerostackCoreNextMinor` for `@aerostack/core`. */
export function nextMinorExport(name: string): string {
  return name.replace(/[^a-z]+([a-z])/g, (_, c: string) => c.toUpperCase()) + 'NextMinor';
}

/** Every file the manifest's `exports` point at (JavaScript and declarations), without "./". */
function entryFiles(manifest: PackageManifest): string[] {
  const leaves = (value: unknown): string[] => (typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(leaves) : []);
  return [...new Set(leaves(manifest.exports).filter((file) => /\.(c?js|d\.c?ts)$/.test(file)))].map((file) => file.replace(/^\.\//, ''));
}

export async function nextMinor(core: PackedPackage, destination: string): Promise<PackedPackage> {
  const dir = join(destination, `${core.name.replace(/[@/]/g, '-')}-unpacked`);
  mkdirSync(dir, { recursive: true });
  await run('tar', ['-xzf', core.tarball, '-C', dir], { cwd: dir });
  const root = join(dir, 'package');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageManifest;
  const version = bumpVersion(manifest.version, 'minor');
  writeFileSync(join(root, 'package.json'), `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
  const name = nextMinorExport(core.name);
  for (const file of entryFiles(manifest)) {
    const line = file.endsWith('.cjs') ? `module.exports.${name} = '${version}';` : file.includes('.d.') ? `export declare const ${name}: string;` : `export const ${name} = '${version}';`;
    appendFileSync(join(root, file), `\n${line}\n`);
  }
  const tarball = join(destination, `${core.name.slice(1).replace('/', '-')}-${version}.tgz`);
  await run('tar', ['-czf', tarball, '-C', dir, 'package'], { cwd: dir });
  return { name: core.name, version, tarball, bytes: readFileSync(tarball).length };
}
