import { APIConnectionError, AuthenticationError, InvalidRequestError, PermissionDeniedError, type Client, type SDKError } from '@aerostack/core';
import type { WebSocketConstructor, WebSocketLike } from './web-socket';

/** `idle` is the state of no connection yet (React bindings start there); `connect` goes to `connecting` at once. */
export type RealtimeStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

export interface ConnectOptions {
  /** The WebSocket class, where the runtime has no global one: on Node 20, `WebSocket` from the `ws` package. */
  WebSocket?: WebSocketConstructor | undefined;
  /** A user's access token (JWT), sent with the key; replace it later with `setToken`. */
  token?: string | undefined;
  /** Sent as the `projectId` query parameter; the server takes the project from the key anyway. */
  projectId?: string | undefined;
  /** Sent as the `userId` query parameter (presence and events carry it). */
  userId?: string | undefined;
  /** Give up after this many failed reconnects in a row (default: never). Status `disconnected`, `error` an `APIConnectionError`. */
  maxReconnectAttempts?: number | undefined;
  /** Called once when `maxReconnectAttempts` is spent. */
  onMaxRetriesExceeded?: (() => void) | undefined;
  /** Aborting it closes the connection, as `close()` does. */
  signal?: AbortSignal | undefined;
}

/** A live connection: one WebSocket, reopened after a drop, carrying every subscription. */
export interface Realtime {
  /** The client whose key, base URL and options the connection (and the history route) use. */
  readonly client: Client;
  readonly status: RealtimeStatus;
  /** Why the connection ended for good: a refused key or token, a project mismatch, spent reconnects. Undefined after `close()`. */
  readonly error: SDKError | undefined;
  /** Calls `listener` on every status change (with `error` on the final `disconnected`); returns the function that stops it. */
  onStatusChange(listener: (status: RealtimeStatus, error?: SDKError) => void): () => void;
  /** Replaces the user's token: sent on the live socket at once and used on every reconnect. */
  setToken(token: string | undefined): void;
  /** Closes the socket and every subscription; no timer or socket is left behind. */
  close(): void;
}

/** A frame from the server (or a local `error` frame for one that could not be read). */
export interface Frame {
  type: string;
  topic?: string;
  [field: string]: unknown;
}

export type FrameHandler = (frame: Frame) => void;

/** A topic subscribed on the socket: its handlers, each with its server filter as JSON ('' for none). */
export interface Channel {
  /** The topic as the server normalised it, once `subscribed` named it; the topic sent until then. */
  key: string;
  subs: Map<FrameHandler, string>;
}

/** The connection as the other modules of the package see it (not part of the public API). */
export interface Conn extends Realtime {
  status: RealtimeStatus;
  error: SDKError | undefined;
  /** Channels by the topic sent. */
  ch: Map<string, Channel>;
  /** The channels a frame's topic reaches, by topic: cleared whenever a channel comes, goes or is renamed. */
  routes: Map<string, Channel[]>;
  /** Frames (JSON text) sent on every open, in order: subscriptions, presence, publishes awaiting an ack. */
  keep: Map<string, string>;
  /** Called with every frame. */
  frames: Set<FrameHandler>;
  /** The current token. */
  token: string | undefined;
  /** Sends a frame now if the socket is open; otherwise it is dropped (what must survive goes in `keep`). */
  send(frame: string): void;
}

const PING = '{"type":"ping"}';

/**
 * Opens a realtime connection with the client's key: `ws(s)://<host>/api/realtime`, the host being
 * the client's base URL without `/v1`. The socket reopens after any drop (1 s, 2 s, 4 s ... 30 s, plus
 * up to 30% jitter), re-sending every subscription and presence state; a key or token the server
 * refuses ends it with an `AuthenticationError` (4001) or `PermissionDeniedError` (4003).
 */
export function connect(client: Client, options: ConnectOptions = {}): Realtime {
  const WS = options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (!WS) {
    throw new InvalidRequestError('No WebSocket in this runtime: pass connect(client, { WebSocket }), e.g. `import { WebSocket } from "ws"` on Node 20', {
      code: 'WEBSOCKET_UNAVAILABLE',
    });
  }
  const query = new URLSearchParams();
  if (options.projectId) query.set('projectId', options.projectId);
  if (options.userId) query.set('userId', options.userId);
  const q = String(query);
  const url = client.baseURL.replace(/(\/v1)?\/*$/, '').replace(/^http/i, 'ws') + '/api/realtime' + (q ? '?' + q : '');
  // The key exactly as the core resolved it (the option, else the environment's variable): the
  // client keeps it, hidden from printing, in its options' prototype. No request is built for it,
  // so a bundle that only subscribes carries none of the core's sending pipeline.
  const key = client.options.apiKey;
  if (!key) throw new InvalidRequestError('Missing API key: pass { apiKey } or set AEROSTACK_API_KEY', { code: 'MISSING_API_KEY' });
  const max = options.maxReconnectAttempts ?? Infinity;
  const signal = options.signal;
  const on = (globalThis as { addEventListener?: (type: string, fn: () => void) => void }).addEventListener;
  const off = (globalThis as { removeEventListener?: (type: string, fn: () => void) => void }).removeEventListener;
  const listeners = new Set<(status: RealtimeStatus, error?: SDKError) => void>();
  const routes = new Map<string, Channel[]>();
  let ws: WebSocketLike | undefined;
  let attempt = 0;
  let ping: ReturnType<typeof setInterval> | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let ended = false;

  const setStatus = (status: RealtimeStatus) => {
    if (rt.status === status) return;
    rt.status = status;
    for (const listener of [...listeners]) listener(status, rt.error);
  };

  // No frame (a pong or anything else) for 70 s: the socket is dead even if it never said so. A frame
  // only notes its time (re-arming a timer per frame costs more than the frame's own handling); the
  // one timer, when it fires, waits again for what is left of the 70 s since the last frame.
  let last = 0;
  const watch = (ms: number) => {
    watchdog = setTimeout(() => {
      const quiet = Date.now() - last;
      if (quiet < 70_000) return watch(70_000 - quiet);
      ws?.close(4000, 'no pong');
      lost(ws, 4000, '');
    }, ms);
  };

  const open = () => {
    retry = undefined;
    if (ended) return;
    let s: WebSocketLike;
    try {
      s = ws = new WS(url, ['aerostack-key.' + key, ...(rt.token ? ['aerostack-token.' + rt.token] : []), 'aerostack-v1']);
    } catch (cause) {
      // A key or token that is not a valid protocol token (a space, a comma) throws here.
      return end(new InvalidRequestError('The WebSocket could not be opened: ' + String(cause), { code: 'INVALID_OPTION', cause }));
    }
    s.onopen = () => {
      attempt = 0;
      setStatus('connected');
      for (const frame of rt.keep.values()) s.send(frame);
      ping = setInterval(() => s.send(PING), 30_000);
      last = Date.now();
      watch(70_000);
    };
    s.onmessage = (event: { data: unknown }) => {
      last = Date.now();
      let frame: Frame | undefined;
      try {
        frame = JSON.parse(event.data as string) as Frame;
      } catch {
        // (not JSON: the check below)
      }
      if (typeof frame?.type !== 'string') frame = { type: 'error', code: 'BAD_FRAME', message: 'Unreadable frame: ' + String(event.data).slice(0, 200) };
      for (const handler of rt.frames) handler(frame);
      const topic = frame.topic;
      if (frame.type === 'subscribed' && typeof topic === 'string') {
        // The server's name for a topic sent without the project (`chat/a` -> `chat/a/P`) or bare (`orders` -> `table/orders/P`).
        for (const [sent, c] of rt.ch) {
          const rest = topic.startsWith(sent + '/') ? topic.slice(sent.length + 1) : topic.startsWith('table/' + sent + '/') ? topic.slice(sent.length + 7) : '/';
          if (c.key === sent && !rest.includes('/')) c.key = topic;
          rt.routes.clear();
        }
      }
      // A frame without a topic (an error) concerns every subscription; one with a topic, the channels
      // of that name, looked up once per name and kept until the channels change (`routes`), so a
      // frame costs the same with 1 or 500 rooms on the connection.
      let to = topic === undefined ? rt.ch.values() : routes.get(topic);
      // (Only names with a channel are kept: frames of unknown topics cannot grow the map.)
      if (!to && (to = [...rt.ch.values()].filter((c) => c.key === topic)).length) routes.set(topic as string, to);
      for (const channel of to) for (const handler of channel.subs.keys()) handler(frame);
    };
    s.onclose = (event: { code: number; reason: string }) => lost(s, event.code, event.reason);
    s.onerror = () => {}; // a close follows
  };

  // Forgets the socket (its late events are ignored) and every timer.
  const detach = (s: WebSocketLike | undefined) => {
    ws = undefined;
    if (s) s.onclose = s.onmessage = s.onopen = null;
    clearInterval(ping);
    clearTimeout(watchdog);
    clearTimeout(retry);
  };

  const lost = (s: WebSocketLike | undefined, code: number, reason: string) => {
    if (!s || s !== ws) return;
    detach(s);
    if (code === 4001 || code === 4003) {
      const fields = { status: code === 4001 ? 401 : 403, code: reason.split(':')[0], closeCode: code, closeReason: reason };
      return end(new (code === 4001 ? AuthenticationError : PermissionDeniedError)(`The server refused the connection (${code}): ${reason}`, fields));
    }
    if (attempt >= max) {
      options.onMaxRetriesExceeded?.();
      return end(new APIConnectionError(`Realtime connection lost; gave up after ${max} reconnect attempts`, { code: 'MAX_RETRIES_EXCEEDED' }));
    }
    setStatus('reconnecting');
    const delay = Math.min(1000 * 2 ** attempt++, 30_000);
    retry = setTimeout(open, delay + Math.random() * 0.3 * delay);
  };

  // Back online (a browser): reconnect now rather than when the backoff ends.
  const online = () => {
    if (retry) {
      clearTimeout(retry);
      attempt = 0;
      open();
    }
  };

  const end = (error?: SDKError) => {
    if (ended) return;
    ended = true;
    rt.error = error;
    off?.('online', online);
    signal?.removeEventListener('abort', close);
    const s = ws;
    detach(s);
    s?.close(1000);
    setStatus('disconnected');
    listeners.clear();
  };
  const close = () => end();

  const rt: Conn = {
    client,
    status: 'connecting',
    error: undefined,
    ch: new Map(),
    routes,
    keep: new Map(),
    frames: new Set(),
    token: options.token,
    send: (frame) => {
      if (ws?.readyState === 1) ws.send(frame);
    },
    onStatusChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setToken: (token) => {
      rt.token = token;
      if (token) rt.send(JSON.stringify({ type: 'auth', token }));
    },
    close,
  };
  if (signal?.aborted) {
    rt.status = 'disconnected';
    ended = true;
    return rt;
  }
  signal?.addEventListener('abort', close);
  on?.('online', online);
  // Opened after the caller's synchronous code: a connection closed at once (a component mounted
  // and unmounted in one go) opens no socket.
  void Promise.resolve().then(open);
  return rt;
}
