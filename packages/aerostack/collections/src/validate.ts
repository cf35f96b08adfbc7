import { invalidInput as fail } from '@aerostack/core';
import { nameOf, type CollectionLike, type Fields, type ItemId } from './collection';

export { fail };

/** The collection's name: a non-empty string (sent as one path segment, encoded). */
export function checkName(collection: CollectionLike<Fields> | undefined): string {
  const name = nameOf(collection);
  if (typeof name !== 'string' || !name) fail('collection: a collection handle or a non-empty name', 'collection');
  return name;
}

/** An item id: a non-empty string or a safe integer. */
export function checkId(id: unknown): void {
  if (!((typeof id === 'string' && id) || Number.isSafeInteger(id))) fail('id: a non-empty string (or an integer)', 'id');
}

/** The item's fields: a JSON object (not an array, not null). */
export function checkFields(data: unknown, field: string): void {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail(`${field}: an object of the item's fields`, field);
}

export type { ItemId };
