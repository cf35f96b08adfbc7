import type { APIPromise, Client, PagePromise, RequestOptions } from '@aerostack/core';
import type { CollectionLike, CollectionRef, Fields, ItemChanges, ItemId, NewItem, Stored } from './collection';
import { create } from './create';
import { get } from './get';
import { list, type ListPage, type ListParams } from './list';
import { remove } from './remove';
import { update, type SuccessResult } from './update';

/**
 * One collection's operations bound to a client, as the official clients' `db.collection(name)`:
 * `const orders = new Collection<Order>(client, 'orders'); await orders.list()`. It carries all five
 * operations; import the functions instead where bundle size matters.
 */
export class Collection<Item extends Fields = Record<string, unknown>> {
  readonly ref: CollectionRef<Item>;

  constructor(
    readonly client: Client,
    collection: CollectionLike<Item>,
  ) {
    this.ref = typeof collection === 'string' ? { name: collection } : collection;
  }

  list(params?: ListParams<Item>, options?: RequestOptions): PagePromise<Stored<Item>, ListPage<Stored<Item>>> {
    return list(this.client, this.ref, params, options);
  }

  get(id: ItemId, options?: RequestOptions): APIPromise<Stored<Item>> {
    return get(this.client, this.ref, id, options);
  }

  create(data: NewItem<Item>, options?: RequestOptions): APIPromise<Stored<Item>> {
    return create(this.client, this.ref, data, options);
  }

  update(id: ItemId, data: ItemChanges<Item>, options?: RequestOptions): APIPromise<SuccessResult> {
    return update(this.client, this.ref, id, data, options);
  }

  delete(id: ItemId, options?: RequestOptions): APIPromise<SuccessResult> {
    return remove(this.client, this.ref, id, options);
  }
}
