import { APIConnectionError } from '@aerostack/core';
import type { Conn, Frame, Realtime } from './connection';
import { RealtimeError } from './errors';
import { catchUp, type Resume } from './resume';
import { need, subscription, type Subscription } from './subscription';

/** A custom event. */
export interface RealtimeEvent<T> {
  event: string;
  data: T;
  /** The publisher's message id: the same live and in history. */
  id: string;
  userId?: string | null | undefined;
  topic: string;
  /** ms since the epoch (a persisted event's `created_at`). */
  timestamp: number;
}

export interface SubscribeEventsOptions {
  /** One event name, or `'*'` (default) for every custom event (presence events are `subscribePresence`'s). */
  event?: string | undefined;
  /**
   * After a reconnect, fetch the persisted events missed meanwhile from history and deliver them
   * before the live ones (default true). Costs one history request when subscribed and one or more per reconnect.
   */
  resume?: boolean | undefined;
  /** Aborting it unsubscribes. */
  signal?: AbortSignal | undefined;
}

export interface PublishOptions {
  /** Store the event in the room's history (the server then never stores or broadcasts a repeat of its id). */
  persist?: boolean | undefined;
  /** The message id (default: a random UUID). */
  id?: string | undefined;
}

/** Ids this client published, per connection: never delivered back to it. */
const published = new WeakMap<Realtime, Ids>();

/**
 * The ids seen lately, in two generations: a full one becomes the old one and the older is dropped,
 * so between 2,000 and 4,000 of the newest ids are known (cheaper per event than evicting one by one).
 */
export class Ids {
  now = new Set<string>();
  old = new Set<string>();
  has(id: string): boolean {
    return this.now.has(id) || this.old.has(id);
  }
  add(id: string): void {
    if (this.now.size >= 2000) [this.old, this.now] = [this.now, new Set()];
    this.now.add(id);
  }
}

/**
 * Subscribes to a room's custom events (`chat/room1`). Each event is delivered once, in order; after
 * a reconnect, the persisted events missed meanwhile come first (from history), then the live ones.
 */
export function subscribeEvents<T = unknown>(rt: Realtime, topic: string, options: SubscribeEventsOptions = {}): Subscription<RealtimeEvent<T>> {
  const { event = '*', resume = true } = options;
  const seen = new Ids();
  const state: Resume = { last: -Infinity, pending: 0, chain: Promise.resolve() };
  let buffer: RealtimeEvent<T>[] | undefined;
  let out: ((item: RealtimeEvent<T>) => void) | undefined;

  const deliver = (e: RealtimeEvent<T>) => {
    if (seen.has(e.id) || published.get(rt)?.has(e.id)) return;
    seen.add(e.id);
    if (e.timestamp > state.last) state.last = e.timestamp;
    if (event === '*' || event === e.event) out?.(e);
  };

  return subscription<RealtimeEvent<T>>(
    rt,
    topic,
    undefined,
    (frame: Frame, emit, fault) => {
      out = emit;
      if (frame.type === 'subscribed' && resume) {
        buffer ??= [];
        state.pending++;
        state.chain = state.chain
          .then(() => catchUp<T>(rt as Conn, frame.topic as string, state))
          .catch((cause: unknown) => {
            fault(new RealtimeError('Missed events could not be read from history', { code: 'RESUME_FAILED', cause }));
            return [];
          })
          .then((missed) => {
            const held = --state.pending ? [] : (buffer ?? []);
            if (!state.pending) buffer = undefined;
            // Oldest first; one clock (the server's) for live and stored events. `sort` is stable.
            for (const e of [...missed, ...held].sort((a, b) => a.timestamp - b.timestamp)) deliver(e);
          });
        return;
      }
      if (frame.type !== 'event') return;
      const name = need<string>(frame, 'event', 'string');
      if (name.startsWith('presence:') && name !== event) return;
      const e: RealtimeEvent<T> = {
        event: name,
        data: frame.data as T,
        id: need<string>(frame, 'id', 'string'),
        userId: frame.userId as string | undefined,
        topic: frame.topic as string,
        timestamp: need<number>(frame, 'timestamp', 'number'),
      };
      if (buffer) buffer.push(e);
      else deliver(e);
    },
    options.signal,
  );
}

/**
 * Publishes `event` to every other subscriber of `topic`; resolves when the server acknowledges it.
 * Sent again after a reconnect until acknowledged (a persisted event is stored and delivered once).
 */
export function publish(rt: Realtime, topic: string, event: string, data: unknown, options: PublishOptions = {}): Promise<{ id: string }> {
  const c = rt as Conn;
  const id = options.id ?? crypto.randomUUID();
  let own = published.get(rt);
  if (!own) published.set(rt, (own = new Ids()));
  own.add(id);
  const frame = JSON.stringify({ type: 'publish', topic, event, data, persist: options.persist, id });
  return new Promise((resolve, reject) => {
    const closed = () => reject(c.error ?? new APIConnectionError('The realtime connection was closed before the server acknowledged the event', { code: 'CONNECTION_CLOSED' }));
    if (c.status === 'disconnected') return closed();
    const done = () => {
      stop();
      c.frames.delete(onAck);
      c.keep.delete('p' + id);
    };
    const stop = c.onStatusChange((status) => {
      if (status === 'disconnected') {
        done();
        closed();
      }
    });
    const onAck = (f: Frame) => {
      if (f.type === 'ack' && f.id === id) {
        done();
        resolve({ id });
      }
    };
    c.frames.add(onAck);
    c.keep.set('p' + id, frame);
    c.send(frame);
  });
}
