// Strict type checks, with the TypeScript of the workspace (the root's): the examples against the
// built packages' declarations (tooling/examples/tsconfig.json), and this package's harness and
// tests (tsconfig.json; also `pnpm --filter @aerostack-internal/runtime-matrix typecheck`).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { expect, it } from 'vitest';
import { EXAMPLES_DIR, MATRIX_DIR, REPO_ROOT } from '../lib/paths.mjs';
import { runChild } from '../lib/processes.mjs';

const tsc = join(dirname(createRequire(join(MATRIX_DIR, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc');

it.each([
  ['the examples', EXAMPLES_DIR],
  ['the runtime matrix', MATRIX_DIR],
])('%s type-check (tsc --noEmit, strict)', async (_, project) => {
  const run = await runChild(process.execPath, [tsc, '--noEmit', '-p', project], { cwd: REPO_ROOT });
  expect(`${run.stdout}${run.stderr}`).toBe('');
  expect(run.code).toBe(0);
});
