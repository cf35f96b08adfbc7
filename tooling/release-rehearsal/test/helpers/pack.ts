// `pnpm pack`, and what is inside the tarballs it writes.
import { statSync } from 'node:fs';
import { run } from './run.js';
import type { PackageManifest } from './workspace.js';

export interface PackedPackage {
  name: string;
  version: string;
  tarball: string;
  bytes: number;
}

/** `pnpm pack` run in `packageDir` (inside its workspace, so that `workspace:` ranges get rewritten). */
export async function pack(packageDir: string, destination: string): Promise<PackedPackage> {
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], { cwd: packageDir });
  const { name, version, filename } = JSON.parse(stdout) as { name: string; version: string; filename: string };
  return { name, version, tarball: filename, bytes: statSync(filename).size };
}

/** The paths inside a tarball, without npm's `package/` prefix. */
export async function listTarball(tarball: string): Promise<string[]> {
  const { stdout } = await run('tar', ['-tzf', tarball], { cwd: '/' });
  return stdout
    .split('\n')
    .filter(Boolean)
    .map((entry) => entry.replace(/^package\//, ''));
}

/** The package.json as published (after pnpm's rewriting), read from the tarball itself. */
export async function readPackedManifest(tarball: string): Promise<PackageManifest> {
  const { stdout } = await run('tar', ['-xzOf', tarball, 'package/package.json'], { cwd: '/' });
  return JSON.parse(stdout) as PackageManifest;
}

/** One file of a tarball, as text (`path` without npm's `package/` prefix). */
export async function readPackedFile(tarball: string, path: string): Promise<string> {
  const { stdout } = await run('tar', ['-xzOf', tarball, `package/${path}`], { cwd: '/' });
  return stdout;
}
