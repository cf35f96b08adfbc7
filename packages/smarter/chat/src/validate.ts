import { InvalidRequestError } from '@smarter/core';

/**
 * Throws the error for bad input, from a request's `check` (so the call rejects and nothing is
 * sent): an InvalidRequestError with code VALIDATION_ERROR and `details.field` naming the field.
 */
export function fail(field: string, expected: string): never {
  throw new InvalidRequestError(`${field}: ${expected}`, { code: 'VALIDATION_ERROR', details: { field } });
}

export function checkString(value: unknown, field: string): void {
  if (typeof value !== 'string' || !value) fail(field, 'a non-empty string');
}
