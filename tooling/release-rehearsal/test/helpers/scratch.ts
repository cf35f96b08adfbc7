// Scratch directories under the OS temp folder, outside the workspace, and the repository copy.
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from './run.js';

export function makeScratchRoot(): string {
  return mkdtempSync(join(tmpdir(), 'aerostack-release-rehearsal-'));
}

export function removeScratch(dir: string): void {
  rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Copies what a CI checkout holds (the tracked files, as in the working tree) plus the `dist/` that
 * turbo built next to every package.json: the state in which a release is versioned and packed.
 */
export async function copyRepository(repoRoot: string, dest: string): Promise<{ files: number; dists: string[] }> {
  const { stdout } = await run('git', ['ls-files', '-z'], { cwd: repoRoot });
  // A tracked file deleted in the working tree is not part of what would be committed next.
  const files = stdout.split('\0').filter((file) => file && existsSync(join(repoRoot, file)));
  for (const file of files) {
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(dest, file));
  }
  const dists = files
    .filter((file) => file.endsWith('/package.json'))
    .map((manifest) => join(dirname(manifest), 'dist'))
    .filter((dist) => existsSync(join(repoRoot, dist)));
  for (const dist of dists) cpSync(join(repoRoot, dist), join(dest, dist), { recursive: true });
  return { files: files.length, dists };
}
