import type { APIPromise, Client, PagePromise, RequestOptions } from '@aerostack/core';
import { deleteMany, type DeleteManyParams, type DeleteManyResult } from './delete-many';
import { expire, type ExpireParams, type ExpireResult } from './expire';
import { flush, type FlushParams, type FlushResult } from './flush';
import { get, type GetParams, type GetResult } from './get';
import { getMany, type GetManyParams, type GetManyResult } from './get-many';
import { increment, type IncrementParams, type IncrementResult } from './increment';
import { keys, type KeysParams, type KeysResult } from './keys';
import { list, type CacheKey, type ListParams, type ListResult } from './list';
import { remove, type DeleteParams, type DeleteResult } from './remove';
import { set, type SetParams, type SetResult } from './set';
import { setMany, type SetManyParams, type SetManyResult } from './set-many';

/**
 * The cache operations bound to one client: `new Cache(client).get({ key })`. Each method is the
 * function of the same name (`delete` is the function `remove`); import the functions instead
 * when bundle size matters, since the class brings all of them.
 */
export class Cache {
  constructor(readonly client: Client) {}

  get(params: GetParams, options?: RequestOptions): APIPromise<GetResult> {
    return get(this.client, params, options);
  }

  set(params: SetParams, options?: RequestOptions): APIPromise<SetResult> {
    return set(this.client, params, options);
  }

  delete(params: DeleteParams, options?: RequestOptions): APIPromise<DeleteResult> {
    return remove(this.client, params, options);
  }

  getMany(params: GetManyParams, options?: RequestOptions): APIPromise<GetManyResult> {
    return getMany(this.client, params, options);
  }

  setMany(params: SetManyParams, options?: RequestOptions): APIPromise<SetManyResult> {
    return setMany(this.client, params, options);
  }

  deleteMany(params: DeleteManyParams, options?: RequestOptions): APIPromise<DeleteManyResult> {
    return deleteMany(this.client, params, options);
  }

  list(params?: ListParams, options?: RequestOptions): PagePromise<CacheKey, ListResult> {
    return list(this.client, params, options);
  }

  keys(params?: KeysParams, options?: RequestOptions): APIPromise<KeysResult> {
    return keys(this.client, params, options);
  }

  flush(params?: FlushParams, options?: RequestOptions): APIPromise<FlushResult> {
    return flush(this.client, params, options);
  }

  expire(params: ExpireParams, options?: RequestOptions): APIPromise<ExpireResult> {
    return expire(this.client, params, options);
  }

  increment(params: IncrementParams, options?: RequestOptions): APIPromise<IncrementResult> {
    return increment(this.client, params, options);
  }
}
