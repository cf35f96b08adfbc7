// Every operation called without its params (as a JavaScript caller can) rejects with a typed
// VALIDATION_ERROR, never a raw TypeError.
import { AerostackClient } from '@aerostack/core';
import { describe, expect, it } from 'vitest';
import { expectedOutcomes, refusingFetch, withoutParams } from '@aerostack-internal/test-utils/without-params';
import * as operations from '../src';

describe('every operation, called without its params', () => {
  it('rejects with a typed VALIDATION_ERROR', async () => {
    // `collection` and `collections` make handles; they send nothing.
    const outcomes = await withoutParams(operations, () => new AerostackClient({ apiKey: 'k', fetch: refusingFetch, maxRetries: 0, logLevel: 'off' }), { skip: ['collection', 'collections'] });
    expect(Object.keys(outcomes).sort()).toEqual(['create', 'get', 'list', 'remove', 'update']);
    expect(outcomes).toEqual(expectedOutcomes(outcomes));
  });
});
