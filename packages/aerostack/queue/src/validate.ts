import { InvalidRequestError } from '@aerostack/core';

// Input checks, run as a request's `check`: what they throw rejects the call's promise and
// nothing is sent.

/**
 * Throws the error for bad input: an InvalidRequestError with code VALIDATION_ERROR (the code the
 * server uses for the same mistakes) and `details.field` naming the field.
 */
export function fail(message: string, field?: string): never {
  throw new InvalidRequestError(message, { code: 'VALIDATION_ERROR', details: { field } });
}

export function checkText(value: unknown, field: string): void {
  if (typeof value !== 'string' || !value) fail(`${field}: a non-empty string`, field);
}
