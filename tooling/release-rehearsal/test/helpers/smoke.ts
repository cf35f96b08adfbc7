// The runtime matrix's smoke program (tooling/runtime-matrix/smoke.mjs, owned there), run from an app.
import { fileURLToPath } from 'node:url';
import { addFiles, runJSON } from './app.js';
import type { Target } from './emulator.js';

const SMOKE_PROGRAM = fileURLToPath(new URL('../../../runtime-matrix/smoke.mjs', import.meta.url));

export interface SmokeReport {
  ok: boolean;
  runtime: string;
  steps: { name: string; ok: boolean; detail: string }[];
}

/** The steps smoke.mjs runs when given both platforms: all must be there, and pass. */
export const SMOKE_STEPS = ['json call', 'paginated listing', 'streamed chat', 'upload and download', 'typed error', 'smarter chatbot'];

export async function runSmoke(app: string, target: Target): Promise<SmokeReport> {
  addFiles(app, [SMOKE_PROGRAM, 'run-smoke.mjs']);
  return runJSON<SmokeReport>(app, ['run-smoke.mjs', JSON.stringify(target)]);
}
