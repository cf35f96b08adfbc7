import { InvalidRequestError } from '@aerostack/core';

/**
 * Throws the error for bad input: an InvalidRequestError with code VALIDATION_ERROR (the code the
 * server uses for the same mistakes) and `details.field` naming the field. Thrown inside a
 * request's `check`, it rejects the call's promise and nothing is sent.
 */
export function fail(message: string, field?: string): never {
  throw new InvalidRequestError(message, { code: 'VALIDATION_ERROR', details: { field } });
}
