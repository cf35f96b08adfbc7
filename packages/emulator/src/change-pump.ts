// The pump of a project's captured changes (realtime db_change): the triggers of the project's
// database write every changed row into a table, in commit order (src/db-worker/triggers.ts); the
// pump reads them in that order, hands them to the project's Durable Object, and deletes them once
// handed over. One drain at a time per project (kicks during a drain are coalesced into one more),
// so the object receives every change once, in seq order, with no gap: rows that were not handed
// over stay in the table (a killed instance, a failed delivery) and go at the next drain.
import type { CapturedChange as Change } from './captured-change';

/** A captured change as the database worker answers it (src/db-worker/changes.ts). */
export type { Change };

/** Reads up to `limit` changes after `after`, deleting those up to `ack` first; undefined when the database is not running. */
export type ReadChanges = (after: number, ack: number, limit: number) => Promise<Change[] | undefined>;
/** Hands changes to the project's Durable Object; rejects when they were not taken. */
export type ChangeSink = (project: string, changes: Change[]) => Promise<void>;

const PAGE = 200;
/** After a failed read or delivery, try again after this long (doubling up to RETRY_MAX_MS). */
const RETRY_MS = 100;
const RETRY_MAX_MS = 2000;

export class ChangePump {
  #after = 0;
  #ack = 0;
  #running = false;
  #again = false;
  #retryMs = RETRY_MS;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #stopped = false;
  #sink: ChangeSink | undefined;

  constructor(
    private readonly project: string,
    private readonly read: ReadChanges,
  ) {}

  setSink(sink: ChangeSink): void {
    this.#sink = sink;
    this.kick();
  }

  /** There may be new changes: drain now, or once more after the drain that is running. */
  kick(): void {
    if (this.#stopped || !this.#sink) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = true;
    void this.#drain();
  }

  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  /** Whether a kick came during the drain (and clears it). */
  #takeAgain(): boolean {
    const again = this.#again && !this.#stopped;
    this.#again = false;
    return again;
  }

  async #drain(): Promise<void> {
    try {
      this.#again = false;
      do {
        for (;;) {
          const page = await this.read(this.#after, this.#ack, PAGE);
          if (!page) break; // not running: the next statement starts it and kicks
          this.#ack = 0;
          if (!page.length) break;
          if (this.#stopped || !this.#sink) break;
          await this.#sink(this.project, page);
          const last = page[page.length - 1]?.seq ?? this.#after;
          this.#after = last;
          this.#ack = last;
        }
      } while (this.#takeAgain());
      this.#retryMs = RETRY_MS;
      this.#running = false;
    } catch {
      this.#running = false;
      // kick() does nothing once stopped
      this.#timer = setTimeout(() => this.kick(), this.#retryMs);
      this.#retryMs = Math.min(this.#retryMs * 2, RETRY_MAX_MS);
    }
  }
}
