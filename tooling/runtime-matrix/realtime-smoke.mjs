// @ts-check
// The realtime smoke program: `@aerostack/realtime` (with `@aerostack/database` for the writes),
// from the built packages, web standards only, so that the same file runs on Node, Bun, Deno,
// workerd, the edge runtime and a browser. Each step records what it saw; a step that throws (or
// waits past its hang guard) is a failure.
//
//   const report = await realtimeSmoke({ aerostackURL, aerostackKey, realtimeTable }, { WebSocket });
//
// `realtimeTable` must exist with columns (id INTEGER PRIMARY KEY, name TEXT): the harness creates
// it (the platform refuses DDL; the emulator allows it). `WebSocket` is the class to pass to
// `connect` (Node 20: the `ws` package's); without it the runtime's global one is used.
import { AerostackClient, AuthenticationError, InvalidRequestError } from '@aerostack/core';
import { query, sql, unsafeRaw } from '@aerostack/database';
import { connect, history, publish, subscribeEvents, subscribeTable } from '@aerostack/realtime';
import { check, recordSteps } from './smoke.mjs';

/**
 * @typedef {import('./lib/types').RealtimeTarget} RealtimeTarget
 * @typedef {{ id: number, name: string }} Row
 * @typedef {{ text: string, from: string }} Message
 */

/** A hang guard for every wait (never a measure of speed: a loaded machine answers in seconds). */
const GUARD_MS = 60_000;

/**
 * Resolves once `test()` is true (checked on every call of the returned `poke`, and every 20 ms);
 * rejects after the hang guard with `what`.
 * @param {() => boolean} test
 * @param {string} what
 */
export function until(test, what) {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (test()) return resolve(undefined);
      if (Date.now() - started > GUARD_MS) return reject(new Error(`waited ${GUARD_MS} ms for ${what}`));
      setTimeout(tick, 20);
    };
    tick();
  });
}

/**
 * A subscription is confirmed when the server has named its topic (`table/t` → `table/t/<project>`):
 * only then does a write or a publish reach it.
 * @param {{ topic: string }} sub
 * @param {string} sent
 */
export const confirmed = (sub, sent) => until(() => sub.topic !== sent && sub.topic.startsWith(`${sent}/`), `the server to confirm ${sent}`);

/**
 * @param {RealtimeTarget} target
 * @param {{ WebSocket?: import('@aerostack/realtime').WebSocketConstructor, webSocketName?: string }} [options]
 * @returns {Promise<import('./lib/types').Report>}
 */
export async function realtimeSmoke(target, options = {}) {
  const run = `${target.runtime ?? 'realtime'}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const client = new AerostackClient({ apiKey: target.aerostackKey, baseURL: target.aerostackURL, logLevel: 'off' });
  const WebSocket = options.WebSocket;
  const table = target.realtimeTable;
  if (!/^\w+$/.test(table)) throw new Error(`realtimeTable must be a plain SQL name, not ${JSON.stringify(table)}`);
  const { steps, step } = recordSteps();
  // Without a global WebSocket (Node 20), `connect` without the option throws the typed error that
  // names it; then the given class is used.
  const global = /** @type {{ WebSocket?: unknown }} */ (globalThis).WebSocket;
  await step('WebSocket', async () => {
    if (global) return check(true, WebSocket ? `${options.webSocketName ?? 'given'} (a global one exists too)` : 'the global WebSocket');
    const error = await Promise.resolve()
      .then(() => connect(client).close())
      .then(
        () => undefined,
        (/** @type {unknown} */ e) => e,
      );
    const typed = error instanceof InvalidRequestError && error.code === 'WEBSOCKET_UNAVAILABLE' && error.message.includes('connect(client, { WebSocket })');
    const seen = /** @type {{ name?: string, code?: string, message?: string } | undefined} */ (error);
    check(typed, `no global WebSocket; connect without the option: ${seen?.name} ${seen?.code} "${seen?.message}"`);
    if (!WebSocket) throw new Error(`no global WebSocket and no WebSocket option: connect threw ${seen?.name} ${seen?.code}`);
    return `no global WebSocket: ${seen?.name} ${seen?.code} without the option; with it: ${options.webSocketName ?? 'given'}`;
  });
  if (!global && !WebSocket) return { ok: false, runtime: target.runtime ?? 'unknown', steps };
  // The two connections, closed by the last step (or below, if a step failed before it).
  const rt = connect(client, { WebSocket });
  const other = connect(client, { WebSocket, userId: `${run}-other` });

  await step('table changes', async () => {
    const sub = subscribeTable(rt, table);
    /** @type {import('@aerostack/realtime').TableChange<Row>[]} */
    const changes = [];
    sub.on((change) => changes.push(/** @type {import('@aerostack/realtime').TableChange<Row>} */ (change)));
    await confirmed(sub, `table/${table}`);
    const t = unsafeRaw(table);
    await query(client, sql`INSERT INTO ${t} (id, name) VALUES (${1}, ${'ada'})`);
    await query(client, sql`UPDATE ${t} SET name = ${'grace'} WHERE id = ${1}`);
    await query(client, sql`DELETE FROM ${t} WHERE id = ${1}`);
    await until(() => changes.length >= 3, 'three db_change frames');
    sub.unsubscribe();
    const [insert, update, remove] = changes;
    const seen = changes.map((c) => `${c.operation} ${JSON.stringify(c.data)}${c.old ? ` old ${JSON.stringify(c.old)}` : ''}`).join('; ');
    const ok =
      changes.length === 3 &&
      insert?.operation === 'INSERT' && insert.data.id === 1 && insert.data.name === 'ada' &&
      update?.operation === 'UPDATE' && update.data.name === 'grace' && update.old?.name === 'ada' &&
      remove?.operation === 'DELETE' && remove.data.name === 'grace' &&
      changes.every((c) => c.topic === sub.topic && typeof c.timestamp === 'number');
    return check(ok, `${seen} on ${sub.topic}`);
  });

  const room = `chat/${run}`;
  /** @type {string | undefined} */
  let publishedId;
  await step('event between connections', async () => {
    const sub = subscribeEvents(other, room, { event: 'message' });
    /** @type {import('@aerostack/realtime').RealtimeEvent<Message>[]} */
    const received = [];
    sub.on((event) => received.push(/** @type {import('@aerostack/realtime').RealtimeEvent<Message>} */ (event)));
    await confirmed(sub, room);
    const data = { text: `hello from ${target.runtime ?? 'a runtime'}`, from: run };
    await publish(rt, room, 'message', data, { persist: true }); // resolves on the server's ack
    await until(() => received.length >= 1, 'the event on the other connection');
    sub.unsubscribe();
    const [event] = received;
    publishedId = event?.id;
    const ok = received.length === 1 && event?.event === 'message' && event.data.text === data.text && event.data.from === run && typeof event.id === 'string';
    return check(ok, `${received.length} event(s): ${JSON.stringify(event?.data)} id ${event?.id}`);
  });

  await step('history', async () => {
    const page = await history(client, { room, limit: 10 });
    const [message] = page.messages;
    const data = /** @type {Message | undefined} */ (message?.data);
    const ok = page.messages.length === 1 && message?.id === publishedId && message?.event === 'message' && data?.from === run;
    return check(ok, `${page.messages.length} message(s), newest ${JSON.stringify(message)}`);
  });

  await step('refused key', async () => {
    const refused = connect(client.withOptions({ apiKey: 'ac_secret_wrong' }), { WebSocket });
    await until(() => refused.status === 'disconnected', 'the refused connection to end');
    const error = refused.error;
    const close = /** @type {Partial<import('@aerostack/realtime').CloseFields>} */ (error ?? {});
    const ok = error instanceof AuthenticationError && close.closeCode === 4001 && error.code === 'AUTH_INVALID_KEY';
    return check(ok, `${error?.name} ${error?.code} closeCode ${close.closeCode} "${close.closeReason}"`);
  });

  await step('close', async () => {
    // An iteration in progress ends (done, no error) when its connection is closed.
    const sub = subscribeTable(rt, table);
    const iterator = sub[Symbol.asyncIterator]();
    const pending = iterator.next();
    rt.close();
    other.close();
    const end = await pending;
    const ok = end.done === true && rt.status === 'disconnected' && rt.error === undefined && other.status === 'disconnected' && other.error === undefined;
    return check(ok, `iteration done ${end.done}, status ${rt.status}/${other.status}, error ${String(rt.error)}`);
  });
  rt.close();
  other.close();

  return { ok: steps.every((s) => s.ok), runtime: target.runtime ?? 'unknown', steps };
}
