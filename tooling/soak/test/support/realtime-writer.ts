// A table's writer for the realtime soak: one statement at a time (so commit order is the order the calls
// returned), each touching one row (so each is exactly one change), drawn from the seed, with a model of
// the rows to compare with a SELECT at the end.
import type { Client } from '@aerostack/core';
import * as db from '@aerostack/database';
import type { Rng } from './prng';

export interface Row {
  id: number;
  v: number;
}

/** A committed change as `<operation>:<id>:<v>` (for a DELETE, the deleted row's `v`). */
export type ChangeKey = string;

export const changeKey = (operation: string, row: Row): ChangeKey => `${operation}:${row.id}:${row.v}`;

export class TableWriter {
  readonly rows = new Map<number, number>();
  /** Every change committed, in commit order. */
  readonly committed: ChangeKey[] = [];
  #nextId = 1;

  constructor(
    readonly table: string,
    private readonly client: Client,
    private readonly rng: Rng,
  ) {}

  async create(): Promise<void> {
    await db.query(this.client, { sql: `CREATE TABLE ${this.table} (id INTEGER PRIMARY KEY, v INTEGER NOT NULL)` });
  }

  /** One write: an insert, or an update (v + 1) or delete of a row drawn from the model. */
  async write(): Promise<void> {
    const ids = [...this.rows.keys()];
    if (ids.length < 3 || this.rng.chance(0.45)) {
      const id = this.#nextId++;
      await db.query(this.client, { sql: `INSERT INTO ${this.table} (id, v) VALUES (?, 0)`, params: [id] });
      this.rows.set(id, 0);
      this.committed.push(changeKey('INSERT', { id, v: 0 }));
      return;
    }
    const id = this.rng.pick(ids);
    const v = this.rows.get(id) as number;
    if (this.rng.chance(0.65)) {
      await db.query(this.client, { sql: `UPDATE ${this.table} SET v = v + 1 WHERE id = ?`, params: [id] });
      this.rows.set(id, v + 1);
      this.committed.push(changeKey('UPDATE', { id, v: v + 1 }));
    } else {
      await db.query(this.client, { sql: `DELETE FROM ${this.table} WHERE id = ?`, params: [id] });
      this.rows.delete(id);
      this.committed.push(changeKey('DELETE', { id, v }));
    }
  }

  /** The table as the database has it, and as the model says it should be. */
  async compare(): Promise<{ actual: Row[]; model: Row[] }> {
    const { results } = await db.query<Row>(this.client, { sql: `SELECT id, v FROM ${this.table} ORDER BY id` });
    const model = [...this.rows].sort(([a], [b]) => a - b).map(([id, v]) => ({ id, v }));
    return { actual: results.map((r) => ({ id: r.id, v: r.v })), model };
  }
}
