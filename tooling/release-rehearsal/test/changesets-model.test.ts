// The model versioning.test.ts holds `changeset version` against, on cases the repository's own
// changesets may not exercise (today every package has a changeset of its own).
import { describe, expect, it } from 'vitest';
import { type ChangesetConfig, type PendingChangeset, expectedReleases } from './helpers/changesets.js';
import type { WorkspacePackage } from './helpers/workspace.js';

const config: ChangesetConfig = { updateInternalDependencies: 'patch', fixed: [], linked: [], ignore: [], privatePackages: { version: false, tag: false } };

function pkg(name: string, dependencies: Record<string, string> = {}, extra: Partial<WorkspacePackage['manifest']> = {}): WorkspacePackage {
  const manifest = { name, version: '1.2.3', dependencies, ...extra };
  return { dir: name, manifest, manifestText: JSON.stringify(manifest) };
}

describe('expectedReleases', () => {
  const packages = [
    pkg('core'),
    pkg('service', { core: 'workspace:*' }),
    pkg('umbrella', { service: 'workspace:*' }),
    pkg('wide', { core: 'workspace:>=1.0.0 <2.0.0' }),
    pkg('caret', { core: 'workspace:^' }),
    pkg('dev-only', {}, { devDependencies: { core: 'workspace:^' } }),
    pkg('tool', { core: 'workspace:*' }, { private: true }),
  ];
  const versions = (releases: ReturnType<typeof expectedReleases>) => Object.fromEntries([...releases].map(([name, r]) => [name, r.to]));

  it('patches the runtime dependents whose range the release leaves, transitively, and nothing else', () => {
    const releases = expectedReleases(packages, [{ file: 'a.md', releases: { core: 'patch' }, summary: 'fix' }], config);
    expect(versions(releases)).toEqual({ core: '1.2.4', service: '1.2.4', umbrella: '1.2.4' });
    expect(releases.get('umbrella')?.updatedDependencies).toEqual(['service']);
  });

  it('patches the dependents with a ceiling when a major passes it', () => {
    const releases = expectedReleases(packages, [{ file: 'a.md', releases: { core: 'major' }, summary: 'break' }], config);
    expect(versions(releases)).toEqual({ core: '2.0.0', service: '1.2.4', umbrella: '1.2.4', wide: '1.2.4', caret: '1.2.4' });
  });

  it('takes the largest bump of a package’s own changesets', () => {
    const changesets: PendingChangeset[] = [
      { file: 'a.md', releases: { service: 'patch' }, summary: 'a' },
      { file: 'b.md', releases: { service: 'minor', core: 'patch' }, summary: 'b' },
    ];
    const releases = expectedReleases(packages, changesets, config);
    expect(releases.get('service')?.to).toBe('1.3.0');
    expect(releases.get('service')?.changesets.map((c) => c.file)).toEqual(['a.md', 'b.md']);
  });

  it('counts a peer released within its range as no update of its dependents (and needs the option that makes it so)', () => {
    const withPeer = [...packages, pkg('addon', { core: 'workspace:*' }, { peerDependencies: { service: '>=1.0.0 <2.0.0' } })];
    const peerConfig = { ...config, ___experimentalUnsafeOptions_WILL_CHANGE_IN_PATCH: { onlyUpdatePeerDependentsWhenOutOfRange: true } };
    const releases = expectedReleases(withPeer, [{ file: 'a.md', releases: { service: 'minor', addon: 'minor' }, summary: 'a' }], peerConfig);
    expect(releases.get('addon')?.updatedDependencies).toEqual([]);
    const major = expectedReleases(withPeer, [{ file: 'a.md', releases: { service: 'major', addon: 'minor' }, summary: 'a' }], peerConfig);
    expect(major.get('addon')?.updatedDependencies).toEqual(['service']);
    expect(major.get('addon')?.to).toBe('2.0.0'); // a peer out of range: changesets makes its dependents a major
    expect(() => expectedReleases(withPeer, [], config)).toThrow(/onlyUpdatePeerDependentsWhenOutOfRange/);
  });

  it('refuses rules it does not model', () => {
    expect(() => expectedReleases(packages, [], { ...config, updateInternalDependencies: 'minor' })).toThrow(/extend it first/);
  });
});
