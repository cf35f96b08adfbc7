import { path, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { send } from './send';
import type { CollectionLike, Fields, ItemChanges, ItemId } from './collection';
import { checkFields, checkId, checkName } from './validate';

/** What `update` and `remove` answer. */
export interface SuccessResult {
  success: boolean;
}

/**
 * Changes some fields of an item (`PUT /collections/items/{id}` with those fields); the others keep
 * their values: `update(client, orders, id, { status: 'paid' })`. An unknown id is a `NotFoundError`.
 */
export function update<Item extends Fields = Record<string, unknown>>(
  client: Client,
  collection: CollectionLike<Item>,
  id: ItemId,
  data: ItemChanges<Item>,
  options?: RequestOptions,
): APIPromise<SuccessResult> {
  return send<SuccessResult>(
    client,
    {
      method: 'PUT',
      path: path`/collections/items/${String(id)}`,
      body: data,
      check() {
        checkName(collection);
        checkId(id);
        checkFields(data, 'data');
      },
    },
    options,
  );
}
