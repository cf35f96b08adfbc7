// Real WebSockets (the `ws` package: Node 20 has no global WebSocket) on the emulator's realtime
// endpoint, with the frames each socket received, and waits for the ones a test expects.
import WebSocket from 'ws';
import { KEY_A, type Harness } from './emulator';

export type Frame = Record<string, unknown> & { type: string };

export interface Socket {
  ws: WebSocket;
  /** Every frame received so far, in order. */
  frames: Frame[];
  protocol: string;
  send(frame: unknown): void;
  /** The next frame (after those already taken by next) that matches; rejects after `ms` (a hang guard, not a speed check). */
  next(match?: (frame: Frame) => boolean, ms?: number): Promise<Frame>;
  /** Collects frames until `count` match. */
  take(count: number, match: (frame: Frame) => boolean, ms?: number): Promise<Frame[]>;
  /** Resolves with the close code and reason. */
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

export const hostURL = (harness: Harness) => harness.emulator.aerostackURL.replace(/\/v1$/, '');
export const realtimeURL = (harness: Harness, query = '') => `${hostURL(harness).replace(/^http/, 'ws')}/api/realtime${query}`;

export interface ConnectOptions {
  key?: string | null;
  token?: string;
  query?: string;
  protocols?: string[];
}

/** Every socket opened by openSocket, so that a failed test leaves none open for the next (closeAll). */
const opened = new Set<WebSocket>();

/** Closes every socket still open (an afterEach: a test that failed midway must not leave its sockets to the next one). */
export async function closeAll(): Promise<void> {
  const open = [...opened].filter((ws) => ws.readyState !== WebSocket.CLOSED);
  opened.clear();
  await Promise.all(open.map((ws) => new Promise((resolve) => {
    ws.once('close', resolve);
    ws.close(1000);
  })));
}

/** Opens a socket (resolves once open, whatever happens after: a refusal is accepted, then closed). */
export function openSocket(harness: Harness, options: ConnectOptions = {}): Promise<Socket> {
  const key = options.key === undefined ? KEY_A : options.key;
  const protocols = options.protocols ?? [...(key ? [`aerostack-key.${key}`] : []), ...(options.token ? [`aerostack-token.${options.token}`] : []), 'aerostack-v1'];
  const ws = new WebSocket(realtimeURL(harness, options.query), protocols);
  opened.add(ws);
  const frames: Frame[] = [];
  const waiters = new Set<() => void>();
  let cursor = 0;
  ws.on('message', (data: Buffer) => {
    frames.push(JSON.parse(data.toString()) as Frame);
    for (const wake of [...waiters]) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.on('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
  const take = (count: number, match: (frame: Frame) => boolean, ms = 15_000) =>
    new Promise<Frame[]>((resolve, reject) => {
      const found: Frame[] = [];
      const check = () => {
        while (cursor < frames.length && found.length < count) {
          const frame = frames[cursor++] as Frame;
          if (match(frame)) found.push(frame);
        }
        if (found.length >= count) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`waited ${ms} ms for ${count} frames, got ${found.length}; all frames: ${JSON.stringify(frames).slice(0, 2000)}`));
      }, ms);
      waiters.add(check);
      check();
    });
  const socket: Socket = {
    ws,
    frames,
    get protocol() {
      return ws.protocol;
    },
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    next: async (match = () => true, ms) => (await take(1, match, ms))[0] as Frame,
    take,
    closed,
    close: async () => {
      if (ws.readyState !== WebSocket.CLOSED) ws.close(1000);
      await closed;
    },
  };
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(socket));
    ws.once('error', reject);
  });
}

/** Subscribes and waits for the server's `subscribed`; answers the normalised topic. */
export async function subscribe(socket: Socket, topic: string, filter?: Record<string, unknown>): Promise<string> {
  socket.send({ type: 'subscribe', topic, ...(filter && { filter }) });
  const answer = await socket.next((f) => f.type === 'subscribed');
  return answer.topic as string;
}

/** A round trip: every frame the server sent before the pong is in `frames` once this resolves. */
export async function roundTrip(socket: Socket): Promise<void> {
  socket.send('{ "type": "ping" }');
  await socket.next((f) => f.type === 'pong');
}

export const isChange = (f: Frame) => f.type === 'db_change';
