// The realtime endpoint's handshake: keys, projectId, subprotocols, topics, malformed frames, ping.
import { afterEach, describe, expect, it } from 'vitest';
import { control, KEY_A, KEY_B, useEmulator } from './helpers/emulator';
import { closeAll, openSocket, roundTrip, subscribe } from './helpers/realtime';

const emu = useEmulator();
afterEach(closeAll);

async function projectOf(key: string): Promise<string> {
  const { projects } = (await control(emu, 'GET', '/health')) as { projects: string[] };
  return projects[[KEY_A, KEY_B].indexOf(key)] as string;
}

describe('realtime connection', () => {
  it('refuses an unknown or missing key: accepts, then closes 4001 with the reason', async () => {
    for (const key of ['ac_secret_nope', null]) {
      const socket = await openSocket(emu, { key });
      expect(await socket.closed).toEqual({ code: 4001, reason: 'AUTH_INVALID_KEY: Invalid or missing API key' });
    }
  });

  it("refuses a projectId that is not the key's project with 4003", async () => {
    const socket = await openSocket(emu, { query: '?projectId=proj_someone_else' });
    expect(await socket.closed).toEqual({ code: 4003, reason: "PROJECT_MISMATCH: projectId proj_someone_else is not this key's project" });
  });

  it("accepts the key's own projectId, or none, and echoes aerostack-v1 (else the first protocol offered)", async () => {
    const a = await projectOf(KEY_A);
    const withId = await openSocket(emu, { query: `?projectId=${a}&userId=u1` });
    expect(withId.protocol).toBe('aerostack-v1');
    await roundTrip(withId);
    // sdk-web sends no aerostack-v1: the key's protocol is echoed.
    const web = await openSocket(emu, { protocols: [`aerostack-key.${KEY_A}`] });
    expect(web.protocol).toBe(`aerostack-key.${KEY_A}`);
    await roundTrip(web);
    await Promise.all([withId.close(), web.close()]);
  });

  it('normalises topics and answers subscribed with the normalised one', async () => {
    const a = await projectOf(KEY_A);
    const socket = await openSocket(emu);
    expect(await subscribe(socket, 'orders')).toBe(`table/orders/${a}`);
    expect(await subscribe(socket, 'chat/room1')).toBe(`chat/room1/${a}`);
    expect(await subscribe(socket, `chat/room1/${a}`)).toBe(`chat/room1/${a}`);
    expect(await subscribe(socket, 'table/orders/proj_other')).toBe(`table/orders/proj_other/${a}`);
    await socket.close();
  });

  it('answers a malformed frame with BAD_FRAME and keeps the socket open', async () => {
    const socket = await openSocket(emu);
    for (const bad of ['not json', '[1]', '{"type":"dance"}', '{"type":"subscribe"}', '{"type":"subscribe","topic":"t","filter":[1]}', '{"type":"publish","topic":"t","event":"e"}']) {
      socket.send(bad);
      const error = await socket.next();
      expect(error).toMatchObject({ type: 'error', code: 'BAD_FRAME' });
      expect(typeof error.message).toBe('string');
    }
    await roundTrip(socket);
    expect(await subscribe(socket, 'still-open')).toContain('table/still-open/');
    await socket.close();
  });

  it('answers ping with pong (the exact frame by the runtime, any other spelling by the object)', async () => {
    const socket = await openSocket(emu);
    socket.send('{"type":"ping"}');
    expect(await socket.next()).toEqual({ type: 'pong' });
    socket.send({ type: 'ping', at: 1 });
    expect(await socket.next()).toEqual({ type: 'pong' });
    await socket.close();
  });

  it('a plain GET (no upgrade) is 426', async () => {
    const response = await fetch(emu.emulator.aerostackURL.replace(/\/v1$/, '') + '/api/realtime');
    expect(response.status).toBe(426);
    expect(await response.json()).toMatchObject({ code: 'UPGRADE_REQUIRED' });
  });
});
