// The realtime soak's plan, drawn from the seed up front: which topic each publish goes to, and at which
// points of the publishing the sockets are dropped (after the k-th publish is sent: a point in the run,
// not a time, so that a replay drops at the same places whatever the machine's speed).
import { int } from './config';
import type { Rng } from './prng';

export interface RealtimeConfig {
  /** Persisted events published in all (RT_SOAK_EVENTS). */
  events: number;
  /** Subscriber connections (RT_SOAK_SUBSCRIBERS); every fourth also subscribes to a table. */
  subscribers: number;
  publishers: number;
  topics: number;
  /** Drops during the publishing (RT_SOAK_DROPS). */
  drops: number;
  /** Row writes per table while the sockets are dropped, then after the last drop. */
  writesDuring: number;
  writesAfter: number;
}

export function readRealtimeConfig(): RealtimeConfig {
  return {
    events: int('RT_SOAK_EVENTS', 3000, 1),
    subscribers: int('RT_SOAK_SUBSCRIBERS', 40, 1),
    publishers: 4,
    topics: 4,
    drops: int('RT_SOAK_DROPS', 16, 0),
    writesDuring: 150,
    writesAfter: 50,
  };
}

export interface PlannedPublish {
  publisher: number;
  topic: string;
  id: string;
  n: number;
}

export interface PlannedDrop {
  /** Dropped once this many publishes have been sent (by all publishers together). */
  afterSent: number;
  sockets: number | 'all';
}

export interface RealtimePlan {
  /** Per publisher, in the order it publishes them. */
  publishes: PlannedPublish[][];
  drops: PlannedDrop[];
}

export const topicName = (t: number): string => `soak/room${t}`;

export function planRealtime(rng: Rng, config: RealtimeConfig): RealtimePlan {
  const publishes: PlannedPublish[][] = Array.from({ length: config.publishers }, () => []);
  for (let n = 0; n < config.events; n++) {
    const publisher = rng.int(0, config.publishers - 1);
    const list = publishes[publisher] as PlannedPublish[];
    list.push({ publisher, topic: topicName(rng.int(0, config.topics - 1)), id: `p${publisher}-${list.length}`, n });
  }
  // Spread over the middle 90% of the publishing; about one in four drops every socket, the others one to four.
  const drops = Array.from({ length: config.drops }, (): PlannedDrop => ({
    afterSent: rng.int(Math.floor(config.events * 0.05), Math.floor(config.events * 0.95)),
    sockets: rng.chance(0.25) ? 'all' : rng.int(1, 4),
  })).sort((a, b) => a.afterSent - b.afterSent);
  return { publishes, drops };
}
