import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import type { Result } from './spec';
import { checkStatement, type Statement } from './statement';

/** `{ sql, params? }`: what `` sql`...` `` builds. */
export type QueryParams = Statement;
/** A row as the server sends it: column name to value. */
export type Row = Result<'dbQuery'>['results'][number];
/** `{ results: Row[], count }`, with rows typed as the caller declares (not checked at run time). */
export type QueryResult<R = Row> = Omit<Result<'dbQuery'>, 'results'> & { results: R[] };

/**
 * Runs one statement: `` query<User>(client, sql`SELECT * FROM users WHERE id = ${id}`) ``.
 * A plain `{ sql, params }` works too; the values of `params` bind to the `?` placeholders in order.
 */
export function query<R = Row>(client: Client, statement: QueryParams, options?: RequestOptions): APIPromise<QueryResult<R>> {
  return request(client, { method: 'POST', path: '/db/query', body: statement, check: () => checkStatement(statement) }, options);
}
