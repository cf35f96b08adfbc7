// `@aerostack/collections/realtime`: a collection's changes. An entry of its own, so that a bundle
// that only lists or writes items carries no realtime code; `@aerostack/realtime` is an optional
// peer dependency, installed by the apps that import this entry.
import { subscribeTable, type Realtime, type SubscribeTableOptions, type Subscription, type TableChange } from '@aerostack/realtime';
import type { CollectionLike, Fields, Stored } from './collection';
import { checkName } from './validate';

/** One change of an item: `data` is the item (the deleted one for a DELETE), `old` the item before an UPDATE or DELETE. */
export type ItemChange<Item extends Fields> = TableChange<Stored<Item>>;
export type SubscribeOptions<Item extends Fields> = SubscribeTableOptions<Stored<Item>>;

/**
 * The changes of a collection's items (its realtime topic `table/{name}/{projectSlug}`), in commit
 * order: `subscribe(connect(client), orders).on((change) => console.log(change.operation, change.data.id))`.
 */
export function subscribe<Item extends Fields = Record<string, unknown>>(rt: Realtime, collection: CollectionLike<Item>, options?: SubscribeOptions<Item>): Subscription<ItemChange<Item>> {
  return subscribeTable<Stored<Item>>(rt, checkName(collection), options);
}
