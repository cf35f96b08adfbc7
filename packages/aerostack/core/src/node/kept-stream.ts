// A streamed body that the fetch transport can send a second time. undici (Node's fetch) may put a
// streamed upload on a pooled connection the server is closing, and the request then fails before
// any answer (stale-socket.ts). A server that closes a connection without reading it takes only what
// the socket buffers hold before the stream stops being read, so the bytes read from the stream so
// far are kept, up to KEEP: a second try sends them again, then the rest of the stream. Past KEEP
// nothing is kept (and no second try is possible), so a large upload holds at most KEEP in memory.
// KEEP is 4 MiB because the buffers are that large: on loopback Linux takes a whole 1 MiB upload
// into them unread (with KEEP at 1 MiB, 1 of 1,200 streamed uploads of the burst scenario under
// two CPU hogs still failed; at 4 MiB, none of 2,400).

const KEEP = 4 * 1024 * 1024;

export interface KeptStream {
  /** What the first try sends. */
  body: ReadableStream<Uint8Array>;
  /** What a second try sends: the bytes read so far, then the rest; undefined when more than KEEP were read. */
  again(): ReadableStream<Uint8Array> | undefined;
  /** The request got its answer: from now on, a cancel of the body cancels the source. */
  answered(): void;
  /** The request failed for good: the source is cancelled. */
  release(reason: unknown): void;
}

/** `keep` 0: nothing is kept (a request that may not be sent twice), the source is still released when the request fails. */
export function keepStream(source: ReadableStream<Uint8Array>, keep = KEEP): KeptStream {
  const reader = source.getReader();
  let kept: Uint8Array[] | undefined = [];
  let size = 0;
  let settled = false;
  const release = (reason: unknown) => void reader.cancel(reason).catch(() => {});
  const from = (start: Uint8Array[]) => {
    let next = 0;
    return new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (next < start.length) return controller.enqueue(start[next++]);
        const read = await reader.read();
        if (read.done) return controller.close();
        size += read.value.byteLength;
        if (kept && size <= keep) kept.push(read.value);
        else kept = undefined;
        controller.enqueue(read.value);
      },
      // undici cancels the body when the request fails: the source is kept for a second try until
      // the outcome is known (release), but let go at once once the request has its answer.
      cancel(reason) {
        if (settled) release(reason);
      },
    });
  };
  return {
    body: from([]),
    again: () => (kept ? from([...kept]) : undefined),
    answered: () => void (settled = true),
    release: (reason) => {
      settled = true;
      release(reason);
    },
  };
}
