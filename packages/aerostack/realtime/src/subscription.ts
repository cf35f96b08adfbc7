import { APIUserAbortError, type SDKError } from '@aerostack/core';
import type { Conn, Frame, FrameHandler, Realtime } from './connection';
import { RealtimeError } from './errors';

/**
 * A live subscription: callbacks (`on`) and an async iterable (`for await`; `break` unsubscribes).
 * It ends when unsubscribed, when its signal aborts, or when the connection closes; an iteration
 * then finishes, or throws the connection's error (a refused key, spent reconnects).
 */
export interface Subscription<T> extends AsyncIterable<T> {
  /** The topic: as sent until the server confirms it, then the server's normalised name. */
  readonly topic: string;
  /** Calls `handler` with each item; returns the function that stops it. A handler that throws is reported to `onError`. */
  on(handler: (item: T) => void): () => void;
  /** Faults that do not end the subscription (`RealtimeError`: a malformed frame, a server error, a handler that threw). An iteration throws them too. */
  onError(handler: (error: SDKError) => void): () => void;
  unsubscribe(): void;
  /**
   * Resolves when the server first confirms the subscription: what is committed or published from
   * then on reaches it. Rejects if it ends first (the connection's error, or an `APIUserAbortError`
   * for an unsubscribe or an abort).
   */
  readonly ready: Promise<void>;
}

/** Turns a channel's frames into items: `emit` each one, throw a `RealtimeError` for a malformed frame. */
export type FrameReader<T> = (frame: Frame, emit: (item: T) => void, fault: (error: SDKError) => void) => void;

/** Reads a field that must be there: a frame without it is malformed. */
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- a checked cast
export function need<T>(frame: Frame, field: string, type: string): T {
  const value = frame[field];
  if (typeof value !== type || value === null) throw new RealtimeError(`Malformed ${frame.type} frame: no ${type} "${field}"`, { code: 'BAD_FRAME', details: frame });
  return value as T;
}

/**
 * Subscribes to `topic` (a `subscribe` frame with `filter`, re-sent on every reconnect) and reads its
 * frames with `read`. Subscriptions to one topic share the socket's subscription.
 */
export function subscription<T>(realtime: Realtime, topic: string, filter: object | undefined, read: FrameReader<T>, signal: AbortSignal | undefined): Subscription<T> {
  const rt = realtime as Conn;
  const handlers = new Set<(item: T) => void>();
  const errorHandlers = new Set<(error: SDKError) => void>();
  // Only once iterated: a callback-only subscription buffers nothing.
  let queue: { v?: T; e?: SDKError }[] | undefined;
  let wake: (() => void) | undefined;
  let done = false;

  const push = (entry: { v?: T; e?: SDKError }) => {
    if (!queue) return; // callbacks only: nothing to queue
    queue.push(entry);
    wake?.();
  };
  const fault = (error: SDKError) => {
    for (const handler of errorHandlers) {
      try {
        handler(error);
      } catch {
        // An error handler that throws has nowhere left to report to.
      }
    }
    push({ e: error });
  };
  const emit = (item: T) => {
    if (done) return; // (a resume may finish after an unsubscribe)
    for (const handler of handlers) {
      try {
        handler(item);
      } catch (cause) {
        fault(new RealtimeError('A subscription handler threw', { code: 'HANDLER_ERROR', cause }));
      }
    }
    push({ v: item });
  };
  let confirm!: () => void;
  let refuse!: (error: SDKError) => void;
  const ready = new Promise<void>((resolve, reject) => {
    confirm = resolve;
    refuse = reject;
  });
  ready.catch(() => {}); // awaiting it is optional: an ending subscription is no unhandled rejection
  const onFrame: FrameHandler = (frame) => {
    if (frame.type === 'subscribed') confirm();
    try {
      if (frame.type === 'error') throw new RealtimeError(`Server error ${String(frame.code)}: ${String(frame.message)}`, { code: frame.code === 'BAD_FRAME' ? 'BAD_FRAME' : 'SERVER_ERROR', details: frame });
      read(frame, emit, fault);
    } catch (error) {
      fault(error as SDKError);
    }
  };

  const json = filter ? JSON.stringify(filter) : '';
  let channel = rt.ch.get(topic);
  if (!channel) rt.ch.set(topic, (channel = { key: topic, subs: new Map() }));
  rt.routes.clear();
  // The server keeps one filter per topic: the shared one, or none when the subscriptions differ
  // (each table subscription filters its rows itself as well). A new subscription sends it again
  // even when unchanged: its `subscribed` answer is where an events subscription starts its history.
  const resubscribe = (again?: boolean) => {
    const filters = new Set(channel.subs.values());
    const shared = filters.size === 1 ? [...filters][0] : '';
    const frame = '{"type":"subscribe","topic":' + JSON.stringify(topic) + (shared ? ',"filter":' + shared : '') + '}';
    if (again || rt.keep.get('s' + topic) !== frame) {
      rt.keep.set('s' + topic, frame);
      rt.send(frame);
    }
  };
  channel.subs.set(onFrame, json);
  resubscribe(true);

  const stopStatus = rt.onStatusChange((status) => {
    if (status === 'disconnected') finish();
  });
  const finish = () => {
    if (done) return;
    done = true;
    refuse(rt.error ?? new APIUserAbortError('The subscription ended before the server confirmed it'));
    stopStatus();
    signal?.removeEventListener('abort', unsubscribe);
    wake?.();
  };
  const unsubscribe = () => {
    if (done) return;
    finish();
    channel.subs.delete(onFrame);
    if (channel.subs.size) return resubscribe(false);
    rt.ch.delete(topic);
    rt.routes.clear();
    rt.keep.delete('s' + topic);
    rt.send(JSON.stringify({ type: 'unsubscribe', topic: channel.key }));
  };
  if (signal?.aborted || rt.status === 'disconnected') unsubscribe();
  signal?.addEventListener('abort', unsubscribe);

  return {
    get topic() {
      return channel.key;
    },
    on: (handler) => {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    onError: (handler) => {
      errorHandlers.add(handler);
      return () => errorHandlers.delete(handler);
    },
    unsubscribe,
    ready,
    [Symbol.asyncIterator]: () => {
      const q = (queue ??= []);
      return {
        next: async (): Promise<IteratorResult<T>> => {
          while (!q.length && !done) await new Promise<void>((resolve) => (wake = resolve));
          const entry = q.shift();
          if (entry?.e) throw entry.e;
          if (entry) return { value: entry.v as T, done: false };
          // Ended: by the caller (done), or by the connection with its error (thrown once).
          const error = rt.error;
          if (error && !q.length && queue) {
            queue = undefined;
            throw error;
          }
          return { value: undefined, done: true };
        },
        return: (): Promise<IteratorResult<T>> => {
          unsubscribe();
          return Promise.resolve({ value: undefined, done: true });
        },
      };
    },
  };
}
