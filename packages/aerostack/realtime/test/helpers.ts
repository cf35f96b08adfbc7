import { AerostackClient } from '@aerostack/core';
import { connect, type ConnectOptions, type HistoryMessage, type Realtime } from '../src/index';
import { FakeSocket, settle } from './fake-socket';

/** A stored message, as the history route answers it. */
export type Stored = HistoryMessage;

/** A history route over `rooms` (newest first, `before` exclusive, at most `limit`), recording each request's URL and headers. */
export function historyFetch(rooms: Map<string, Stored[]>, requests: { url: URL; headers: Record<string, string> }[] = [], gate?: () => Promise<void>): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input);
    requests.push({ url, headers: init?.headers as Record<string, string> });
    await gate?.();
    const room = url.searchParams.get('room')!;
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const before = url.searchParams.get('before');
    const all = [...(rooms.get(room) ?? [])].sort((a, b) => b.created_at - a.created_at);
    const messages = all.filter((m) => before === null || m.created_at < Number(before)).slice(0, limit);
    return new Response(JSON.stringify({ messages }), { headers: { 'content-type': 'application/json' } });
  };
}

/** A connection over a FakeSocket, opened; returns it and its socket. */
export async function opened(options: ConnectOptions = {}, client = new AerostackClient({ apiKey: 'k1', baseURL: 'http://localhost:8787/v1', maxRetries: 0 })): Promise<{ rt: Realtime; ws: FakeSocket }> {
  const rt = connect(client, { WebSocket: FakeSocket, ...options });
  await settle();
  const ws = FakeSocket.last;
  ws.open();
  return { rt, ws };
}
