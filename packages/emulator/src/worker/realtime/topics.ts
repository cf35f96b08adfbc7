// Topic normalisation (the realtime contract): every topic a project names ends with its own id, so
// no project ever reaches another's topics, whatever string it sends.
//
// - a bare name (no `/`) is a table: `orders` → `table/orders/<P>`;
// - a topic with a `/` that does not end with `/<P>` gets it appended
//   (`chat/room1` → `chat/room1/<P>`, `table/orders/<other>` → `table/orders/<other>/<P>`);
// - a topic already ending with `/<P>` stays as it is.

/** Longest topic accepted (before normalisation). */
export const MAX_TOPIC_LENGTH = 512;

export function normaliseTopic(topic: string, project: string): string {
  if (!topic.includes('/')) return `table/${topic}/${project}`;
  return topic.endsWith(`/${project}`) ? topic : `${topic}/${project}`;
}

/** The topic of a table's db_change events. */
export const tableTopic = (table: string, project: string) => `table/${table}/${project}`;
