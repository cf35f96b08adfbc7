import { InvalidRequestError } from '@aerostack/core';

// Kept tiny on purpose: these checks ride along in every one-call bundle. They run as a request's
// `check`, so what they throw rejects the call's promise and nothing is sent.

/** Throws the InvalidRequestError for a bad parameter, naming it in the message and `details.field`. */
export function fail(message: string, field?: string): never {
  throw new InvalidRequestError(message, { code: 'VALIDATION_ERROR', details: { field } });
}

/** Checks a required, non-empty string. */
export function checkText(field: string, value: unknown): void {
  if (!value || typeof value != 'string') fail(`${field}: a non-empty string needed, got ${JSON.stringify(value)}`, field);
}
