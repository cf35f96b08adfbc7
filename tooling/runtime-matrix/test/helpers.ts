// One emulator per test file (in memory, on free ports), and the checks every smoke cell makes.
import { AerostackClient } from '@aerostack/core';
import { query, sql, unsafeRaw } from '@aerostack/database';
import { startEmulator, type Emulator } from '@aerostack/emulator';
import { afterAll, beforeAll, expect } from 'vitest';
import { failures, recordCell } from '../lib/report.mjs';
import type { Cell, RealtimeTarget, Target } from '../lib/types';

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
export const SMOKE_STEPS = ['json call', 'paginated listing', 'collection items', 'streamed chat', 'upload and download', 'typed error', 'smarter chatbot'];

/** The steps of every run of the realtime smoke program (realtime-smoke.mjs). */
export const REALTIME_STEPS = ['WebSocket', 'table changes', 'event between connections', 'history', 'refused key', 'close'];

/**
 * The realtime program's target: a fresh table (id, name) made here through `@aerostack/database`
 * (the emulator allows DDL; the platform does not, so the program itself never creates one).
 */
export async function realtimeTarget(harness: Harness, table: string, extra: Partial<RealtimeTarget> = {}): Promise<RealtimeTarget> {
  const client = new AerostackClient({ apiKey: harness.target.aerostackKey, baseURL: harness.target.aerostackURL, logLevel: 'off' });
  await query(client, sql`CREATE TABLE ${unsafeRaw(table)} (id INTEGER PRIMARY KEY, name TEXT NOT NULL)`);
  return { ...harness.target, realtimeTable: table, ...extra };
}

/** Records the cell (summary line, artifacts/results/) and fails the test unless every step passed. */
export function expectCell(cell: Cell, output = '', steps = SMOKE_STEPS): void {
  recordCell(cell);
  expect(cell.report.steps.map((s) => s.name), output).toEqual(steps);
  expect(cell.ok, `${failures(cell)}\n${output}`).toBe(true);
}
