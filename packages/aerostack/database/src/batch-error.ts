import { SDKError } from '@aerostack/core';
import type { Result } from './spec';

type BatchResult = Result<'dbBatch'>;

/**
 * Thrown by `batch(..., { throwOnError: true })` when a statement of the batch failed. The request
 * itself succeeded: `result` is the server's answer, `failed` the indexes of the failed statements.
 */
export class BatchStatementError extends SDKError {
  static override readonly kind: string = 'BatchStatementError';
  /** Indexes (in request order) of the statements that failed. */
  readonly failed: number[];
  /** The whole answer, successful statements included. */
  readonly result: BatchResult;

  constructor(result: BatchResult, requestId?: string) {
    const failed = result.results.flatMap((entry, i) => (entry.success ? [] : [i]));
    const reasons = failed.map((i) => `#${i}: ${result.results[i]?.error ?? 'no reason given'}`).join('; ');
    super(
      failed.length
        ? `${failed.length} of ${result.results.length} batch statements failed: ${reasons}`
        : 'The batch failed (the server reported success: false for it)',
      {
        code: 'BATCH_STATEMENT_FAILED',
        details: { failed: failed.map((index) => ({ index, error: result.results[index]?.error })) },
        requestId,
      },
    );
    this.failed = failed;
    this.result = result;
  }
}
