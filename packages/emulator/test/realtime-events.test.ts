// publish (ack, broadcast to the others, persist → history, a duplicate id once), the history
// route's paging, presence (join, leave on untrack and on close, sync) and the auth frame.
import { afterEach, describe, expect, it } from 'vitest';
import { control, KEY_A, KEY_B, useEmulator } from './helpers/emulator';
import type { HistoryMessage as Message } from '@aerostack/realtime';
import { closeAll, hostURL, openSocket, roundTrip, subscribe, type Frame, type Socket } from './helpers/realtime';

const emu = useEmulator();
afterEach(closeAll);

async function historyOf(room: string, params: Record<string, string> = {}, key = KEY_A): Promise<{ status: number; body: { messages: Message[] } & Record<string, unknown> }> {
  const query = new URLSearchParams({ room, ...params });
  const response = await fetch(`${hostURL(emu)}/api/v1/public/realtime/history?${query}`, { headers: { 'x-aerostack-key': key } });
  return { status: response.status, body: (await response.json()) as { messages: Message[] } };
}

async function publish(socket: Socket, frame: Record<string, unknown>): Promise<Frame> {
  socket.send({ type: 'publish', ...frame });
  return socket.next((f) => f.type === 'ack' && f.id === frame.id);
}

const isEvent = (name: string) => (f: Frame) => f.type === 'event' && f.event === name;

async function projectA(): Promise<string> {
  const { projects } = (await control(emu, 'GET', '/health')) as { projects: string[] };
  return projects[0] as string;
}

describe('publish and history', () => {
  it('broadcasts to the other subscribers (not the sender), acks the sender, stores with persist', async () => {
    const a = await projectA();
    const sender = await openSocket(emu, { query: '?userId=ada' });
    const reader = await openSocket(emu);
    await subscribe(sender, 'chat/r1');
    await subscribe(reader, 'chat/r1');
    await publish(sender, { topic: 'chat/r1', event: 'message', data: { text: 'hi' }, id: 'id-1', persist: true });
    const event = await reader.next((f) => f.type === 'event');
    expect(event).toMatchObject({ type: 'event', topic: `chat/r1/${a}`, event: 'message', data: { text: 'hi' }, id: 'id-1', userId: 'ada' });
    const { body } = await historyOf('chat/r1');
    expect(body.messages).toEqual([{ id: 'id-1', room_id: `chat/r1/${a}`, user_id: 'ada', event: 'message', data: { text: 'hi' }, created_at: event.timestamp }]);
    await roundTrip(sender);
    expect(sender.frames.filter((f) => f.type === 'event')).toEqual([]);
    await Promise.all([sender.close(), reader.close()]);
  });

  it('a duplicate id is acked but neither stored nor broadcast again', async () => {
    const sender = await openSocket(emu);
    const reader = await openSocket(emu);
    await subscribe(reader, 'chat/dup');
    for (let i = 0; i < 3; i++) await publish(sender, { topic: 'chat/dup', event: 'message', data: { i }, id: 'same-id', persist: true });
    await roundTrip(reader);
    expect(reader.frames.filter((f) => f.type === 'event').map((f) => f.data)).toEqual([{ i: 0 }]);
    expect((await historyOf('chat/dup')).body.messages.map((m) => m.data)).toEqual([{ i: 0 }]);
    await Promise.all([sender.close(), reader.close()]);
  });

  it('120 events: created_at strictly increasing, paging by before (newest first, exclusive) skips and repeats none', async () => {
    const sender = await openSocket(emu);
    await Promise.all(Array.from({ length: 120 }, (_, i) => publish(sender, { topic: 'chat/paged', event: 'n', data: i, id: `p-${i}`, persist: true })));
    const seen: Message[] = [];
    let before: string | undefined;
    for (;;) {
      const { body } = await historyOf('chat/paged', { limit: '50', ...(before && { before }) });
      seen.push(...body.messages);
      if (body.messages.length < 50) break;
      before = String(body.messages[body.messages.length - 1]?.created_at);
    }
    expect(seen).toHaveLength(120);
    expect(seen.map((m) => m.data)).toEqual(Array.from({ length: 120 }, (_, i) => 119 - i));
    for (let i = 1; i < seen.length; i++) expect((seen[i - 1] as Message).created_at).toBeGreaterThan((seen[i] as Message).created_at);
    expect((await historyOf('chat/paged')).body.messages).toHaveLength(50); // default limit
    await sender.close();
  });

  it('validates limit, room and the key', async () => {
    expect(await historyOf('chat/x', { limit: '101' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(await historyOf('chat/x', { limit: 'ten' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(await historyOf('chat/x', { before: 'yesterday' })).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(await historyOf('', {})).toMatchObject({ status: 400, body: { code: 'VALIDATION_ERROR' } });
    expect(await historyOf('chat/x', {}, 'nope')).toMatchObject({ status: 401, body: { code: 'AUTH_INVALID_KEY' } });
    expect(await historyOf('chat/x', {}, KEY_B)).toEqual({ status: 200, body: { messages: [] } });
  });
});

describe('presence', () => {
  it('join with state (tracker included), sync for a later subscriber, leave on untrack and on close', async () => {
    const a = await projectA();
    const ada = await openSocket(emu, { query: '?userId=ada' });
    const bob = await openSocket(emu, { query: '?userId=bob' });
    await subscribe(ada, 'chat/lobby');
    ada.send({ type: 'track', topic: 'chat/lobby', state: { name: 'Ada' } });
    const join = await ada.next(isEvent('presence:join'));
    expect(join).toMatchObject({ topic: `chat/lobby/${a}`, data: { userId: 'ada', state: { name: 'Ada' } } });
    const adaConn = (join.data as { connectionId: string }).connectionId;
    await subscribe(bob, 'chat/lobby');
    const sync = await bob.next(isEvent('presence:sync'));
    expect(sync.data).toEqual({ members: [{ connectionId: adaConn, userId: 'ada', state: { name: 'Ada' } }] });
    bob.send({ type: 'track', topic: 'chat/lobby', state: { name: 'Bob' } });
    const bobJoin = await ada.next(isEvent('presence:join'));
    const bobConn = (bobJoin.data as { connectionId: string }).connectionId;
    ada.send({ type: 'untrack', topic: 'chat/lobby' });
    expect((await bob.next(isEvent('presence:leave'))).data).toEqual({ connectionId: adaConn, userId: 'ada', state: { name: 'Ada' } });
    await bob.close();
    expect((await ada.next(isEvent('presence:leave'))).data).toEqual({ connectionId: bobConn, userId: 'bob', state: { name: 'Bob' } });
    const late = await openSocket(emu);
    await subscribe(late, 'chat/lobby');
    await roundTrip(late);
    expect(late.frames.filter(isEvent('presence:sync'))).toEqual([]); // nobody tracks any more
    await Promise.all([ada.close(), late.close()]);
  });
});

describe('auth', () => {
  it("a user's token at connect sets userId; an auth frame with a bad token closes 4001, a good one is acked", async () => {
    const a = await projectA();
    const base = `${hostURL(emu)}/api/v1/public/projects/${a}`;
    const signup = await fetch(`${base}/auth/register`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'rt@example.com', password: 'Passw0rdRT' }) });
    const { accessToken, user } = (await signup.json()) as { accessToken: string; user: { id: string } };
    const socket = await openSocket(emu, { token: accessToken });
    const reader = await openSocket(emu);
    await subscribe(reader, 'chat/who');
    await publish(socket, { topic: 'chat/who', event: 'hello', data: null, id: 'w1' });
    expect((await reader.next((f) => f.type === 'event')).userId).toBe(user.id);
    socket.send({ type: 'auth', token: accessToken });
    expect(await socket.next((f) => f.type === 'ack')).toEqual({ type: 'ack', id: 'auth' });
    socket.send({ type: 'auth', token: 'not.a.token' });
    expect(await socket.closed).toEqual({ code: 4001, reason: 'AUTH_INVALID_TOKEN: Invalid access token' });
    const refused = await openSocket(emu, { token: 'bad.token.here' });
    expect(await refused.closed).toEqual({ code: 4001, reason: 'AUTH_INVALID_TOKEN: Invalid access token' });
    await reader.close();
  });
});
