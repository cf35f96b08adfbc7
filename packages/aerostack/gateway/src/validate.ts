/** The core's `invalidInput`: throws a VALIDATION_ERROR naming the field. */
import { invalidInput as fail } from '@aerostack/core';

export { fail };

/** A non-empty string, or the error naming the field. */
export function requireText(field: string, value: unknown): void {
  if (typeof value !== 'string' || !value) fail(`${field} is required`, field);
}
