// The WebSocket this package needs, declared structurally: the published declarations must compile
// without the DOM library (Node's types, workerd's, Deno's), and a browser's WebSocket, Node 22's
// global one, Bun's, Deno's and the `ws` package's class all fit it.

/** The part of a WebSocket the client uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  // `never` parameters: each implementation passes its own event class (ws's MessageEvent, the DOM's),
  // and a handler written for any of them fits. The client reads only `data`, `code` and `reason`.
  onopen: ((event: never) => unknown) | null;
  onmessage: ((event: never) => unknown) | null;
  onclose: ((event: never) => unknown) | null;
  onerror: ((event: never) => unknown) | null;
}

/** A WebSocket class: the global `WebSocket`, or `WebSocket` from the `ws` package on Node 20. */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;
