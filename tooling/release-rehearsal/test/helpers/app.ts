// A user's app in a scratch folder, outside the workspace: its own package.json, packages from
// tarballs installed with npm, programs run from its folder.
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run, runNode } from './run.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** The flags of an install that must come entirely from our tarballs (nothing to fetch). */
const NPM_INSTALL_FLAGS = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'];

export interface NpmTreeNode {
  version: string;
  resolved?: string;
  dependencies?: Record<string, NpmTreeNode>;
}

export function createApp(root: string, name: string, manifest: Record<string, unknown> = {}): string {
  const dir = join(root, 'apps', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify({ name, version: '1.0.0', private: true, type: 'module', ...manifest }, null, 2)}\n`);
  return dir;
}

/** Copies files from test/fixtures (or an absolute path) into the app, flat. */
export function addFiles(app: string, files: string[]): void {
  for (const file of files) cpSync(file.startsWith('/') ? file : join(FIXTURES, file), join(app, basename(file)));
}

/** `npm install` of the given specs (tarball paths; none: the app's package.json). Returns the time it took. */
export async function npmInstall(app: string, specs: string[] = []): Promise<number> {
  const { ms } = await run('npm', ['install', ...NPM_INSTALL_FLAGS, ...specs], { cwd: app, timeoutMs: 240_000 });
  return ms;
}

/** `npm ls --all --json`: the installed tree. npm exits non-zero on an invalid or missing dependency. */
export async function npmLs(app: string): Promise<Record<string, NpmTreeNode>> {
  const { stdout } = await run('npm', ['ls', '--all', '--json', '--long'], { cwd: app });
  return (JSON.parse(stdout) as { dependencies?: Record<string, NpmTreeNode> }).dependencies ?? {};
}

/** Every place a package occurs in an `npm ls` tree, as `path → version`. */
export function occurrences(tree: Record<string, NpmTreeNode>, name: string, path = ''): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [dep, node] of Object.entries(tree)) {
    const here = path ? `${path} > ${dep}` : dep;
    if (dep === name) found[here] = node.version;
    Object.assign(found, occurrences(node.dependencies ?? {}, name, here));
  }
  return found;
}

/** Runs a program from the app's folder and parses the JSON it prints. */
export async function runJSON<T>(app: string, args: string[]): Promise<T> {
  const { stdout } = await runNode(app, args);
  return JSON.parse(stdout) as T;
}


/**
 * `pnpm install --offline` of tarballs into an app of its own (outside any workspace). The registry
 * is not asked: `overrides` in the app's pnpm-workspace.yaml stand in for it, resolving every
 * package to its tarball wherever a range names it (a service's core, the facade's services), so
 * the caller checks that each range admits the version given. Returns the time it took.
 */
export async function pnpmInstall(app: string, packages: { name: string; tarball: string }[]): Promise<number> {
  const specs = Object.fromEntries(packages.map((p) => [p.name, `file:${p.tarball}`]));
  const manifest = { name: basename(app), version: '1.0.0', private: true, type: 'module', dependencies: specs };
  writeFileSync(join(app, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  writeFileSync(join(app, 'pnpm-workspace.yaml'), `overrides:\n${Object.entries(specs).map(([name, spec]) => `  '${name}': '${spec}'\n`).join('')}`);
  const { ms } = await run('pnpm', ['install', '--offline', '--reporter=silent'], { cwd: app, timeoutMs: 240_000 });
  return ms;
}
