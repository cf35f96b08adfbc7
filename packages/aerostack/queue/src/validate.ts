// Input checks, run as a request's `check`: what they throw rejects the call's promise and
// nothing is sent.

/** The core's `invalidInput`: throws a VALIDATION_ERROR naming the field. */
import { invalidInput as fail } from '@aerostack/core';

export { fail };

export function checkText(value: unknown, field: string): void {
  if (typeof value !== 'string' || !value) fail(`${field}: a non-empty string`, field);
}
