// The scratch app a user would have: every public package packed with `pnpm pack`, installed with
// `npm install` from the tarballs into a folder outside the workspace (nothing fetched), then the
// pinned type packages this package depends on linked beside them.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOrThrow } from './run.js';

export const MATRIX_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const REPO_ROOT = join(MATRIX_DIR, '..', '..');

export interface PublicPackage {
  name: string;
  /** Relative to the repository root, e.g. `packages/aerostack/cache`. */
  dir: string;
  /** The `exports` keys, as specifiers: `@smarter/files`, `@smarter/files/node`, ... (not ./package.json). */
  specifiers: string[];
}

interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, unknown>;
}

/** The published packages: every package.json under packages/<platform>/<name> that is not private. */
export function publicPackages(): PublicPackage[] {
  const found: PublicPackage[] = [];
  for (const platform of readdirSync(join(REPO_ROOT, 'packages'), { withFileTypes: true })) {
    if (!platform.isDirectory()) continue;
    for (const name of readdirSync(join(REPO_ROOT, 'packages', platform.name))) {
      const dir = `packages/${platform.name}/${name}`;
      const file = join(REPO_ROOT, dir, 'package.json');
      if (!existsSync(file)) continue;
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
      if (manifest.private) continue;
      const keys = Object.keys(manifest.exports ?? { '.': '' }).filter((key) => key !== './package.json');
      found.push({ name: manifest.name, dir, specifiers: keys.map((key) => (key === '.' ? manifest.name : `${manifest.name}${key.slice(1)}`)) });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/** The type packages the matrix needs, as pinned in this package's devDependencies (and @types/node's own dependency). */
const TYPE_PACKAGES = ['@types/node', '@cloudflare/workers-types'] as const;

function installedDir(name: string, from: string): string {
  return dirname(realpathSync(createRequire(join(from, 'package.json')).resolve(`${name}/package.json`)));
}

export function makeScratchRoot(): string {
  return mkdtempSync(join(tmpdir(), 'aerostack-type-matrix-'));
}

export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/** `pnpm pack` of each package (in the workspace, so that `workspace:` ranges are rewritten) into `destination`. */
export async function packAll(packages: PublicPackage[], destination: string): Promise<string[]> {
  mkdirSync(destination, { recursive: true });
  const tarballs: string[] = [];
  for (const pkg of packages) {
    const { output } = await runOrThrow('pnpm', ['pack', '--json', '--pack-destination', destination], { cwd: join(REPO_ROOT, pkg.dir) });
    tarballs.push((JSON.parse(output) as { filename: string }).filename);
  }
  return tarballs;
}

/** A new app `root/<name>` with the tarballs installed by npm, offline (nothing may come from a registry). */
export async function installApp(root: string, name: string, tarballs: string[]): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
  await runOrThrow('npm', ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', ...tarballs], { cwd: dir });
  return dir;
}

/**
 * Links the pinned type packages into the app's node_modules, where a user's project has them. Done
 * after npm (which would prune what its lockfile does not hold); TypeScript follows the links to the
 * real folders, where @types/node finds its undici-types beside it.
 */
export function linkTypePackages(app: string): void {
  for (const name of TYPE_PACKAGES) {
    const link = join(app, 'node_modules', name);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(installedDir(name, MATRIX_DIR), link, 'dir');
  }
}

/** The version of a type package as linked into the app. */
export function typePackageVersion(app: string, name: (typeof TYPE_PACKAGES)[number]): string {
  return (JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}
