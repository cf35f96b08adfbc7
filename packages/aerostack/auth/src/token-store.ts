/**
 * Where a session keeps its tokens. Any key-value store fits, sync or async:
 * `localStorage`, a cookie jar, a KV namespace. The default keeps them in memory.
 */
export interface TokenStore {
  get(key: string): string | null | undefined | Promise<string | null | undefined>;
  set(key: string, value: string): void | Promise<void>;
  delete(key: string): void | Promise<void>;
}

/** A store that lives as long as the object (the default). */
export function memoryStore(): TokenStore {
  const values = new Map<string, string>();
  return {
    get: (key) => values.get(key),
    set: (key, value) => void values.set(key, value),
    delete: (key) => void values.delete(key),
  };
}
