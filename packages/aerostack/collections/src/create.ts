import { path, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { send } from './send';
import { nameOf, type CollectionLike, type Fields, type NewItem, type Stored } from './collection';
import { checkFields, checkName } from './validate';

/**
 * Adds an item (`POST /collections/{name}/items` with its fields) and resolves to it as stored,
 * with the `id` the platform gave it: `const order = await create(client, orders, { status: 'open' })`.
 * Like every POST, it carries an `Idempotency-Key` (the same on each retry).
 */
export function create<Item extends Fields = Record<string, unknown>>(client: Client, collection: CollectionLike<Item>, data: NewItem<Item>, options?: RequestOptions): APIPromise<Stored<Item>> {
  return send<Stored<Item>>(
    client,
    {
      method: 'POST',
      path: path`/collections/${String(nameOf(collection))}/items`,
      body: data,
      check() {
        checkName(collection);
        checkFields(data, 'data');
      },
    },
    options,
  );
}
