import { path, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { send } from './send';
import type { CollectionLike, Fields, ItemId, Stored } from './collection';
import { checkId, checkName } from './validate';

/**
 * Reads one item by id (`GET /collections/items/{id}`): `get(client, orders, id)`. The collection
 * types the answer (the platform finds an item by its id alone). An unknown id is a `NotFoundError`.
 */
export function get<Item extends Fields = Record<string, unknown>>(client: Client, collection: CollectionLike<Item>, id: ItemId, options?: RequestOptions): APIPromise<Stored<Item>> {
  return send<Stored<Item>>(
    client,
    {
      method: 'GET',
      path: path`/collections/items/${String(id)}`,
      check() {
        checkName(collection);
        checkId(id);
      },
    },
    options,
  );
}
