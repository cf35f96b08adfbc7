// One emulator per test file (in memory, on free ports), and the checks every smoke cell makes.
import { startEmulator, type Emulator } from '@aerostack/emulator';
import { afterAll, beforeAll, expect } from 'vitest';
import { failures, recordCell } from '../lib/report.mjs';
import type { Cell, Target } from '../lib/types';

export interface Harness {
  emulator: Emulator;
  /** The smoke program's target: the emulator's first Aerostack key and first Smarter key. */
  target: Target;
}

export function useEmulator(): Harness {
  const harness = {} as Harness;
  beforeAll(async () => {
    const emulator = await startEmulator({ aerostackPort: 0, smarterPort: 0, inMemory: true });
    const [aerostackKey] = emulator.keys;
    const [smarterKey] = emulator.smarterKeys;
    if (!aerostackKey || !smarterKey) throw new Error('the emulator has no keys');
    harness.emulator = emulator;
    harness.target = { aerostackURL: emulator.aerostackURL, aerostackKey, smarterURL: emulator.smarterURL, smarterKey };
  });
  afterAll(async () => {
    await harness.emulator.stop();
  });
  return harness;
}

/** The steps every run of the smoke program must pass (the Smarter one included: the target has Smarter). */
export const SMOKE_STEPS = ['json call', 'paginated listing', 'streamed chat', 'upload and download', 'typed error', 'smarter chatbot'];

/** Records the cell (summary line, artifacts/results/) and fails the test unless every step passed. */
export function expectCell(cell: Cell, output = ''): void {
  recordCell(cell);
  expect(cell.report.steps.map((s) => s.name), output).toEqual(SMOKE_STEPS);
  expect(cell.ok, `${failures(cell)}\n${output}`).toBe(true);
}
