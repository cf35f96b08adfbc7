// How the realtime soak judges what each subscriber received, as pure functions (realtime-judging.test.ts
// checks them on hand-made cases, so that each verdict is known to be able to fail).
//
// "Order" comes from the contract (specs/realtime.md, History): a room's persisted events are ordered
// by their history `created_at`, strictly increasing within the room. A table's changes are ordered by
// commit; the soak's writers are sequential per table, so commit order is the order their calls returned.

/** Compares what a subscriber got (ids, in delivery order) with what it should have got, in order. */
export function compareSequence(got: readonly string[], want: readonly string[]): string[] {
  const problems: string[] = [];
  const wanted = new Set(want);
  const counts = new Map<string, number>();
  for (const id of got) counts.set(id, (counts.get(id) ?? 0) + 1);
  const missing = want.filter((id) => !counts.has(id));
  const duplicated = [...counts].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
  const unknown = [...counts.keys()].filter((id) => !wanted.has(id));
  if (missing.length) problems.push(`${missing.length} missing (first: ${missing.slice(0, 5).join(', ')})`);
  if (duplicated.length) problems.push(`${duplicated.length} delivered more than once (${duplicated.slice(0, 5).join(', ')})`);
  if (unknown.length) problems.push(`${unknown.length} never expected (${unknown.slice(0, 5).join(', ')})`);
  if (!problems.length) {
    const at = got.findIndex((id, i) => id !== want[i]);
    if (at >= 0) problems.push(`out of order at position ${at}: got ${got[at]}, expected ${want[at]}`);
  }
  return problems;
}

/**
 * For a subscription that may have missed some items (table changes while its socket was down: they have
 * no history to resume from), what it did get must still be each item at most once, in order: a
 * subsequence of `want`. Returns the problems and how many items it missed.
 */
export function compareSubsequence(got: readonly string[], want: readonly string[]): { problems: string[]; missed: number } {
  const index = new Map(want.map((id, i) => [id, i]));
  const problems: string[] = [];
  let last = -1;
  const seen = new Set<string>();
  for (const id of got) {
    const i = index.get(id);
    if (i === undefined) problems.push(`${id} never committed`);
    else if (seen.has(id)) problems.push(`${id} delivered twice`);
    else if (i < last) problems.push(`${id} delivered after ${want[last]}, committed before it`);
    else last = i;
    seen.add(id);
  }
  return { problems: problems.slice(0, 5), missed: want.filter((id) => !seen.has(id)).length };
}

/** One publish as its publisher saw it: ticks of one clock shared by all publishers (a counter, not time). */
export interface PublishRecord {
  id: string;
  sentAt: number;
  ackedAt: number | undefined;
}

/**
 * Per publisher: an event published after an earlier one was acknowledged must come after it in the
 * room's history (`created_at`). Events in flight together may be stored in either order.
 */
export function checkPublisherOrder(records: readonly PublishRecord[], createdAt: ReadonlyMap<string, number>): string[] {
  const problems: string[] = [];
  const acked = records.filter((r) => r.ackedAt !== undefined).sort((a, b) => (a.ackedAt as number) - (b.ackedAt as number));
  let j = 0;
  let newest: PublishRecord | undefined;
  for (const r of [...records].sort((a, b) => a.sentAt - b.sentAt)) {
    for (; j < acked.length && (acked[j] as PublishRecord).ackedAt! < r.sentAt; j++) {
      const a = acked[j] as PublishRecord;
      if (!newest || (createdAt.get(a.id) ?? -1) > (createdAt.get(newest.id) ?? -1)) newest = a;
    }
    const mine = createdAt.get(r.id);
    if (mine === undefined) problems.push(`${r.id} is not in history`);
    else if (newest && mine <= (createdAt.get(newest.id) ?? -1)) problems.push(`${r.id} (created_at ${mine}) was published after ${newest.id} was acknowledged, but is not after it in history`);
  }
  return problems;
}
