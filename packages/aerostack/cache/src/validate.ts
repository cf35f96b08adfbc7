// Input checks shared by the operations, run as a request's `check`: what they throw rejects the
// call's promise and nothing is sent.

/** The core's `invalidInput`: throws a VALIDATION_ERROR naming the field. */
import { invalidInput as fail } from '@aerostack/core';
import { MAX_KEY_BYTES } from './limits';

export { fail };

/**
 * A non-empty string of at most MAX_KEY_BYTES in UTF-8, without a lone surrogate (which no store can
 * hold): the server refuses both, after the whole request has been sent.
 */
export function checkKey(value: unknown, field = 'key'): void {
  if (typeof value !== 'string' || !value) fail(`${field}: a non-empty string`, field);
  let bytes = 0;
  try {
    // Each %XX is one UTF-8 byte; encodeURIComponent throws on a lone surrogate.
    bytes = encodeURIComponent(value).replace(/%../g, '.').length;
  } catch {
    fail(`${field}: not valid Unicode (a lone surrogate)`, field);
  }
  if (bytes > MAX_KEY_BYTES) fail(`${field}: at most ${MAX_KEY_BYTES} bytes in UTF-8, got ${bytes}`, field);
}

/** `ttl` and the like: optional unless `required`, a whole number of seconds above zero. */
export function checkSeconds(value: unknown, field: string, required?: boolean): void {
  if ((value !== undefined || required) && !((value as number) > 0 && Number.isSafeInteger(value))) fail(`${field}: a positive integer (seconds)`, field);
}

export function checkInteger(value: unknown, field: string): void {
  if (value !== undefined && !Number.isSafeInteger(value)) fail(`${field}: an integer`, field);
}

/** A present value: `undefined` would vanish from the JSON body. `null` is a value. */
export function checkValue(value: unknown, field: string): void {
  if (value === undefined) fail(`${field}: a JSON value (null for "no value")`, field);
}

/** A non-empty array of at most `max` items. */
export function checkBatch(value: unknown, field: string, max: number): asserts value is unknown[] {
  const n = Array.isArray(value) ? value.length : 0;
  if (!n || n > max) fail(`${field}: 1 to ${max} items, got ${n}`, field);
}

export function checkKeys(value: unknown, max: number): void {
  checkBatch(value, 'keys', max);
  value.forEach((key, i) => checkKey(key, `keys[${i}]`));
}

export function checkPrefix(value: unknown): void {
  if (value !== undefined && typeof value !== 'string') fail('prefix: a string', 'prefix');
}
