// Kept tiny on purpose: these checks ride along in every one-call bundle. They run as a request's
// `check`, so what they throw rejects the call's promise and nothing is sent.

/** The core's `invalidInput`: throws a VALIDATION_ERROR naming the field. */
import { invalidInput as fail } from '@aerostack/core';

export { fail };

/** Checks a required, non-empty string. */
export function checkText(field: string, value: unknown): void {
  if (!value || typeof value != 'string') fail(`${field}: a non-empty string needed, got ${JSON.stringify(value)}`, field);
}
