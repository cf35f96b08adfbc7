// Strings that prove a feature was bundled: a bundle that must not carry the feature must not
// contain its mark (tree-shaking canaries).
export const STREAM_MARK = '[DONE]';
export const MULTIPART_MARK = 'form-data';
export const PAGINATION_MARK = 'hasNextPage';
// Logging is installed by `enableLogging()` (the Node, Bun and Deno entries call it); a browser
// bundle that does not call it must not carry it. Every entry is checked for this mark.
export const LOGGING_MARK = '(attempt ';
// Printing a client without its key is installed by the server entries only: no browser bundle has it.
export const PRINTING_MARK = 'nodejs.util.inspect.custom';
// The realtime WebSocket's path: only a bundle that opens a realtime connection carries it (every
// other entry is checked for it, unless it sets `realtime: true`).
export const REALTIME_MARK = '/api/realtime';
