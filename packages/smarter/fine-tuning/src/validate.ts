import { invalidInput } from '@smarter/core';

/** Throws a VALIDATION_ERROR naming the field (the core's `invalidInput`, read as "field: expected"). */
export const fail = (field: string, expected: string): never => invalidInput(`${field}: ${expected}`, field);

export function checkString(value: unknown, field: string): void {
  if (typeof value !== 'string' || !value) fail(field, 'a non-empty string');
}

/** `limit` of a listing: 1 to 100, as the contract allows. */
export function checkLimit(value: unknown): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= 1 && (value as number) <= 100)) fail('limit', 'an integer from 1 to 100');
}
