// Every operation called without its params (as a JavaScript caller can) rejects with a typed
// VALIDATION_ERROR; before, most threw a raw TypeError ("Cannot read properties of undefined").
import { AerostackClient } from '@aerostack/core';
import { describe, expect, it } from 'vitest';
import { expectedOutcomes, refusingFetch, withoutParams } from '@aerostack-internal/test-utils/without-params';
import * as operations from '../src';

describe('every operation, called without its params', () => {
  it('rejects with a typed VALIDATION_ERROR', async () => {
    const outcomes = await withoutParams(operations, () => new AerostackClient({ apiKey: 'k', fetch: refusingFetch, maxRetries: 0, logLevel: 'off' }));
    expect(Object.keys(outcomes).length).toBeGreaterThan(0);
    expect(outcomes).toEqual(expectedOutcomes(outcomes));
  });
});
