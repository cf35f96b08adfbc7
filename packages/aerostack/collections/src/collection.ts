// A typed handle on one collection: its name, and (in its type only) the type of its items. The
// operations take one, so a bundle carries only the operations it imports; nothing here is sent.

/** Never set: it only carries the item type of a `CollectionRef`. */
declare const itemType: unique symbol;

/** The fields of an item as you define them (the platform adds `id`). */
export type Fields = object;

/**
 * `collection<Order>('orders')`: the name sent, and the type the operations give the items.
 * A plain string works as well, with the item type named on the call: `list<Order>(client, 'orders')`.
 */
export interface CollectionRef<Item extends Fields = Record<string, unknown>> {
  readonly name: string;
  readonly [itemType]?: Item;
}

/** A collection as the operations take it: a handle, or its name. */
export type CollectionLike<Item extends Fields> = CollectionRef<Item> | string;

/** An item as the platform answers it: your fields and its `id` (a string unless your type declares one). */
export type Stored<Item extends Fields> = Item extends { id: string | number } ? Item : Item & { id: string };

/** An item's id. */
export type ItemId = string | number;

/** What `create` takes: the item's fields (the platform assigns `id`). */
export type NewItem<Item extends Fields> = Omit<Item, 'id'>;

/** What `update` takes: the fields to change; the others keep their values. */
export type ItemChanges<Item extends Fields> = Partial<Omit<Item, 'id'>>;

/** The handle of one collection: `const orders = collection<Order>('orders')`. */
export function collection<Item extends Fields = Record<string, unknown>>(name: string): CollectionRef<Item> {
  return { name };
}

/**
 * Handles typed by one schema of your project, where `Schema[name]` is the item type of each
 * collection (the official clients' generated `collections` type):
 * `const db = collections<Schema>(); list(client, db('orders'))`.
 */
export function collections<Schema extends Record<keyof Schema, Fields>>(): <Name extends keyof Schema & string>(name: Name) => CollectionRef<Schema[Name]> {
  return (name) => ({ name });
}

/** The name of a handle or a name. */
export const nameOf = (collection: unknown): unknown => (typeof collection === 'object' && collection !== null ? (collection as { name?: unknown }).name : collection);
