import { InvalidRequestError } from '@smarter/core';

/** Refuses bad input before anything is sent. */
export function fail(message: string): never {
  throw new InvalidRequestError(message, { code: 'VALIDATION_ERROR' });
}

/** `value` must be a non-empty string; the message names the parameter. */
export function need(value: unknown, name: string): void {
  if (typeof value !== 'string' || !value) fail(`${name}: a non-empty string is required`);
}
