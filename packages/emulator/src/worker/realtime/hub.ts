// A project's realtime, inside its Durable Object (project/object.ts, which only forwards to this):
// the sockets are accepted with the hibernation API (the object may sleep while they stay open);
// each socket's identity is in its attachment, its subscriptions and presence in SQLite (state.ts).
import type { Env } from '../env';
import { parseFrame, type ClientFrame } from './frames';
import { matches } from './filters';
import { storeMessage } from './history';
import { tokenUser } from './token';
import { SocketState, type Member } from './state';
import { normaliseTopic, tableTopic } from './topics';
import type { CapturedChange as DbChange } from '../../captured-change';

/** Who a socket is: set by the connect route after its checks. */
export interface Identity {
  project: string;
  userId: string | null;
}

interface Attachment extends Identity {
  conn: string;
}

/** A captured row change, as the launcher's pump hands it over (src/change-pump.ts). */
export type { DbChange };

export const DROPPED = { code: 1012, reason: 'emulator: dropped' };

const PING = '{"type":"ping"}';
const PONG = '{"type":"pong"}';

export class RealtimeHub {
  private readonly state: SocketState;
  /** Publishes run one after the other, so a room's messages are broadcast in the order they were stored. */
  private publishing: Promise<void> = Promise.resolve();

  constructor(
    private readonly ctx: DurableObjectState,
    private readonly env: Env,
  ) {
    this.state = new SocketState(ctx.storage.sql);
    // Heartbeat answered by the runtime itself, without waking the object.
    ctx.setWebSocketAutoResponse(new WebSocketRequestResponsePair(PING, PONG));
    this.state.keepOnly(new Set(ctx.getWebSockets().map((ws) => this.identity(ws)?.conn ?? '')));
  }

  private identity(ws: WebSocket): Attachment | undefined {
    return (ws.deserializeAttachment() as Attachment | null) ?? undefined;
  }

  private socket(conn: string): WebSocket | undefined {
    return this.ctx.getWebSockets(conn)[0];
  }

  private send(ws: WebSocket | undefined, frame: object): void {
    try {
      ws?.send(JSON.stringify(frame));
    } catch {
      // closing or closed: its close handler forgets it
    }
  }

  accept(identity: Identity, protocol: string | undefined): Response {
    const [client, server] = Object.values(new WebSocketPair()) as [WebSocket, WebSocket];
    const conn = crypto.randomUUID();
    this.ctx.acceptWebSocket(server, [conn]);
    server.serializeAttachment({ ...identity, conn } satisfies Attachment);
    this.state.opened(conn);
    return new Response(null, { status: 101, webSocket: client, headers: protocol ? { 'sec-websocket-protocol': protocol } : {} });
  }

  async message(ws: WebSocket, message: string | ArrayBuffer): Promise<void> {
    const me = this.identity(ws);
    if (!me) return;
    const parsed = parseFrame(message);
    if (!parsed.ok) return this.send(ws, { type: 'error', code: 'BAD_FRAME', message: parsed.message });
    await this.handle(ws, me, parsed.frame);
  }

  private async handle(ws: WebSocket, me: Attachment, frame: ClientFrame): Promise<void> {
    const topic = 'topic' in frame ? normaliseTopic(frame.topic, me.project) : '';
    switch (frame.type) {
      case 'ping':
        return this.send(ws, { type: 'pong' });
      case 'subscribe': {
        this.state.subscribe(me.conn, topic, frame.filter);
        this.send(ws, { type: 'subscribed', topic });
        const members = this.state.members(topic);
        if (members.length) this.send(ws, this.event(topic, 'presence:sync', { members: members.map(memberData) }, me.userId));
        return;
      }
      case 'unsubscribe':
        return this.state.unsubscribe(me.conn, topic);
      case 'track':
        this.state.track(me.conn, topic, me.userId, frame.state);
        return this.broadcast(topic, this.event(topic, 'presence:join', memberData({ conn: me.conn, userId: me.userId, state: frame.state }), me.userId));
      case 'untrack':
        return this.leave(me.conn, topic);
      case 'publish': {
        const run = this.publishing.then(() => this.publish(ws, me, topic, frame));
        this.publishing = run.catch(() => undefined);
        return run;
      }
      case 'auth': {
        const user = await tokenUser(this.env, frame.token, me.project);
        if ('why' in user) return this.closeWith(ws, me, 4001, `AUTH_INVALID_TOKEN: ${user.why}`);
        ws.serializeAttachment({ ...me, userId: user.userId } satisfies Attachment);
        return this.send(ws, { type: 'ack', id: 'auth' });
      }
    }
  }

  private async publish(ws: WebSocket, me: Attachment, topic: string, frame: Extract<ClientFrame, { type: 'publish' }>): Promise<void> {
    let timestamp = Date.now();
    if (frame.persist) {
      const stored = await storeMessage(this.env, me.project, { room: topic, id: frame.id, userId: me.userId, event: frame.event, data: frame.data });
      if (stored === undefined) return this.send(ws, { type: 'ack', id: frame.id }); // a retried frame: delivered once
      timestamp = stored;
    }
    const event = { type: 'event', topic, event: frame.event, data: frame.data, id: frame.id, ...(me.userId !== null && { userId: me.userId }), timestamp };
    this.broadcast(topic, event, me.conn);
    this.send(ws, { type: 'ack', id: frame.id });
  }

  private event(topic: string, event: string, data: unknown, userId: string | null): object {
    return { type: 'event', topic, event, data, id: crypto.randomUUID(), ...(userId !== null && { userId }), timestamp: Date.now() };
  }

  /** To every socket subscribed to the topic (but `except`). */
  private broadcast(topic: string, frame: object, except?: string): void {
    const text = JSON.stringify(frame);
    for (const { conn } of this.state.subscribers(topic)) {
      if (conn === except) continue;
      try {
        this.socket(conn)?.send(text);
      } catch {
        // closing
      }
    }
  }

  private leave(conn: string, topic: string): void {
    const member = this.state.untrack(conn, topic);
    if (member) this.broadcast(topic, this.event(topic, 'presence:leave', memberData(member), member.userId), conn);
  }

  /** A socket that is gone leaves every topic it tracked and is forgotten (idempotent). */
  closed(ws: WebSocket, code?: number, reason?: string): void {
    const me = this.identity(ws);
    if (me) {
      for (const topic of this.state.tracked(me.conn)) this.leave(me.conn, topic);
      this.state.forget(me.conn);
    }
    try {
      ws.close(code === undefined || code === 1005 || code === 1006 ? 1000 : code, reason);
    } catch {
      // already closed
    }
  }

  private closeWith(ws: WebSocket, me: Attachment, code: number, reason: string): void {
    for (const topic of this.state.tracked(me.conn)) this.leave(me.conn, topic);
    this.state.forget(me.conn);
    try {
      ws.close(code, reason);
    } catch {
      // already closed
    }
  }

  /** Fault injection: closes `count` sockets (oldest first), or all, with 1012. */
  drop(count: number | 'all'): number {
    const conns = this.state.conns();
    let dropped = 0;
    for (const conn of count === 'all' ? conns : conns.slice(0, count)) {
      const ws = this.socket(conn);
      const me = ws && this.identity(ws);
      if (!ws || !me) {
        this.state.forget(conn);
        continue;
      }
      this.closeWith(ws, me, DROPPED.code, DROPPED.reason);
      dropped++;
    }
    return dropped;
  }

  /** Captured row changes, in commit order: db_change to each matching subscriber of the table's topic. */
  dbChanges(project: string, changes: DbChange[]): void {
    const subscribers = new Map<string, ReturnType<SocketState['subscribers']>>();
    for (const change of changes) {
      const topic = tableTopic(change.table, project);
      let subs = subscribers.get(topic);
      if (!subs) subscribers.set(topic, (subs = this.state.subscribers(topic)));
      if (!subs.length) continue;
      const row = change.operation === 'DELETE' ? change.old : change.data;
      const frame = JSON.stringify({ type: 'db_change', topic, operation: change.operation, data: change.data, ...(change.old && { old: change.old }), timestamp: change.at });
      for (const sub of subs) {
        if (!matches(sub.filter, row)) continue;
        try {
          this.socket(sub.conn)?.send(frame);
        } catch {
          // closing
        }
      }
    }
  }
}

const memberData = (m: Member) => ({ connectionId: m.conn, userId: m.userId, state: m.state });
