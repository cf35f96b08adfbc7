import { APIPromise, InvalidRequestError } from '@aerostack/core';

// Input checks shared by the operations. Every failure is an InvalidRequestError with code
// VALIDATION_ERROR (the code the server uses for the same mistakes), and `details` naming the
// field and holding the value refused. (The value stays out of the message: describing any
// value well costs bytes in every bundle.)

/** Throws the error for one bad field: `ttl must be a positive integer (seconds)`. */
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

export function checkKey(value: unknown, field = 'key'): void {
  if (typeof value !== 'string' || !value) invalid(field, 'a non-empty string', value);
}

/** `ttl` and the like: optional unless `required`, a whole number of seconds above zero. */
export function checkSeconds(value: unknown, field: string, required = false): void {
  if ((value !== undefined || required) && !(Number.isSafeInteger(value) && (value as number) > 0)) {
    invalid(field, 'a positive integer (seconds)', value);
  }
}

export function checkInteger(value: unknown, field: string): void {
  if (value !== undefined && !Number.isSafeInteger(value)) invalid(field, 'an integer', value);
}

/** A present value: `undefined` would vanish from the JSON body. `null` is a value. */
export function checkValue(value: unknown, field: string): void {
  if (value === undefined) invalid(field, 'a JSON value (use null for "no value")', value);
}

/** A non-empty array of at most `max` items. */
export function checkBatch(value: unknown, field: string, max: number): asserts value is unknown[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > max) {
    invalid(field, `an array of 1 to ${max} items`, value);
  }
}

export function checkKeys(value: unknown, max: number): void {
  checkBatch(value, 'keys', max);
  value.forEach((key, i) => checkKey(key, `keys[${i}]`));
}

export function checkPrefix(value: unknown): void {
  if (value !== undefined && typeof value !== 'string') invalid('prefix', 'a string', value);
}

/** A page size: an integer from 1 to `max`, or nothing for the server's default. */
export function checkLimit(value: unknown, max: number): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= max)) {
    invalid('limit', `an integer from 1 to ${max}`, value);
  }
}
