import type { Conn, Realtime } from './connection';
import { need, subscription, type Subscription } from './subscription';

export interface PresenceMember<State> {
  connectionId: string;
  userId?: string | null | undefined;
  state: State;
}

/** `sync`: who is there (sent when subscribing to a topic with members); `join` (also a new state) and `leave`: one member. */
export type PresenceEvent<State> =
  | { type: 'sync'; members: PresenceMember<State>[]; topic: string }
  | { type: 'join' | 'leave'; member: PresenceMember<State>; topic: string };

/** Announces this connection on `topic` with `state` (a new call replaces it); re-announced after every reconnect. */
export function track(rt: Realtime, topic: string, state: unknown): void {
  const frame = JSON.stringify({ type: 'track', topic, state });
  (rt as Conn).keep.set('t' + topic, frame);
  (rt as Conn).send(frame);
}

/** Leaves `topic`'s presence. */
export function untrack(rt: Realtime, topic: string): void {
  if ((rt as Conn).keep.delete('t' + topic)) (rt as Conn).send(JSON.stringify({ type: 'untrack', topic }));
}

/** Subscribes to `topic`'s presence: a `sync` of the members there, then each `join` and `leave`. */
export function subscribePresence<State = unknown>(rt: Realtime, topic: string, options: { signal?: AbortSignal | undefined } = {}): Subscription<PresenceEvent<State>> {
  return subscription<PresenceEvent<State>>(
    rt,
    topic,
    undefined,
    (frame, emit) => {
      const name = frame.type === 'event' && need<string>(frame, 'event', 'string');
      if (name !== 'presence:sync' && name !== 'presence:join' && name !== 'presence:leave') return;
      const data = need<Record<string, unknown>>(frame, 'data', 'object');
      const t = frame.topic as string;
      if (name === 'presence:sync') emit({ type: 'sync', members: need<PresenceMember<State>[]>(data as never, 'members', 'object'), topic: t });
      else emit({ type: name === 'presence:join' ? 'join' : 'leave', member: data as unknown as PresenceMember<State>, topic: t });
    },
    options.signal,
  );
}
