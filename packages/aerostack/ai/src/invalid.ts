import { InvalidRequestError } from '@aerostack/core';

// Kept tiny on purpose: these checks ride along in every one-call bundle.

/** Throws the InvalidRequestError for a bad parameter, naming it, the rule and what was given. */
export function invalid(field: string, rule: string, value: unknown): never {
  throw new InvalidRequestError(`${field} must be ${rule}, got ${JSON.stringify(value)}`, { code: 'VALIDATION_ERROR' });
}

/** True for undefined (not given) or a number from `min` to `max`; integers only with `integer`. */
export function inRange(value: unknown, min: number, max: number, integer?: boolean): boolean {
  return value === undefined || (typeof value == 'number' && value >= min && value <= max && (!integer || value % 1 == 0));
}

/** Checks a required, non-empty string. */
export function checkText(field: string, value: unknown): void {
  if (!value || typeof value != 'string') invalid(field, 'a non-empty string', value);
}
