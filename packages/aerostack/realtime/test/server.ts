// A small server that speaks the realtime contract (specs/realtime.md) over a real
// `ws` WebSocketServer and node:http: key check, topic normalisation, subscribe with filter,
// db_change, publish with persist (stored once per id), presence, ping, history with `before`, drops.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Stored } from './helpers';

interface Peer {
  ws: WebSocket;
  id: string;
  userId: string | null;
  subs: Map<string, Record<string, unknown> | undefined>;
  tracked: Map<string, unknown>;
}

export interface TestServer {
  /** `http://127.0.0.1:<port>/v1`, a client's base URL. */
  baseURL: string;
  /** Connections accepted so far (refused ones included). */
  connections: number;
  /** Sockets open now. */
  open(): number;
  /** A committed change of a table: sent to matching subscribers. */
  change(table: string, operation: 'INSERT' | 'UPDATE' | 'DELETE', data: Record<string, unknown>, old?: Record<string, unknown>): void;
  /** Closes the `n` oldest sockets with 1012 (all without `n`). */
  drop(n?: number): void;
  /** Resolves when no socket is open. */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

export async function startServer(key = 'k1', project = 'P'): Promise<TestServer> {
  const peers: Peer[] = [];
  const rooms = new Map<string, Stored[]>();
  let lastCreated = 0;
  const norm = (t: string) => (!t.includes('/') ? `table/${t}/${project}` : t.endsWith(`/${project}`) ? t : `${t}/${project}`);
  const send = (p: Peer, frame: object) => p.ws.send(JSON.stringify(frame));
  const subscribers = (topic: string) => peers.filter((p) => p.subs.has(topic));
  const leave = (p: Peer, topic: string) => {
    const state = p.tracked.get(topic);
    if (!p.tracked.delete(topic)) return;
    for (const s of subscribers(topic)) if (s !== p) send(s, { type: 'event', topic, event: 'presence:leave', data: { connectionId: p.id, userId: p.userId, state }, timestamp: Date.now() });
  };

  const http = createServer((req, res) => {
    const url = new URL(req.url!, 'http://x');
    if (url.pathname !== '/api/v1/public/realtime/history') return res.writeHead(404).end();
    if (req.headers['x-aerostack-key'] !== key) return res.writeHead(401, { 'content-type': 'application/json' }).end('{"code":"AUTH_INVALID_KEY","message":"Invalid or missing API key"}');
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const before = url.searchParams.get('before');
    const messages = [...(rooms.get(norm(url.searchParams.get('room')!)) ?? [])]
      .reverse()
      .filter((m) => before === null || m.created_at < Number(before))
      .slice(0, limit);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ messages }));
  });
  const wss = new WebSocketServer({ server: http, path: '/api/realtime', handleProtocols: (offered) => (offered.has('aerostack-v1') ? 'aerostack-v1' : ([...offered][0] ?? false)) });
  const server: TestServer = {
    baseURL: '',
    connections: 0,
    open: () => peers.length,
    change(table, operation, data, old) {
      const topic = `table/${table}/${project}`;
      const row = operation === 'DELETE' ? old : data;
      for (const p of subscribers(topic)) {
        const filter = p.subs.get(topic);
        if (filter && !Object.entries(filter).every(([k, v]) => row?.[k] === v)) continue;
        send(p, { type: 'db_change', topic, operation, data, old, timestamp: Date.now() });
      }
    },
    drop(n = peers.length) {
      for (const p of peers.slice(0, n)) p.ws.close(1012, 'emulator: dropped');
    },
    drained: () =>
      new Promise((resolve) => {
        const check = () => (peers.length === 0 && wss.clients.size === 0 ? resolve() : setTimeout(check, 10));
        check();
      }),
    stop: () =>
      new Promise((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        http.close(() => resolve());
      }),
  };

  wss.on('connection', (ws, req: IncomingMessage) => {
    server.connections++;
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((s) => s.trim());
    if (offered.find((p) => p.startsWith('aerostack-key.'))?.slice('aerostack-key.'.length) !== key) {
      ws.close(4001, 'AUTH_INVALID_KEY: Invalid or missing API key');
      return;
    }
    const url = new URL(req.url!, 'http://x');
    const peer: Peer = { ws, id: `c${server.connections}`, userId: url.searchParams.get('userId'), subs: new Map(), tracked: new Map() };
    peers.push(peer);
    ws.on('close', () => {
      peers.splice(peers.indexOf(peer), 1);
      for (const topic of [...peer.tracked.keys()]) leave(peer, topic);
    });
    ws.on('message', (raw) => {
      let f: Record<string, unknown>;
      try {
        f = JSON.parse((raw as Buffer).toString()) as Record<string, unknown>;
      } catch {
        return send(peer, { type: 'error', code: 'BAD_FRAME', message: 'not JSON' });
      }
      const topic = typeof f.topic === 'string' ? norm(f.topic) : '';
      switch (f.type) {
        case 'ping':
          return send(peer, { type: 'pong' });
        case 'subscribe': {
          peer.subs.set(topic, f.filter as Record<string, unknown> | undefined);
          send(peer, { type: 'subscribed', topic });
          const members = peers.filter((p) => p.tracked.has(topic)).map((p) => ({ connectionId: p.id, userId: p.userId, state: p.tracked.get(topic) }));
          if (members.length) send(peer, { type: 'event', topic, event: 'presence:sync', data: { members }, timestamp: Date.now() });
          return;
        }
        case 'unsubscribe':
          peer.subs.delete(topic);
          return;
        case 'publish': {
          const room = rooms.get(topic) ?? [];
          rooms.set(topic, room);
          const id = f.id as string;
          let timestamp = Date.now();
          if (f.persist) {
            if (room.some((m) => m.id === id)) return send(peer, { type: 'ack', id });
            timestamp = lastCreated = Math.max(timestamp, lastCreated + 1);
            room.push({ id, room_id: topic, user_id: peer.userId, event: f.event as string, data: f.data, created_at: timestamp });
          }
          for (const p of subscribers(topic)) if (p !== peer) send(p, { type: 'event', topic, event: f.event, data: f.data, id, userId: peer.userId, timestamp });
          return send(peer, { type: 'ack', id });
        }
        case 'track':
          peer.tracked.set(topic, f.state);
          for (const p of subscribers(topic)) send(p, { type: 'event', topic, event: 'presence:join', data: { connectionId: peer.id, userId: peer.userId, state: f.state }, timestamp: Date.now() });
          return;
        case 'untrack':
          return leave(peer, topic);
        case 'auth':
          // A token is valid here unless it says it is not.
          return f.token === 'bad' ? ws.close(4001, 'AUTH_INVALID_TOKEN: token expired') : send(peer, { type: 'ack', id: 'auth' });
        default:
          return send(peer, { type: 'error', code: 'BAD_FRAME', message: `unknown type ${String(f.type)}` });
      }
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  server.baseURL = `http://127.0.0.1:${(http.address() as AddressInfo).port}/v1`;
  return server;
}
