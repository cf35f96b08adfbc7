import type { Realtime } from './connection';
import { need, subscription, type Subscription } from './subscription';

export type Operation = 'INSERT' | 'UPDATE' | 'DELETE';

/** One change of a row: `data` is the new row (the deleted one for a DELETE), `old` the row before an UPDATE or DELETE. */
export interface TableChange<Row> {
  operation: Operation;
  data: Row;
  old?: Row | undefined;
  /** The server's topic, `table/<table>/<projectId>`. */
  topic: string;
  /** When the change was committed (ms since the epoch). */
  timestamp: number;
}

export interface SubscribeTableOptions<Row> {
  /** Which changes: one operation, or `'*'` (default) for all. */
  operation?: Operation | '*' | undefined;
  /** Only rows whose columns equal these values (the row before a DELETE); applied by the server. */
  filter?: Partial<Row> | undefined;
  /** Aborting it unsubscribes. */
  signal?: AbortSignal | undefined;
}

/** Subscribes to the changes of a table (`table/<table>`), in commit order. */
export function subscribeTable<Row = Record<string, unknown>>(rt: Realtime, table: string, options: SubscribeTableOptions<Row> = {}): Subscription<TableChange<Row>> {
  const { operation = '*', filter } = options;
  return subscription<TableChange<Row>>(
    rt,
    'table/' + table,
    filter,
    (frame, emit) => {
      if (frame.type !== 'db_change') return;
      const op = need<Operation>(frame, 'operation', 'string');
      const data = need<Row>(frame, 'data', 'object');
      const old = frame.old as Row | undefined;
      const row = (op === 'DELETE' ? (old ?? data) : data) as Record<string, unknown>;
      // Filtered here too: when two subscriptions of one table differ, the server gets no filter.
      for (const column in filter) if (row[column] !== filter[column]) return;
      if (operation === '*' || operation === op) emit({ operation: op, data, old, topic: frame.topic as string, timestamp: frame.timestamp as number });
    },
    options.signal,
  );
}
