// A project's database, as the worker sees it: each statement goes to the launcher through the
// service binding PROJECT_DB, which runs it in the project's own workerd process with D1's query
// duration limit (src/project-databases.ts). A D1 binding in this process would let one runaway
// statement freeze every worker of the process (workerd runs them all on one thread).
import { ApiError } from '../errors';

export type Row = Record<string, unknown>;

export interface ProjectDb {
  /** One statement; rejects with the engine's message (a D1_ERROR, the timeout's included). */
  query(sql: string, params?: unknown[], options?: { skipWhenEmpty?: boolean; fromApi?: boolean }): Promise<Row[]>;
  /** The migration files applied again, from the first (after a reset dropped the tables); none: nothing. */
  migrate(): Promise<void>;
}

/** The engine's failure: its message becomes a DB_QUERY_FAILED. */
export class EngineError extends Error {}

export function projectDb(binding: Fetcher, project: string): ProjectDb {
  return {
    async query(sql, params = [], options = {}) {
      const response = await binding.fetch('http://project-db/', { method: 'POST', body: JSON.stringify({ project, sql, params, ...options }) });
      if (!response.ok) throw new ApiError(500, 'INTERNAL_ERROR', `Project database unavailable (${response.status})`);
      const outcome = await response.json<{ results: Row[] } | { error: string }>();
      if ('error' in outcome) throw new EngineError(outcome.error);
      return outcome.results;
    },
    async migrate() {
      const response = await binding.fetch('http://project-db/', { method: 'POST', body: JSON.stringify({ project, op: 'migrate' }) });
      const outcome = await response.json<{ results: Row[] } | { error: string }>();
      if (!response.ok || 'error' in outcome) throw new ApiError(500, 'INTERNAL_ERROR', 'error' in outcome ? outcome.error : `Project database unavailable (${response.status})`);
    },
  };
}
