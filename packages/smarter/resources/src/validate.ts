/** The core's `invalidInput`: refuses bad input before anything is sent (a VALIDATION_ERROR). */
import { invalidInput as fail } from '@smarter/core';

export { fail };

/** `value` must be a non-empty string; the message names the parameter. */
export function need(value: unknown, name: string): void {
  if (typeof value !== 'string' || !value) fail(`${name}: a non-empty string is required`);
}
