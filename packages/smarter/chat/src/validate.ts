import { invalidInput } from '@smarter/core';

/** Throws a VALIDATION_ERROR naming the field (the core's `invalidInput`, read as "field: expected"). */
export const fail = (field: string, expected: string): never => invalidInput(`${field}: ${expected}`, field);

export function checkString(value: unknown, field: string): void {
  if (typeof value !== 'string' || !value) fail(field, 'a non-empty string');
}
