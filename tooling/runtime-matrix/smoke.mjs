// @ts-check
// The smoke program: several packages, from their built (or published) entry points, with web
// standards only, so that the very same file runs on Node, Bun, Deno, workerd, the edge runtime
// and a browser. Each step records what it saw; a step that throws is a failure.
//
//   const report = await smoke({ aerostackURL, aerostackKey, smarterURL, smarterKey });
//   report.ok  → every step passed; report.steps → [{ name, ok, detail }]
import * as ai from '@aerostack/ai';
import * as cache from '@aerostack/cache';
import * as collections from '@aerostack/collections';
import { AerostackClient, AuthenticationError, SDKError } from '@aerostack/core';
import * as storage from '@aerostack/storage';
import * as chatbots from '@smarter/chatbots';
import { SmarterClient } from '@smarter/core';

/**
 * @param {boolean} ok
 * @param {string} detail
 */
export function check(ok, detail) {
  if (!ok) throw new Error(`unexpected: ${detail}`);
  return detail;
}

/** The steps of a program (this one, realtime-smoke.mjs): `step(name, fn)` records fn's result or its error, never throws. */
export function recordSteps() {
  /** @type {{ name: string, ok: boolean, detail: string }[]} */
  const steps = [];
  /**
   * @param {string} name
   * @param {() => Promise<unknown>} fn
   */
  const step = async (name, fn) => {
    try {
      steps.push({ name, ok: true, detail: String(await fn()) });
    } catch (error) {
      const e = /** @type {{ name?: string, message?: string } | null | undefined} */ (error);
      steps.push({ name, ok: false, detail: `${e?.name ?? 'Error'}: ${e?.message ?? String(error)}` });
    }
  };
  return { steps, step };
}

/**
 * @param {{ aerostackURL: string, aerostackKey: string, smarterURL?: string, smarterKey?: string, runtime?: string }} target
 * @returns {Promise<{ ok: boolean, runtime: string, steps: { name: string, ok: boolean, detail: string }[] }>}
 */
export async function smoke(target) {
  const run = `${target.runtime ?? 'smoke'}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const client = new AerostackClient({ apiKey: target.aerostackKey, baseURL: target.aerostackURL, logLevel: 'off' });
  const { steps, step } = recordSteps();

  await step('json call', async () => {
    await cache.set(client, { key: `${run}:greeting`, value: 'hello' });
    const { value, exists } = await cache.get(client, { key: `${run}:greeting` });
    return check(exists && value === 'hello', `cache.get → ${JSON.stringify(value)}`);
  });

  await step('paginated listing', async () => {
    for (const n of [1, 2, 3]) await cache.set(client, { key: `${run}:item:${n}`, value: n });
    let pages = 0;
    let keys = 0;
    for await (const page of cache.list(client, { prefix: `${run}:item:`, limit: 2 }).byPage()) {
      pages++;
      keys += page.items.length;
    }
    return check(pages === 2 && keys === 3, `${keys} keys in ${pages} pages`);
  });

  await step('collection items', async () => {
    const notes = collections.collection(`smoke_${run.replace(/\W/g, '_')}`);
    const made = await collections.create(client, notes, { title: 'first', done: false });
    await collections.create(client, notes, { title: 'second', done: true });
    const open = await collections.list(client, notes, { where: { done: false } }).toArray({ limit: 10 });
    const back = await collections.get(client, notes, made.id);
    await collections.remove(client, notes, made.id);
    return check(open.length === 1 && open[0]?.id === made.id && back.title === 'first', `created ${made.id}; listed ${open.length} open; read back "${String(back.title)}"`);
  });

  await step('streamed chat', async () => {
    let text = '';
    let chunks = 0;
    for await (const chunk of await ai.chatStream(client, { messages: [{ role: 'user', content: 'stream me' }] })) {
      chunks++;
      text += chunk.choices[0]?.delta.content ?? '';
    }
    return check(chunks > 1 && text.length > 0, `"${text}" in ${chunks} chunks`);
  });

  await step('upload and download', async () => {
    const bytes = new Uint8Array(256 * 1024).map((_, i) => i % 251);
    const key = `smoke/${run}.bin`;
    await storage.upload(client, { key, file: new Blob([bytes]) });
    const back = await (await storage.get(client, { key })).bytes();
    const same = back.length === bytes.length && back.every((b, i) => b === bytes[i]);
    await storage.remove(client, { key });
    return check(same, `${back.length} bytes round-tripped`);
  });

  await step('typed error', async () => {
    const error = await cache.get(client.withOptions({ apiKey: 'ac_secret_wrong' }), { key: 'x' }).then(
      () => undefined,
      (/** @type {unknown} */ e) => e,
    );
    const typed = error instanceof AuthenticationError && error instanceof SDKError && error.status === 401 && error.code === 'AUTH_INVALID_KEY';
    const seen = /** @type {{ name?: string, status?: number, code?: string } | undefined} */ (error);
    return check(typed, `${seen?.name} ${seen?.status} ${seen?.code}`);
  });

  if (target.smarterURL && target.smarterKey) {
    await step('smarter chatbot', async () => {
      const smarter = new SmarterClient({ apiKey: target.smarterKey, baseURL: target.smarterURL, logLevel: 'off' });
      const name = `smoke-${run}`.slice(0, 40);
      await chatbots.apply(smarter, { apiVersion: 'smarter.sh/v1', kind: 'Chatbot', metadata: { name, description: 'smoke', version: '0.1.0' }, spec: { config: { deployed: true } } });
      const { reply } = await (await chatbots.get(smarter, { name })).prompt('hello');
      await chatbots.remove(smarter, { name });
      return check(reply.length > 0, `"${reply}"`);
    });
  }

  return { ok: steps.every((s) => s.ok), runtime: target.runtime ?? 'unknown', steps };
}
