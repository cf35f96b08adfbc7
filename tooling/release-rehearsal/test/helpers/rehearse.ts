// The release rehearsal itself, run once by the global setup: a scratch copy of the repository,
// a git snapshot of it, the cores packed as they are now, `changeset version`, then every public
// package packed. The test files only read what it leaves behind.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type ChangesetConfig, type PendingChangeset, changesetBin, readChangesetConfig, readPendingChangesets } from './changesets.js';
import { type PackedPackage, pack } from './pack.js';
import { run, runNode } from './run.js';
import { copyRepository } from './scratch.js';
import { type WorkspacePackage, listWorkspacePackages, publicPackages } from './workspace.js';

/** The packages others build on, packed once more before versioning: the "older core" of the cross-version tests. */
export const CORE_PACKAGES = ['@aerostack/core', '@smarter/core'];

export interface Rehearsal {
  /** The scratch root (under the OS temp folder); test apps go in `apps/` there. */
  root: string;
  /** The scratch copy of the repository, versioned. */
  repo: string;
  config: ChangesetConfig;
  changesets: PendingChangeset[];
  before: WorkspacePackage[];
  after: WorkspacePackage[];
  /** `git status --porcelain` of the copy after `changeset version`: what a maintainer would review. */
  changedFiles: string[];
  /** The core packages as they are before versioning (the current versions). */
  preRelease: PackedPackage[];
  /** Every public package as released. */
  released: PackedPackage[];
  timings: Record<'copy' | 'version' | 'pack', number>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    rehearsal: Rehearsal;
  }
}

const GIT_IDENTITY = ['-c', 'user.name=Release Rehearsal', '-c', 'user.email=rehearsal@example.invalid', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main'];

async function snapshotWithGit(repo: string): Promise<void> {
  // Not required by `changeset version`, but with a commit it writes the changelog lines as a
  // release would (each entry prefixed by the commit that added its changeset).
  await run('git', [...GIT_IDENTITY, 'init', '-q'], { cwd: repo });
  await run('git', ['add', '-A'], { cwd: repo });
  await run('git', [...GIT_IDENTITY, 'commit', '-q', '--no-verify', '-m', 'release rehearsal snapshot'], { cwd: repo });
}

async function packAll(repo: string, packages: WorkspacePackage[], destination: string): Promise<PackedPackage[]> {
  mkdirSync(destination, { recursive: true });
  const packed: PackedPackage[] = [];
  for (const pkg of packages) packed.push(await pack(join(repo, pkg.dir), destination));
  return packed;
}

export async function rehearseRelease(repoRoot: string, root: string): Promise<Rehearsal> {
  const repo = join(root, 'repo');
  let started = Date.now();
  await copyRepository(repoRoot, repo);
  await snapshotWithGit(repo);
  const copy = Date.now() - started;

  const before = listWorkspacePackages(repo);
  const config = readChangesetConfig(repo);
  const changesets = readPendingChangesets(repo);
  const cores = before.filter((pkg) => CORE_PACKAGES.includes(pkg.manifest.name));
  const preRelease = await packAll(repo, cores, join(root, 'tarballs', 'pre-release'));

  started = Date.now();
  // As a maintainer releases: `pnpm version-packages` (changeset version, keeping the declared core ranges).
  await runNode(repo, ['tooling/release/version.mjs'], { CHANGESET_BIN: changesetBin() });
  const version = Date.now() - started;
  const { stdout: status } = await run('git', ['status', '--porcelain', '-uall'], { cwd: repo });
  const after = listWorkspacePackages(repo);

  started = Date.now();
  const released = await packAll(repo, publicPackages(after), join(root, 'tarballs', 'released'));
  const packMs = Date.now() - started;

  return {
    root,
    repo,
    config,
    changesets,
    before,
    after,
    changedFiles: status.split('\n').filter(Boolean),
    preRelease,
    released,
    timings: { copy, version, pack: packMs },
  };
}
