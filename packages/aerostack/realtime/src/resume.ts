import type { Conn } from './connection';
import type { RealtimeEvent } from './events';
import { history } from './history';

/** A subscription's place in its room's history. */
export interface Resume {
  /** The newest timestamp delivered, or (after the first `subscribed`) the newest in history then. */
  last: number;
  /** Catch-ups scheduled and not finished: live events are held until none is left. */
  pending: number;
  chain: Promise<unknown>;
}

const PAGE = 100;

/**
 * After a `subscribed`: the first time, reads where the room's history stands (newest `created_at`,
 * or 0 for an empty room); after a reconnect, every persisted event from `last` on (inclusive:
 * duplicates are dropped by id), paging back with `before`, returned oldest first.
 */
export async function catchUp<T>(rt: Conn, room: string, state: Resume): Promise<RealtimeEvent<T>[]> {
  const options = rt.token ? { headers: { authorization: 'Bearer ' + rt.token } } : undefined;
  if (state.last === -Infinity) {
    const { messages } = await history(rt.client, { room, limit: 1 }, options);
    state.last = Math.max(state.last, messages[0]?.created_at ?? 0);
    return [];
  }
  const missed: RealtimeEvent<T>[] = [];
  for (let before: number | undefined; ; ) {
    const { messages } = await history<T>(rt.client, { room, limit: PAGE, before }, options);
    for (const m of messages) {
      if (m.created_at < state.last) return missed.reverse();
      missed.push({ event: m.event, data: m.data, id: m.id, userId: m.user_id, topic: room, timestamp: m.created_at });
    }
    if (messages.length < PAGE) return missed.reverse();
    before = (messages[PAGE - 1] as { created_at: number }).created_at;
  }
}
