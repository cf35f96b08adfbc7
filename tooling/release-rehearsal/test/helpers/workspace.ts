// The packages of a workspace (the real one or the scratch copy), from pnpm-workspace.yaml.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  files?: string[];
  exports?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  [field: string]: unknown;
}

export interface WorkspacePackage {
  /** Relative to the workspace root, e.g. `packages/aerostack/cache`. */
  dir: string;
  manifest: PackageManifest;
  /** The package.json text, to tell "untouched" from "rewritten the same". */
  manifestText: string;
}

/** The dependency fields that make a package a dependent for changesets (devDependencies do not). */
export const RUNTIME_DEPENDENCY_FIELDS = ['dependencies', 'peerDependencies', 'optionalDependencies'] as const;

export function runtimeDependencies(manifest: PackageManifest): Record<string, string> {
  return Object.fromEntries(RUNTIME_DEPENDENCY_FIELDS.flatMap((field) => Object.entries(manifest[field] ?? {})));
}

function workspaceGlobs(root: string): string[] {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const block = /^packages:\n((?:[ \t]+-.*\n?)+)/m.exec(yaml)?.[1] ?? '';
  return [...block.matchAll(/-\s*['"]?([^'"\n]+?)['"]?\s*$/gm)].map((m) => m[1] ?? '');
}

export function listWorkspacePackages(root: string): WorkspacePackage[] {
  const dirs = workspaceGlobs(root).flatMap((glob) => {
    if (glob.endsWith('/*')) {
      const parent = glob.slice(0, -2);
      return existsSync(join(root, parent)) ? readdirSync(join(root, parent)).map((name) => `${parent}/${name}`) : [];
    }
    if (glob.includes('*')) throw new Error(`unsupported workspace glob: ${glob}`);
    return [glob];
  });
  return dirs
    .filter((dir) => existsSync(join(root, dir, 'package.json')))
    .map((dir) => {
      const manifestText = readFileSync(join(root, dir, 'package.json'), 'utf8');
      return { dir, manifest: JSON.parse(manifestText) as PackageManifest, manifestText };
    });
}

export function publicPackages(packages: WorkspacePackage[]): WorkspacePackage[] {
  return packages.filter((pkg) => !pkg.manifest.private);
}
