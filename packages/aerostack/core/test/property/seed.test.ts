// The property tests run a fixed set of cases: a fixed seed (support.ts) and a fixed numRuns, no time
// budget. A machine at load 8 runs the same cases as an idle one, only slower.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { SEED, text } from './support';

it('every property draws its cases from the fixed seed, the same on every run, with no time budget', () => {
  // The seed and nothing else: no time limit (`interruptAfterTimeLimit`, `timeout`, their plugins).
  expect(fc.readConfigureGlobal()).toEqual({ seed: SEED });
  // Two draws with no seed of their own: the global seed makes them the same cases.
  const arbitrary = fc.tuple(text({ maxLength: 30 }), fc.nat());
  expect(fc.sample(arbitrary, 50)).toEqual(fc.sample(arbitrary, 50));
});
