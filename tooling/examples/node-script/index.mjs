// @ts-check
// A Node script with @aerostack/cache and @aerostack/ai: it counts its runs in the cache, shows the
// previous answer (kept for an hour), and streams a new chat answer to the terminal as it arrives.
//
//   npm install @aerostack/core @aerostack/cache @aerostack/ai
//   node index.mjs "What is an edge cache?"
//
// With no configuration it talks to the local emulator (`pnpm emulator` in the SDK repository) with
// its first dev key. Against Aerostack, set both variables:
//   AEROSTACK_API_KEY=ac_secret_... AEROSTACK_BASE_URL=https://api.aerostack.dev/v1 node index.mjs
import * as ai from '@aerostack/ai';
import * as cache from '@aerostack/cache';
import { AerostackClient, SDKError } from '@aerostack/core';

const client = new AerostackClient({
  apiKey: process.env.AEROSTACK_API_KEY ?? 'ac_secret_dev_project_a', // the emulator's first dev key
  baseURL: process.env.AEROSTACK_BASE_URL ?? 'http://127.0.0.1:8787/v1', // the emulator's address
});
const question = process.argv[2] ?? 'Hello from a Node script';

try {
  // A counter: the increment happens on the server, so parallel runs never lose one.
  const { value: runs } = await cache.increment(client, { key: 'examples:node-script:runs' });
  console.log(`run #${runs}`);

  // The previous answer, if there is one (`exists` is false once its hour is up).
  const previous = await cache.get(client, { key: 'examples:node-script:last-answer' });
  if (previous.exists) console.log(`previous answer: ${previous.value ?? ''}`);

  // The answer, streamed: each chunk carries the next piece of text in `choices[0].delta.content`.
  process.stdout.write('answer: ');
  let answer = '';
  for await (const chunk of await ai.chatStream(client, { messages: [{ role: 'user', content: question }] })) {
    const delta = chunk.choices[0]?.delta.content ?? '';
    answer += delta;
    process.stdout.write(delta);
  }
  process.stdout.write('\n');

  await cache.set(client, { key: 'examples:node-script:last-answer', value: answer, ttl: 3600 });
} catch (error) {
  // Every failure of the SDK is an SDKError: AuthenticationError (a wrong key), RateLimitError,
  // APIConnectionError (nothing listening at the base URL), ... with `status`, `code` and `requestId`.
  if (!(error instanceof SDKError)) throw error;
  console.error(`${error.name}: ${error.message}${error.status ? ` (HTTP ${error.status}, ${error.code ?? 'no code'})` : ''}`);
  process.exitCode = 1;
}
