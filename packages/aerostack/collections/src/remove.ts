import { path, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { send } from './send';
import type { CollectionLike, Fields, ItemId } from './collection';
import type { SuccessResult } from './update';
import { checkId, checkName } from './validate';

/**
 * Deletes an item (`DELETE /collections/items/{id}`): `remove(client, orders, id)`. Named `remove`
 * because `delete` is a reserved word for a function (as in `@aerostack/cache`); the `Collection`
 * class calls it `delete`. An unknown id is a `NotFoundError`.
 */
export function remove<Item extends Fields = Record<string, unknown>>(client: Client, collection: CollectionLike<Item>, id: ItemId, options?: RequestOptions): APIPromise<SuccessResult> {
  return send<SuccessResult>(
    client,
    {
      method: 'DELETE',
      path: path`/collections/items/${String(id)}`,
      check() {
        checkName(collection);
        checkId(id);
      },
    },
    options,
  );
}
