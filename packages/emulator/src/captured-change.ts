// One row change captured by the triggers of a project's database (src/db-worker/triggers.ts): read
// back by the database worker, carried by the launcher's pump (src/change-pump.ts) and broadcast by the
// project's Durable Object (src/worker/realtime/hub.ts). Types only: each of the three imports it.
export interface CapturedChange {
  seq: number;
  table: string;
  operation: 'INSERT' | 'UPDATE' | 'DELETE';
  data: Record<string, unknown> | null;
  old: Record<string, unknown> | null;
  /** When the row was written, ms since the epoch (the statement's time). */
  at: number;
}
