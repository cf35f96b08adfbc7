export { VERSION } from './version';
export { sql, type SqlQuery } from './sql';
export { join, unsafeRaw } from './join';
export { query, type QueryParams, type QueryResult, type Row } from './query';
export { batch, MAX_BATCH_STATEMENTS, type BatchOptions, type BatchParams, type BatchResult, type BatchStatementResult } from './batch';
export { BatchStatementError } from './batch-error';
export type { Statement } from './statement';
export { Database } from './database';
