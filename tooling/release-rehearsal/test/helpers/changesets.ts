// The pending changesets, and what `changeset version` should make of them: an independent model
// of the rules in .changeset/config.json, to hold the real command's result against.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Bump, bumpVersion, maxBump, satisfies, workspaceRange } from './semver.js';
import { type WorkspacePackage, runtimeDependencies } from './workspace.js';

export interface PendingChangeset {
  file: string;
  releases: Record<string, Bump>;
  summary: string;
}

export interface ChangesetConfig {
  updateInternalDependencies: 'patch' | 'minor';
  fixed: string[][];
  linked: string[][];
  ignore: string[];
  privatePackages?: { version?: boolean; tag?: boolean };
  ___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH?: { onlyUpdatePeerDependentsWhenOutOfRange?: boolean };
}

export interface ExpectedRelease {
  name: string;
  from: string;
  to: string;
  /** The pending changesets naming this package. */
  changesets: PendingChangeset[];
  /** The released packages it depends on (an "Updated dependencies" entry in its changelog). */
  updatedDependencies: string[];
}

/** The `changeset` binary of this package's own @changesets/cli. */
export function changesetBin(): string {
  const manifestPath = createRequire(import.meta.url).resolve('@changesets/cli/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  return join(dirname(manifestPath), manifest.bin['changeset'] ?? 'bin.js');
}

export function readChangesetConfig(root: string): ChangesetConfig {
  return JSON.parse(readFileSync(join(root, '.changeset', 'config.json'), 'utf8')) as ChangesetConfig;
}

export function readPendingChangesets(root: string): PendingChangeset[] {
  const dir = join(root, '.changeset');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.md') && file !== 'README.md')
    .map((file) => {
      const text = readFileSync(join(dir, file), 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`.changeset/${file}: no front matter`);
      const releases: Record<string, Bump> = {};
      for (const line of (match[1] ?? '').split('\n').filter((l) => l.trim())) {
        const entry = /^\s*["']([^"']+)["']\s*:\s*(major|minor|patch)\s*$/.exec(line);
        if (!entry) throw new Error(`.changeset/${file}: cannot read "${line}"`);
        releases[entry[1] ?? ''] = entry[2] as Bump;
      }
      return { file, releases, summary: (match[2] ?? '').trim() };
    });
}

/**
 * Every public package that should be released, and at which version: its own changesets' largest
 * bump, and at least a patch when a package it depends on at runtime is released at a version its
 * range does not admit (`workspace:^` on 0.0.0 does not admit 0.1.0; `>=0.0.0 <1.0.0` does).
 * Private packages are left alone (`privatePackages.version: false`).
 */
export function expectedReleases(packages: WorkspacePackage[], changesets: PendingChangeset[], config: ChangesetConfig): Map<string, ExpectedRelease> {
  const peersInRangeStay = config.___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH?.onlyUpdatePeerDependentsWhenOutOfRange === true;
  const hasPeers = packages.some((pkg) => Object.keys(pkg.manifest.peerDependencies ?? {}).some((dep) => versionOfName(packages, dep) !== undefined));
  if (hasPeers && !peersInRangeStay) throw new Error('internal peer dependencies need onlyUpdatePeerDependentsWhenOutOfRange in .changeset/config.json (else changesets gives their dependents a major): set it, or extend this model');
  if (config.updateInternalDependencies !== 'patch' || config.fixed.length || config.linked.length || config.ignore.length) {
    throw new Error('this model covers updateInternalDependencies "patch" with no fixed, linked or ignored packages: extend it first');
  }
  const versionsPrivate = config.privatePackages?.version ?? true;
  const candidates = packages.filter((pkg) => versionsPrivate || !pkg.manifest.private);
  const bumps = new Map<string, Bump>();
  for (const changeset of changesets) {
    for (const [name, bump] of Object.entries(changeset.releases)) bumps.set(name, maxBump(bumps.get(name), bump));
  }
  const versionOf = new Map(packages.map((pkg) => [pkg.manifest.name, pkg.manifest.version]));
  /** Whether `dep`'s next version leaves the range `spec` (changesets' default `updateInternalDependents: "out-of-range"`). */
  const leaves = (dep: string, spec: string): boolean => {
    const bump = bumps.get(dep);
    const current = versionOf.get(dep);
    return Boolean(bump && current && !satisfies(bumpVersion(current, bump), workspaceRange(spec, current)));
  };
  // Dependents of packages released out of their range, transitively, until nothing changes.
  for (let changed = true; changed; ) {
    changed = false;
    for (const pkg of candidates) {
      const released = Object.entries(runtimeDependencies(pkg.manifest)).some(([dep, spec]) => leaves(dep, spec));
      // A peer released out of its range makes its dependents a major (changesets' rule for peers).
      const peerLeft = Object.entries(pkg.manifest.peerDependencies ?? {}).some(([dep, spec]) => leaves(dep, spec));
      const wanted: Bump = peerLeft ? 'major' : 'patch';
      const had = bumps.get(pkg.manifest.name);
      if (released && maxBump(had, wanted) !== had) {
        bumps.set(pkg.manifest.name, maxBump(had, wanted));
        changed = true;
      }
    }
  }
  const releases = new Map<string, ExpectedRelease>();
  for (const pkg of candidates) {
    const bump = bumps.get(pkg.manifest.name);
    if (!bump) continue;
    releases.set(pkg.manifest.name, {
      name: pkg.manifest.name,
      from: pkg.manifest.version,
      to: bumpVersion(pkg.manifest.version, bump),
      changesets: changesets.filter((c) => pkg.manifest.name in c.releases),
      // A peer dependency released within its range is no update of its dependents
      // (`onlyUpdatePeerDependentsWhenOutOfRange`, .changeset/config.json); without that option
      // changesets gives the dependents of any released peer a major.
      updatedDependencies: Object.keys(runtimeDependencies(pkg.manifest)).filter((dep) => {
        const peer = pkg.manifest.peerDependencies?.[dep];
        return bumps.has(dep) && (peer === undefined || leaves(dep, peer));
      }),
    });
  }
  return releases;
}

const versionOfName = (packages: WorkspacePackage[], name: string): string | undefined => packages.find((pkg) => pkg.manifest.name === name)?.manifest.version;
