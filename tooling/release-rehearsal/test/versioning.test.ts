// Part 1a, what a maintainer reviews after `changeset version` (run on a scratch copy by the global
// setup): the right packages at the right versions, a changelog entry for each, private packages
// untouched, the changesets consumed, and nothing else changed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { expectedReleases } from './helpers/changesets.js';
import { publicPackages } from './helpers/workspace.js';

const rehearsal = inject('rehearsal');
const expected = expectedReleases(rehearsal.before, rehearsal.changesets, rehearsal.config);
const releasedDirs = rehearsal.before.filter((pkg) => expected.has(pkg.manifest.name)).map((pkg) => pkg.dir);

/** The changelog section of one version: from its `## x.y.z` heading to the next one. */
function changelogSection(dir: string, version: string): string {
  const changelog = readFileSync(join(rehearsal.repo, dir, 'CHANGELOG.md'), 'utf8');
  const start = changelog.indexOf(`\n## ${version}\n`);
  if (start < 0) return '';
  const next = changelog.indexOf('\n## ', start + 1);
  return changelog.slice(start, next < 0 ? undefined : next);
}

describe('changeset version', () => {
  it('has pending changesets to release', () => {
    expect(rehearsal.changesets.length).toBeGreaterThan(0);
  });

  it('gives every public package the version its changesets and updated dependencies call for', () => {
    const versions = (packages: typeof rehearsal.after) => Object.fromEntries(publicPackages(packages).map((pkg) => [pkg.manifest.name, pkg.manifest.version]));
    const wanted = Object.fromEntries(Object.entries(versions(rehearsal.before)).map(([name, version]) => [name, expected.get(name)?.to ?? version]));
    expect(versions(rehearsal.after)).toEqual(wanted);
  });

  it('writes a CHANGELOG.md entry for each release: its changesets, and the internal dependencies it was bumped for', () => {
    for (const release of expected.values()) {
      const dir = rehearsal.before.find((pkg) => pkg.manifest.name === release.name)?.dir ?? '';
      const section = changelogSection(dir, release.to);
      expect(section, `${release.name}: no "## ${release.to}" in its CHANGELOG.md`).not.toBe('');
      for (const changeset of release.changesets) expect(section, `${release.name}: .changeset/${changeset.file}`).toContain(changeset.summary.split('\n')[0]);
      if (release.updatedDependencies.length) expect(section).toContain('Updated dependencies');
      for (const dep of release.updatedDependencies) expect(section, `${release.name}: updated ${dep}`).toContain(`- ${dep}@${expected.get(dep)?.to}`);
    }
  });

  it('keeps each internal dependency as a workspace range, or one that accepts the new version', () => {
    // `workspace:` ranges are resolved by `pnpm pack` (see packing.test.ts); an explicit range
    // must have been raised by changesets to the version released alongside.
    const versionOf = new Map(rehearsal.after.map((pkg) => [pkg.manifest.name, pkg.manifest.version]));
    for (const pkg of publicPackages(rehearsal.after)) {
      for (const [dep, range] of Object.entries(pkg.manifest.dependencies ?? {})) {
        if (!versionOf.has(dep)) continue;
        expect(range.startsWith('workspace:') || range.endsWith(versionOf.get(dep) ?? ''), `${pkg.manifest.name} → ${dep}@${range}`).toBe(true);
      }
    }
  });

  it('keeps the ranges declared on the cores as written (pnpm version-packages puts back what changesets rewrites)', () => {
    const declared = (packages: typeof rehearsal.before) =>
      publicPackages(packages).flatMap((pkg) => Object.entries(pkg.manifest.dependencies ?? {}).filter(([, spec]) => /^workspace:>=\S+ <\S+$/.test(spec)).map(([dep, spec]) => `${pkg.manifest.name} → ${dep}@${spec}`));
    expect(declared(rehearsal.before).length).toBeGreaterThan(0);
    expect(declared(rehearsal.after)).toEqual(declared(rehearsal.before));
  });

  it('leaves the private packages untouched', () => {
    const privateBefore = rehearsal.before.filter((pkg) => pkg.manifest.private);
    expect(privateBefore.length).toBeGreaterThan(0);
    for (const pkg of privateBefore) {
      expect(rehearsal.after.find((p) => p.dir === pkg.dir)?.manifestText, pkg.dir).toBe(pkg.manifestText);
      expect(rehearsal.changedFiles.filter((line) => line.slice(3).startsWith(`${pkg.dir}/`))).toEqual([]);
    }
  });

  it('consumes every pending changeset', () => {
    expect(readdirSync(join(rehearsal.repo, '.changeset')).filter((file) => file.endsWith('.md') && file !== 'README.md')).toEqual([]);
  });

  it('changes nothing but the released packages’ package.json and CHANGELOG.md, and the changesets', () => {
    // `git status --porcelain` lines are "XY path"; a CHANGELOG.md may be new (??) or modified ( M).
    const changed = rehearsal.changedFiles.map((line) => line.slice(3)).sort();
    const wanted = [...rehearsal.changesets.map((changeset) => `.changeset/${changeset.file}`), ...releasedDirs.flatMap((dir) => [`${dir}/CHANGELOG.md`, `${dir}/package.json`])];
    expect(changed).toEqual(wanted.sort());
    expect(rehearsal.changedFiles.filter((line) => line.includes('.changeset/')).every((line) => line.startsWith(' D '))).toBe(true);
  });
});
