import { request, APIPromise, type Client, type RequestOptions } from '@aerostack/core';
import { BatchStatementError } from './batch-error';
import type { Body, Result } from './spec';
import { checkStatement } from './statement';
import { fail } from './validate';

export type BatchParams = Body<'dbBatch'>;
/** `{ results: [{ results, success, error? }], success }`: one entry per statement, in request order. */
export type BatchResult = Result<'dbBatch'>;
export type BatchStatementResult = BatchResult['results'][number];

export interface BatchOptions extends RequestOptions {
  /** Throw a `BatchStatementError` when any statement failed, instead of returning the mixed result. */
  throwOnError?: boolean | undefined;
}

/** The most statements one `batch` call takes. */
export const MAX_BATCH_STATEMENTS = 25;

/**
 * Runs up to 25 statements in one request: `` batch(client, { queries: [sql`...`, sql`...`] }) ``.
 * Each statement succeeds or fails on its own: the result says which (`success`, `error` per entry;
 * the top-level `success` is true only when all did). With `{ throwOnError: true }` a failure throws.
 */
export function batch(client: Client, params: BatchParams = {} as BatchParams, options?: BatchOptions): APIPromise<BatchResult> {
  const { queries } = params;
  const sent = request<BatchResult>(
    client,
    {
      method: 'POST',
      path: '/db/batch',
      body: params,
      check() {
        const n = Array.isArray(queries) ? queries.length : 0;
        if (!n || n > MAX_BATCH_STATEMENTS) fail(`queries: 1 to ${MAX_BATCH_STATEMENTS} statements, got ${n} (split larger batches)`, 'queries');
        queries.forEach((statement, i) => checkStatement(statement, `queries[${i}].`));
      },
    },
    options,
  );
  // Checked on the call's own result (not through `mapResult`: one helper less in the bundle).
  return options?.throwOnError
    ? new APIPromise(
        sent.withResponse().then((result) => {
          const { data } = result;
          if (!data.success || data.results.some((entry) => !entry.success)) throw new BatchStatementError(data, result.requestId);
          return result;
        }),
      )
    : sent;
}
