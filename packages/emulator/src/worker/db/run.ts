// One statement on the project's D1 database. DDL is allowed here (the real API refuses it): a
// project in the emulator must be able to create its tables.
import { ApiError } from '../errors';

export type Row = Record<string, unknown>;

export async function runStatement(db: D1Database, sql: string, params: unknown[]): Promise<Row[]> {
  const statement = db.prepare(sql);
  const { results } = await (params.length ? statement.bind(...params) : statement).all<Row>();
  return results;
}

/** The engine's message, for DB_QUERY_FAILED. */
export function sqlError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function queryFailed(error: unknown): ApiError {
  return new ApiError(400, 'DB_QUERY_FAILED', sqlError(error));
}
