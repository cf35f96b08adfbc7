import { InvalidRequestError } from '@aerostack/core';

/** Refuses the input before sending: an `InvalidRequestError` (`VALIDATION_ERROR`, `details.field`) saying what to fix. */
export function fail(message: string, field?: string): never {
  throw new InvalidRequestError(message, { code: 'VALIDATION_ERROR', details: { field } });
}

/** A non-empty string, or the error naming the field. */
export function requireText(field: string, value: unknown): void {
  if (typeof value !== 'string' || !value) fail(`${field} is required`, field);
}
