import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { batch, type BatchOptions, type BatchParams, type BatchResult } from './batch';
import { query, type QueryParams, type QueryResult, type Row } from './query';

/**
 * The database operations bound to one client: `` new Database(client).query(sql`...`) ``. Each
 * method is the function of the same name.
 */
export class Database {
  constructor(readonly client: Client) {}

  query<R = Row>(statement: QueryParams, options?: RequestOptions): APIPromise<QueryResult<R>> {
    return query<R>(this.client, statement, options);
  }

  batch(params: BatchParams, options?: BatchOptions): APIPromise<BatchResult> {
    return batch(this.client, params, options);
  }
}
