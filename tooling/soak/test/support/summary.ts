// The figures of a run, printed as a table and written to .vitest/soak-summary.json for quoting.
import { mkdirSync, writeFileSync } from 'node:fs';
import { errorName, type CallRecord } from './calls';
import type { FaultKind } from './faults';

type Counts = Record<string, number>;

const bump = (counts: Counts, key: string, by = 1) => {
  counts[key] = (counts[key] ?? 0) + by;
};

export interface Figures {
  seed: number;
  ops: number;
  planned: number;
  stoppedByBudget: boolean;
  durationMs: number;
  opsPerSecond: number;
  byKind: Record<string, Counts>;
  byTransport: Counts;
  attempts: number;
  retries: number;
  replays: number;
  faults: Counts;
  ruleFaults: Counts;
  outcomes: Record<string, Counts>;
  unplannedTimeouts: number;
  /** Connections lost before any answer with no fault planned to lose them. */
  unplannedLosses: number;
  [extra: string]: unknown;
}

/** Figures of the calls: per kind and transport, the faults sent, the outcomes per error class. */
export function figures(calls: CallRecord[], extra: { seed: number; planned: number; stoppedByBudget: boolean; durationMs: number }): Figures {
  const byKind: Record<string, Counts> = {};
  const byTransport: Counts = {};
  const faults: Counts = {};
  const ruleFaults: Counts = {};
  const outcomes: Record<string, Counts> = { node: {}, fetch: {} };
  let attempts = 0;
  let replays = 0;
  let unplannedTimeouts = 0;
  let unplannedLosses = 0;
  for (const call of calls) {
    bump((byKind[call.kind] ??= {}), call.transport);
    bump(byTransport, call.transport);
    const outcome = call.ok ? 'ok' : errorName(call.error);
    bump(outcomes[call.transport] as Counts, outcome);
    attempts += call.attempts.length;
    for (const a of call.attempts) {
      if (a.replayed) replays++;
      if (a.unplannedTimeout) unplannedTimeouts++;
      if (a.unplannedLoss) unplannedLosses++;
      if (a.fault) {
        const kind: FaultKind | 'cut-stream' = a.fault.kind === 'drop' && call.traits.mode === 'stream' ? 'cut-stream' : a.fault.kind;
        bump(faults, kind === 'server-error' ? `server-error ${a.fault.status}` : kind);
      }
      if (a.rule) bump(ruleFaults, a.outcome === 'cut' ? 'drop' : `status ${a.status}`);
    }
  }
  return {
    ...extra,
    ops: calls.length,
    opsPerSecond: Math.round((calls.length / extra.durationMs) * 1000),
    byKind,
    byTransport,
    attempts,
    retries: attempts - calls.length,
    replays,
    faults,
    ruleFaults,
    outcomes,
    unplannedTimeouts,
    unplannedLosses,
  };
}

const line = (counts: Counts) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');

export function printFigures(f: Figures): void {
  const kinds = Object.entries(f.byKind)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([kind, c]) => `    ${kind.padEnd(22)} ${String((c.node ?? 0) + (c.fetch ?? 0)).padStart(5)}  (node ${c.node ?? 0}, fetch ${c.fetch ?? 0})`)
    .join('\n');
  const sent = Object.values(f.faults).reduce((s, n) => s + n, 0);
  const rules = Object.values(f.ruleFaults).reduce((s, n) => s + n, 0);
  console.log(
    [
      `soak summary — seed ${f.seed} (reproduce: SOAK_SEED=${f.seed} SOAK_OPS=${f.planned})`,
      `  operations: ${f.ops} of ${f.planned}${f.stoppedByBudget ? ' (stopped by the time budget)' : ''} in ${(f.durationMs / 1000).toFixed(1)} s (${f.opsPerSecond}/s); ${line(f.byTransport)}`,
      kinds,
      `  attempts ${f.attempts}, retries ${f.retries}, answers replayed from an idempotency record ${f.replays}, unplanned timeouts ${f.unplannedTimeouts}, unplanned connection losses ${f.unplannedLosses}`,
      `  faults injected by header: ${sent} (${line(f.faults)})`,
      `  faults from control-route rules: ${rules} (${line(f.ruleFaults)})`,
      `  outcomes, node:  ${line(f.outcomes.node ?? {})}`,
      `  outcomes, fetch: ${line(f.outcomes.fetch ?? {})}`,
      ...Object.entries(f)
        .filter(([k]) => k.startsWith('x:'))
        .map(([k, v]) => `  ${k.slice(2)}: ${typeof v === 'string' ? v : JSON.stringify(v)}`),
    ].join('\n'),
  );
}

export function saveFigures(f: Figures): void {
  mkdirSync('.vitest', { recursive: true });
  writeFileSync('.vitest/soak-summary.json', JSON.stringify(f, null, 2) + '\n');
}
