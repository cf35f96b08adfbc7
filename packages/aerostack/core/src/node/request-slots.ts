// At most 50 requests per origin waiting for their response's headers at once, 16 of them large
// uploads; the rest wait, in order, in the client. Both Node transports go through it. Without
// it a burst opens a connection per request (undici's pool and Node's agent both open one for
// every request that finds none idle): 500 concurrent reads became 500 connections and 200
// concurrent 1 MiB uploads 200, which a busy server reads late, and workerd (the emulator,
// Cloudflare's runtime) closes a new connection whose request it has not read within 15 s and a
// reused one within 5 s of its last answer: `ECONNRESET`/`EPIPE`, and a streamed upload cannot be
// sent again. The AWS SDK's Node handler caps sockets at 50 for the same reason. A slot is held
// only until the response's headers arrive (an upload's body has been read by then), so a long
// download or a stream of events never holds back another call.

import type { FetchLike } from '../transport';

/** Requests per origin waiting for their response's headers at once (the AWS SDK's Node handler: 50 sockets). */
const REQUESTS = 50;
/** Large uploads among them; the rest wait, in order, in the client. */
const UPLOADS = 16;
/** A body of this many bytes or more waits for a slot; a stream, whose size is unknown, always does. */
const LARGE = 64 * 1024;

interface Slots {
  busy: number;
  waiting: Array<() => void>;
}

/** Per origin (and per kind of request): how many are out, and who waits. */
const pools = new Map<string, Slots>();

/** A body of LARGE bytes or more; a stream or a FormData, whose size is not known before it is sent, always. */
function isLarge(body: RequestInit['body']): boolean {
  if (body == null) return false;
  const b = body as { byteLength?: number; size?: number };
  // A string's length in characters: up to 4 bytes each. No size (NaN): large.
  const size = typeof body === 'string' ? body.length * 4 : (b.byteLength ?? b.size ?? NaN);
  return !(size < LARGE);
}

/** Resolves when the pool has a free slot; rejects with the signal's reason if it aborts first. */
const take = (key: string, size: number, signal: AbortSignal | null | undefined) =>
  new Promise<void>((resolve, reject) => {
    let slots = pools.get(key);
    if (!slots) pools.set(key, (slots = { busy: 0, waiting: [] }));
    if (slots.busy < size) {
      slots.busy++;
      return resolve();
    }
    const go = () => {
      signal?.removeEventListener('abort', stop);
      resolve();
    };
    const stop = () => {
      slots.waiting.splice(slots.waiting.indexOf(go), 1);
      // As fetch: an abort rejects with the signal's reason, whatever it is.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', stop);
    slots.waiting.push(go);
  });

/** Hands the slot to the next one waiting, or frees it. */
function give(key: string): void {
  const slots = pools.get(key) as Slots;
  const next = slots.waiting.shift();
  if (next) next();
  else if (--slots.busy === 0) pools.delete(key);
}

/** `send` (looked up at each call: a test double that replaces the global fetch is seen), with requests queued per origin. */
export const withSlots =
  (send: () => FetchLike): FetchLike =>
  async (url, init) => {
    // (An aborted signal fires no more events: one that waited would wait forever.)
    if (init.signal?.aborted) throw init.signal.reason;
    const origin = new URL(url).origin;
    // A large upload waits for an upload slot first, so that it holds no request slot meanwhile.
    const keys = isLarge(init.body) ? [`${origin} upload`, origin] : [origin];
    const taken: string[] = [];
    try {
      for (const key of keys) {
        await take(key, key === origin ? REQUESTS : UPLOADS, init.signal);
        taken.push(key);
      }
      return await send()(url, init);
    } finally {
      for (const key of taken) give(key);
    }
  };
