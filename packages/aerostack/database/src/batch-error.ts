import { SDKError } from '@aerostack/core';
import type { Result } from './spec';

type BatchResult = Result<'dbBatch'>;

/**
 * Thrown by `batch(..., { throwOnError: true })` when a statement of the batch failed. The request
 * itself succeeded: `result` is the server's answer, `failed` the indexes of the failed statements.
 */
export class BatchStatementError extends SDKError {
  static override readonly kind: string = 'BatchStatementError';
  // `declare`d, assigned in the constructor: the build emits no field definitions.
  /** Indexes (in request order) of the statements that failed. */
  declare readonly failed: number[];
  /** The whole answer, successful statements included. */
  declare readonly result: BatchResult;

  constructor(result: BatchResult, requestId?: string) {
    const failed = result.results.flatMap((entry, index) => (entry.success ? [] : [{ index, error: entry.error }]));
    super(`Batch failed: ${failed.map(({ index, error }) => `#${index}: ${error}`).join('; ') || 'success: false, no statement named'}`, {
      code: 'BATCH_STATEMENT_FAILED',
      details: { failed },
      requestId,
    });
    this.failed = failed.map(({ index }) => index);
    this.result = result;
  }
}
