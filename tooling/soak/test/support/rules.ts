// The second source of faults: rules added through the control route (POST /__emulator/faults) while
// the lanes run. They are global (whichever request matches first uses them up), so they target one
// path only, `/queue/job` (queue.getJob, a retried read), where a fault nobody planned can only be a
// rule's. At the end, the uses the emulator counted must equal the rule faults the clients saw.
import type { Control } from './control';
import type { Rng } from './prng';
import { sleep } from './resources';

export const RULE_PATH = '/queue/job';

export type RuleKind = 'rate-limit' | 'server-error' | 'drop';

export class RuleDriver {
  /** Uses added, by kind. */
  readonly added: Record<RuleKind, number> = { 'rate-limit': 0, 'server-error': 0, drop: 0 };
  readonly ids: number[] = [];
  #stopped = false;

  constructor(
    private readonly control: Control,
    private readonly rng: Rng,
  ) {}

  get total(): number {
    return this.added['rate-limit'] + this.added['server-error'] + this.added.drop;
  }

  /** A method, not the field: the loop below must read it afresh after each await. */
  stopped(): boolean {
    return this.#stopped;
  }

  async run(): Promise<void> {
    while (!this.stopped()) {
      // Sleep in short steps, so that stop() is prompt.
      for (let wait = this.rng.int(500, 1500); wait > 0 && !this.stopped(); wait -= 100) await sleep(Math.min(wait, 100));
      if (this.stopped()) break;
      const kind = this.rng.weighted<RuleKind>({ 'rate-limit': 35, 'server-error': 40, drop: 25 });
      const times = this.rng.int(1, 3);
      const match = { method: 'POST', path: RULE_PATH };
      const rule =
        kind === 'rate-limit'
          ? { match, times, status: 429, retryAfterMs: this.rng.int(5, 30) }
          : kind === 'server-error'
            ? { match, times, status: 503 }
            : { match, times, drop: true };
      this.ids.push(await this.control.addFault(rule));
      this.added[kind] += times;
    }
  }

  stop(): void {
    this.#stopped = true;
  }

  /** Uses left on our rules; then every rule is removed. */
  async finish(): Promise<number> {
    const left = (await this.control.faults()).filter((f) => this.ids.includes(f.id)).reduce((sum, f) => sum + f.times, 0);
    await this.control.clearFaults();
    return left;
  }
}
