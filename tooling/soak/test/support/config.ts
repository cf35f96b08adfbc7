// The soak's knobs, all from the environment, so that CI and a local reproduction run the same code.
import { seedFrom } from './prng';

export function int(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  return n;
}

export interface SoakConfig {
  /** SDK calls to make (each call may take several attempts). */
  ops: number;
  seed: number;
  /** Concurrent lanes; half on `transport: 'node'`, half on `transport: 'fetch'`. */
  lanes: number;
  /** No new scenario starts after this many ms of the operation phase (the calls in flight finish). */
  budgetMs: number;
}

export function readConfig(): SoakConfig {
  return {
    ops: int('SOAK_OPS', 3000, 1),
    seed: seedFrom(process.env.SOAK_SEED),
    lanes: int('SOAK_LANES', 32, 2),
    budgetMs: int('SOAK_BUDGET_MS', 80_000, 1000),
  };
}
