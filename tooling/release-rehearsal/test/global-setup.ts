// Runs the release rehearsal once and hands its result to every test file (`inject('rehearsal')`);
// removes the scratch directory afterwards, whatever the outcome.
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { rehearseRelease } from './helpers/rehearse.js';
import { makeScratchRoot, removeScratch } from './helpers/scratch.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export default async function setup(project: TestProject): Promise<() => void> {
  const root = makeScratchRoot();
  try {
    project.provide('rehearsal', await rehearseRelease(REPO_ROOT, root));
  } catch (error) {
    removeScratch(root);
    throw error;
  }
  return () => removeScratch(root);
}
