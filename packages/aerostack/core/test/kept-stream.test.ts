// The fetch transport's kept stream (src/node/kept-stream.ts): a second try sends the bytes read so
// far, then the rest, each once and in order; past 4 MiB read nothing is kept and no second try is
// offered; the source is cancelled when the request fails for good, and after its answer only.

import { describe, expect, it } from 'vitest';
import { keepStream } from '../src/node/kept-stream';

/** A source of `count` chunks of `size` bytes, chunk i filled with i; records a cancel. */
function source(count: number, size: number) {
  let i = 0;
  const state = { cancelled: undefined as unknown };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < count) controller.enqueue(new Uint8Array(size).fill(i++));
      else controller.close();
    },
    cancel(reason) {
      state.cancelled = reason;
    },
  });
  return { stream, state };
}

async function readN(stream: ReadableStream<Uint8Array>, n: number): Promise<number[]> {
  const reader = stream.getReader();
  const firsts: number[] = [];
  for (let k = 0; k < n; k++) {
    const { value, done } = await reader.read();
    if (done) break;
    firsts.push(value[0] as number);
  }
  reader.releaseLock();
  return firsts;
}

describe('keepStream', () => {
  it('a second try gets the bytes read so far, then the rest, once each and in order', async () => {
    const { stream } = source(10, 1000);
    const kept = keepStream(stream);
    expect(await readN(kept.body, 3)).toEqual([0, 1, 2]);
    await kept.body.cancel('undici gave up'); // what fetch does with a failed request's body
    const again = kept.again();
    expect(again).toBeDefined();
    expect(await readN(again!, 20)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('keeps nothing past 4 MiB read: no second try', async () => {
    const { stream } = source(5, 1024 * 1024);
    const kept = keepStream(stream);
    expect(await readN(kept.body, 5)).toEqual([0, 1, 2, 3, 4]);
    expect(kept.again()).toBeUndefined();
  });

  it('keeps nothing at all with keep 0 (a request that may not be sent twice), and still releases the source', async () => {
    const { stream, state } = source(3, 10);
    const kept = keepStream(stream, 0);
    expect(await readN(kept.body, 1)).toEqual([0]);
    expect(kept.again()).toBeUndefined();
    kept.release(new Error('reset'));
    await Promise.resolve();
    expect(state.cancelled).toEqual(new Error('reset'));
  });

  it('cancels the source when the request fails for good, and on a cancel after the answer, not before', async () => {
    const failed = source(10, 10);
    const one = keepStream(failed.stream);
    await readN(one.body, 1);
    await one.body.cancel('undici gave up');
    expect(failed.state.cancelled).toBeUndefined(); // kept for a second try
    one.release(new Error('reset'));
    await Promise.resolve();
    expect(failed.state.cancelled).toEqual(new Error('reset'));

    const answered = source(10, 10);
    const two = keepStream(answered.stream);
    await readN(two.body, 1);
    two.answered();
    await two.body.cancel('early answer');
    expect(answered.state.cancelled).toBe('early answer');
  });
});
