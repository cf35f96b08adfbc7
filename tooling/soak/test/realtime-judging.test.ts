// The realtime soak's verdicts on hand-made cases: each one fails what it must (a gap, a duplicate, an
// inversion, a publish stored before one acknowledged earlier), so that a green soak means something.
import { describe, expect, it } from 'vitest';
import { checkPublisherOrder, compareSequence, compareSubsequence } from './support/realtime-judge';

describe('realtime soak judging', () => {
  it('an events subscriber must get the room exactly, in history order', () => {
    expect(compareSequence(['a', 'b', 'c'], ['a', 'b', 'c'])).toEqual([]);
    expect(compareSequence(['a', 'c'], ['a', 'b', 'c'])).toEqual(['1 missing (first: b)']);
    expect(compareSequence(['a', 'b', 'b', 'c'], ['a', 'b', 'c'])).toEqual(['1 delivered more than once (b ×2)']);
    expect(compareSequence(['a', 'c', 'b'], ['a', 'b', 'c'])).toEqual(['out of order at position 1: got c, expected b']);
    expect(compareSequence(['a', 'x'], ['a'])).toEqual(['1 never expected (x)']);
  });

  it('a table subscriber may miss changes made while its socket was down, but never repeat or reorder them', () => {
    expect(compareSubsequence(['a', 'c'], ['a', 'b', 'c'])).toEqual({ problems: [], missed: 1 });
    expect(compareSubsequence(['c', 'a'], ['a', 'b', 'c']).problems).toEqual(['a delivered after c, committed before it']);
    expect(compareSubsequence(['a', 'a'], ['a', 'b']).problems).toEqual(['a delivered twice']);
    expect(compareSubsequence(['z'], ['a']).problems).toEqual(['z never committed']);
  });

  it('a publish sent after another was acknowledged must come after it in history; publishes in flight together may swap', () => {
    const records = [
      { id: 'e1', sentAt: 1, ackedAt: 3 },
      { id: 'e2', sentAt: 2, ackedAt: 5 },
      { id: 'e3', sentAt: 4, ackedAt: 6 },
    ];
    // e1 and e2 were in flight together: either order; e3 was sent after e1's ack.
    expect(checkPublisherOrder(records, new Map([['e2', 10], ['e1', 11], ['e3', 12]]))).toEqual([]);
    expect(checkPublisherOrder(records, new Map([['e1', 10], ['e3', 11], ['e2', 12]]))).toEqual([]);
    expect(checkPublisherOrder(records, new Map([['e3', 10], ['e1', 11], ['e2', 12]]))).toEqual(['e3 (created_at 10) was published after e1 was acknowledged, but is not after it in history']);
    expect(checkPublisherOrder(records, new Map([['e1', 10], ['e2', 11]]))).toEqual(['e3 is not in history']);
  });
});
