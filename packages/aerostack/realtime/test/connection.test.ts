import { AerostackClient, APIConnectionError, AuthenticationError, InvalidRequestError, PermissionDeniedError } from '@aerostack/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connect, subscribeTable, track, untrack, type RealtimeStatus } from '../src/index';
import { FakeSocket, settle } from './fake-socket';
import { opened } from './helpers';

beforeEach(() => {
  FakeSocket.all = [];
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});

describe('opening', () => {
  it('turns the base URL into the WebSocket URL and sends the key, the token and aerostack-v1 as protocols', async () => {
    const client = new AerostackClient({ apiKey: 'ak_1', baseURL: 'https://api.example.com/v1/' });
    const rt = connect(client, { WebSocket: FakeSocket, token: 'jwt1', projectId: 'p 1', userId: 'u1' });
    await settle();
    expect(FakeSocket.last.url).toBe('wss://api.example.com/api/realtime?projectId=p+1&userId=u1');
    expect(FakeSocket.last.protocols).toEqual(['aerostack-key.ak_1', 'aerostack-token.jwt1', 'aerostack-v1']);
    rt.close();
  });

  it('uses the key the core resolved from AEROSTACK_API_KEY, and http -> ws without a query', async () => {
    vi.stubEnv('AEROSTACK_API_KEY', 'from_env');
    const rt = connect(new AerostackClient({ baseURL: 'http://localhost:8787' }), { WebSocket: FakeSocket });
    await settle();
    expect(FakeSocket.last.url).toBe('ws://localhost:8787/api/realtime');
    expect(FakeSocket.last.protocols).toEqual(['aerostack-key.from_env', 'aerostack-v1']);
    rt.close();
  });

  it('without a key: connect throws an InvalidRequestError naming the option, and opens nothing', () => {
    vi.stubEnv('AEROSTACK_API_KEY', '');
    const client = new AerostackClient({ baseURL: 'http://localhost:8787' });
    expect(() => connect(client, { WebSocket: FakeSocket })).toThrow(expect.objectContaining({ code: 'MISSING_API_KEY', message: expect.stringMatching(/apiKey.*AEROSTACK_API_KEY/) }));
    expect(() => connect(client, { WebSocket: FakeSocket })).toThrow(InvalidRequestError);
    expect(FakeSocket.all).toHaveLength(0);
  });

  it('a token the WebSocket refuses as a protocol: disconnected with INVALID_OPTION, no reconnect', async () => {
    const { WebSocket } = await import('ws');
    const rt = connect(new AerostackClient({ apiKey: 'k', baseURL: 'http://localhost:1' }), { WebSocket, token: 'has space' });
    await settle();
    expect(rt.status).toBe('disconnected');
    expect(rt.error).toBeInstanceOf(InvalidRequestError);
    expect(rt.error).toMatchObject({ code: 'INVALID_OPTION' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rt.status).toBe('disconnected');
  });

  it('where no WebSocket exists, throws a typed error naming the WebSocket option', () => {
    vi.stubGlobal('WebSocket', undefined);
    const client = new AerostackClient({ apiKey: 'k', baseURL: 'http://localhost:8787/v1' });
    expect(() => connect(client)).toThrow(InvalidRequestError);
    expect(() => connect(client)).toThrow(/connect\(client, \{ WebSocket \}\)/);
    try {
      connect(client);
    } catch (e) {
      expect((e as InvalidRequestError).code).toBe('WEBSOCKET_UNAVAILABLE');
    }
  });

  it('uses the global WebSocket when there is one', async () => {
    vi.stubGlobal('WebSocket', FakeSocket);
    const rt = connect(new AerostackClient({ apiKey: 'k', baseURL: 'http://localhost:8787/v1' }));
    await settle();
    expect(FakeSocket.all).toHaveLength(1);
    rt.close();
  });
});

describe('status and reconnection', () => {
  it('reports every status change and reconnects with min(1000 * 2^attempt, 30000) ms plus up to 30% jitter', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { rt, ws } = await opened();
    const seen: RealtimeStatus[] = [];
    rt.onStatusChange((s) => seen.push(s));
    ws.drop(1012, 'emulator: dropped');
    expect(rt.status).toBe('reconnecting');
    // Each attempt fails before opening: 1 s, 2 s, 4 s, 8 s, 16 s, then 30 s (capped), 30 s.
    for (const delay of [1000, 2000, 4000, 8000, 16000, 30000, 30000]) {
      const before = FakeSocket.all.length;
      await vi.advanceTimersByTimeAsync(delay - 1);
      expect(FakeSocket.all.length).toBe(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(FakeSocket.all.length).toBe(before + 1);
      FakeSocket.last.drop();
    }
    // An open resets the backoff.
    await vi.advanceTimersByTimeAsync(30000);
    FakeSocket.last.open();
    FakeSocket.last.drop();
    const before = FakeSocket.all.length;
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all.length).toBe(before + 1);
    FakeSocket.last.open();
    expect(seen).toEqual(['reconnecting', 'connected', 'reconnecting', 'connected']);
    rt.close();
    expect(seen.at(-1)).toBe('disconnected');
  });

  it('adds at most 30% jitter', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0.9999);
    const { rt, ws } = await opened();
    ws.drop();
    // 1000 + 0.9999 * 300 = 1299.97 ms
    await vi.advanceTimersByTimeAsync(1298);
    expect(FakeSocket.all).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2);
    expect(FakeSocket.all).toHaveLength(2);
    rt.close();
  });

  it('pings every 30 s with exactly {"type":"ping"} and stays up while pongs come', async () => {
    const { rt, ws } = await opened();
    for (let i = 0; i < 10; i++) {
      await vi.advanceTimersByTimeAsync(30_000);
      expect(ws.sent.at(-1)).toBe('{"type":"ping"}');
      ws.receive({ type: 'pong' });
    }
    expect(ws.sent.filter((s) => s === '{"type":"ping"}')).toHaveLength(10);
    expect(rt.status).toBe('connected');
    expect(FakeSocket.all).toHaveLength(1);
    rt.close();
  });

  it('reconnects when no pong came for 70 s', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { rt, ws } = await opened();
    await vi.advanceTimersByTimeAsync(69_999);
    expect(rt.status).toBe('connected');
    await vi.advanceTimersByTimeAsync(1);
    expect(ws.closedWith?.code).toBe(4000);
    expect(rt.status).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.all).toHaveLength(2);
    rt.close();
  });

  it('reconnects at once when the browser comes back online, and unhooks the listener on close', async () => {
    const listeners = new Map<string, () => void>();
    vi.stubGlobal('addEventListener', (type: string, fn: () => void) => listeners.set(type, fn));
    const removed: [string, unknown][] = [];
    vi.stubGlobal('removeEventListener', (type: string, fn: unknown) => removed.push([type, fn]));
    const { rt, ws } = await opened();
    ws.drop();
    listeners.get('online')!();
    await settle();
    expect(FakeSocket.all).toHaveLength(2);
    rt.close();
    expect(removed).toEqual([['online', listeners.get('online')]]);
  });

  it('a 4001 ends in an AuthenticationError with the close code and reason, and never reconnects', async () => {
    const { rt, ws } = await opened();
    const sub = subscribeTable(rt, 'orders');
    const statuses: RealtimeStatus[] = [];
    rt.onStatusChange((s) => statuses.push(s));
    ws.drop(4001, 'AUTH_INVALID_KEY: Invalid or missing API key');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(statuses).toEqual(['disconnected']);
    expect(rt.error).toBeInstanceOf(AuthenticationError);
    expect(rt.error).toMatchObject({ closeCode: 4001, closeReason: 'AUTH_INVALID_KEY: Invalid or missing API key', code: 'AUTH_INVALID_KEY', status: 401 });
    await expect(sub[Symbol.asyncIterator]().next()).rejects.toBe(rt.error);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a 4003 ends in a PermissionDeniedError', async () => {
    const { rt, ws } = await opened();
    ws.drop(4003, 'PROJECT_MISMATCH: projectId x is not this key\'s project');
    expect(rt.error).toBeInstanceOf(PermissionDeniedError);
    expect(rt.error).toMatchObject({ closeCode: 4003, code: 'PROJECT_MISMATCH' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('gives up after maxReconnectAttempts failures in a row, calling onMaxRetriesExceeded once', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const onMaxRetriesExceeded = vi.fn();
    const { rt, ws } = await opened({ maxReconnectAttempts: 2, onMaxRetriesExceeded });
    ws.drop();
    await vi.advanceTimersByTimeAsync(1000);
    FakeSocket.last.drop();
    await vi.advanceTimersByTimeAsync(2000);
    FakeSocket.last.drop();
    expect(FakeSocket.all).toHaveLength(3);
    expect(onMaxRetriesExceeded).toHaveBeenCalledTimes(1);
    expect(rt.status).toBe('disconnected');
    expect(rt.error).toBeInstanceOf(APIConnectionError);
    expect(rt.error?.code).toBe('MAX_RETRIES_EXCEEDED');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(FakeSocket.all).toHaveLength(3);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('what survives a reconnect', () => {
  it('re-sends every subscription and presence state, and frames sent while disconnected, in order', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { rt, ws } = await opened();
    subscribeTable(rt, 'orders', { filter: { status: 'open' } });
    track(rt, 'chat/a', { name: 'Ada' });
    track(rt, 'chat/b', { name: 'Ada' });
    untrack(rt, 'chat/b');
    expect(ws.frames().map((f) => f.type)).toEqual(['subscribe', 'track', 'track', 'untrack']);
    ws.drop();
    track(rt, 'chat/a', { name: 'Ada L.' }); // while disconnected: the newest state is what is sent
    await vi.advanceTimersByTimeAsync(1000);
    FakeSocket.last.open();
    expect(FakeSocket.last.frames()).toEqual([
      { type: 'subscribe', topic: 'table/orders', filter: { status: 'open' } },
      { type: 'track', topic: 'chat/a', state: { name: 'Ada L.' } },
    ]);
    rt.close();
  });

  it('setToken sends an auth frame on the live socket and uses the token on the next connection', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const { rt, ws } = await opened();
    rt.setToken('jwt2');
    expect(ws.frames()).toEqual([{ type: 'auth', token: 'jwt2' }]);
    ws.drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.last.protocols).toEqual(['aerostack-key.k1', 'aerostack-token.jwt2', 'aerostack-v1']);
    rt.close();
  });
});

describe('closing', () => {
  it('close() leaves no timer and closes the socket (connected, with ping and watchdog timers)', async () => {
    const { rt, ws } = await opened();
    subscribeTable(rt, 'orders');
    expect(vi.getTimerCount()).toBe(2);
    rt.close();
    expect(vi.getTimerCount()).toBe(0);
    expect(ws.closedWith).toEqual({ code: 1000, reason: undefined });
    expect(rt.status).toBe('disconnected');
    expect(rt.error).toBeUndefined();
  });

  it('close() while waiting to reconnect cancels the reconnect timer', async () => {
    const { rt, ws } = await opened();
    ws.drop();
    expect(vi.getTimerCount()).toBe(1);
    rt.close();
    expect(vi.getTimerCount()).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('close() before the socket exists opens none', async () => {
    const rt = connect(new AerostackClient({ apiKey: 'k', baseURL: 'http://localhost:8787/v1' }), { WebSocket: FakeSocket });
    rt.close();
    await settle();
    expect(FakeSocket.all).toHaveLength(0);
  });

  it('an AbortSignal closes the connection, and an aborted one never opens', async () => {
    const controller = new AbortController();
    const { rt, ws } = await opened({ signal: controller.signal });
    controller.abort();
    expect(rt.status).toBe('disconnected');
    expect(ws.closedWith?.code).toBe(1000);
    expect(vi.getTimerCount()).toBe(0);
    const rt2 = connect(new AerostackClient({ apiKey: 'k', baseURL: 'http://localhost:8787/v1' }), { WebSocket: FakeSocket, signal: controller.signal });
    await settle();
    expect(rt2.status).toBe('disconnected');
    expect(FakeSocket.all).toHaveLength(1);
  });
});
