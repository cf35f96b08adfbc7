// One statement of the API on the project's D1 database. DDL is allowed here (the real API refuses
// it); the launcher warns once per project when it sees some (`fromApi`), pointing at --migrations.
import { ApiError } from '../errors';
import { EngineError, type ProjectDb, type Row } from './project-db';

export type { Row };

export function runStatement(db: ProjectDb, sql: string, params: unknown[]): Promise<Row[]> {
  return db.query(sql, params, { fromApi: true });
}

/** The engine's message, for DB_QUERY_FAILED. */
export function sqlError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The engine's failure (D1's timeout included: a 400, which clients do not retry) is DB_QUERY_FAILED; anything else goes on as it is. */
export function queryFailed(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (!(error instanceof EngineError)) throw error;
  return new ApiError(400, 'DB_QUERY_FAILED', sqlError(error));
}
