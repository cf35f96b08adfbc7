// `deno check` with the Deno pinned as this package's optional dependency (as the runtime matrix
// uses it), over a consumer whose packages come from its node_modules folder.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MATRIX_DIR } from './app.js';
import { type RunResult, run } from './run.js';

export function denoBinary(): string {
  let path = process.env['TYPE_MATRIX_DENO'];
  if (!path) {
    try {
      path = join(dirname(createRequire(join(MATRIX_DIR, 'package.json')).resolve('@deno/linux-x64-glibc/package.json')), 'deno');
    } catch {
      path = undefined;
    }
  }
  if (path && existsSync(path)) return path;
  throw new Error('Deno is missing: it is the optional dependency @deno/linux-x64-glibc of @aerostack-internal/type-matrix (linux x64, glibc); run `pnpm install` on linux x64, or set TYPE_MATRIX_DENO to a deno binary.');
}

/**
 * `deno check --all`: the consumer and every module it reaches, the packages' declarations included
 * (without --all, Deno reports nothing from npm packages). `--node-modules-dir=manual`: bare
 * specifiers from the app's node_modules, as npm installed them. Deno's cache goes to `denoDir`.
 */
export function denoCheck(app: string, files: string[], denoDir: string): Promise<RunResult> {
  return run(denoBinary(), ['check', '--all', '--node-modules-dir=manual', '--no-lock', ...files], {
    cwd: app,
    env: { DENO_DIR: denoDir, DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', NO_COLOR: '1' },
  });
}
