import { APIPromise, InvalidRequestError } from '@aerostack/core';

// Input checks. Every failure is an InvalidRequestError with code VALIDATION_ERROR (the code the
// server uses for the same mistakes), and `details` naming the field and holding the value refused.

/** Throws the error for one bad field: `serviceName must be a non-empty string`. */
export function invalid(field: string, rule: string, value: unknown): never {
  throw new InvalidRequestError(`${field} must be ${rule}`, { code: 'VALIDATION_ERROR', details: { field, value } });
}

/**
 * Runs an operation whose checks may throw, so that bad input rejects the returned promise, as
 * every other failure does, instead of throwing before the caller has a promise to catch.
 */
export function guard<T>(run: () => APIPromise<T>): APIPromise<T> {
  // A throw inside a Promise executor rejects that promise.
  return new APIPromise(new Promise((resolve) => resolve(run().withResponse())));
}
