// @ts-check
// A Cloudflare Worker with @aerostack/ai and @aerostack/cache: it answers questions with the AI chat
// and keeps each answer in the cache for ten minutes, so a repeated question costs no tokens.
//
//   GET /?q=What+is+a+Worker  →  {"question": "...", "answer": "...", "cached": false}
//   (the same question again within ten minutes: "cached": true)
//
// Configuration comes from the Worker's environment: AEROSTACK_BASE_URL in wrangler.toml's [vars],
// the key as a secret (`wrangler secret put AEROSTACK_API_KEY`; for `wrangler dev`, a .dev.vars
// file). Without them it talks to the local emulator with its first dev key. No `nodejs_compat`
// flag is needed: the SDK uses web standards only.
import * as ai from '@aerostack/ai';
import * as cache from '@aerostack/cache';
import { AerostackClient, SDKError } from '@aerostack/core';

/** @typedef {{ AEROSTACK_API_KEY?: string, AEROSTACK_BASE_URL?: string }} Env */

/** A short, stable cache key for any question (the key's length is limited, a question's is not). */
async function keyFor(/** @type {string} */ question) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(question.toLowerCase()));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `examples:worker:answer:${hex.slice(0, 32)}`;
}

export default {
  /**
   * @param {Request} request
   * @param {Env} env
   * @returns {Promise<Response>}
   */
  async fetch(request, env) {
    const question = new URL(request.url).searchParams.get('q')?.trim();
    if (!question) return Response.json({ error: 'Ask with ?q=your+question' }, { status: 400 });

    // A client is cheap: one per request, from this request's environment.
    const client = new AerostackClient({
      apiKey: env.AEROSTACK_API_KEY ?? 'ac_secret_dev_project_a', // the emulator's first dev key
      baseURL: env.AEROSTACK_BASE_URL ?? 'http://127.0.0.1:8787/v1', // the emulator's address
    });
    const key = await keyFor(question);
    try {
      const hit = await cache.get(client, { key });
      if (hit.exists && hit.value !== null) return Response.json({ question, answer: hit.value, cached: true });

      const completion = await ai.chat(client, { messages: [{ role: 'user', content: question }] });
      const answer = completion.choices?.[0]?.message.content ?? '';
      await cache.set(client, { key, value: answer, ttl: 600 });
      return Response.json({ question, answer, cached: false });
    } catch (error) {
      // The SDK's errors are typed (AuthenticationError, RateLimitError, ...): answer them as a 502.
      if (!(error instanceof SDKError)) throw error;
      return Response.json({ error: error.message, code: error.code ?? null, requestId: error.requestId ?? null }, { status: 502 });
    }
  },
};
