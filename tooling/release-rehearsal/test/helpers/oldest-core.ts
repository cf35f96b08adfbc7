// Which core tarball is the oldest that the released packages' ranges allow.
import type { PackedPackage } from './pack.js';
import { compareVersions, rangeFloor, satisfies } from './semver.js';
import { type PackageManifest, runtimeDependencies } from './workspace.js';

export interface CoreChoice {
  core: PackedPackage;
  /** `dependent → range` for every package that depends on this core. */
  ranges: Record<string, string>;
}

/**
 * The candidate (a tarball of `name`) whose version is the oldest that every dependent's range
 * allows: the highest of the range floors. Fails if no candidate has exactly that version.
 */
export function oldestAllowed(name: string, dependents: PackageManifest[], candidates: PackedPackage[]): CoreChoice {
  const ranges = Object.fromEntries(dependents.flatMap((m) => (runtimeDependencies(m)[name] ? [[m.name, runtimeDependencies(m)[name] ?? '']] : [])));
  const floors = Object.values(ranges).map(rangeFloor);
  if (!floors.length) throw new Error(`nothing depends on ${name}`);
  const floor = floors.reduce((a, b) => (compareVersions(a, b) >= 0 ? a : b));
  const core = candidates.find((c) => c.name === name && c.version === floor);
  if (!core) throw new Error(`the oldest ${name} the ranges allow is ${floor}, and the rehearsal packed no such version: ${JSON.stringify(ranges)}`);
  for (const [dependent, range] of Object.entries(ranges)) {
    if (!satisfies(core.version, range)) throw new Error(`${dependent} wants ${name}@${range}, not ${core.version}`);
  }
  return { core, ranges };
}
