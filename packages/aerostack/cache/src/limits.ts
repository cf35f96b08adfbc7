// The server's limits, checked before sending so a too-big request fails fast with a clear message.

/** The longest key, in UTF-8 bytes. */
export const MAX_KEY_BYTES = 512;
/** The most keys one `getMany` call reads, and the most entries one `setMany` call stores. */
export const MAX_BATCH = 100;
/** The most keys one `deleteMany` call deletes. */
export const MAX_DELETE_BATCH = 500;
/** The largest page `list` asks for. */
export const MAX_LIST_LIMIT = 1000;
