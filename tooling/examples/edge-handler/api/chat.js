// @ts-check
// A Vercel Edge Function with @aerostack/ai and @aerostack/cache: it streams a chat answer to the
// caller as plain text while it is generated, and counts the requests in the cache.
//
//   GET /api/chat?q=Hello  →  200 text/plain, streamed; header x-request-count: <n>
//
// In a Vercel project this file is api/chat.js (or, in Next.js, export `GET` from a route handler
// with `export const runtime = 'edge'`). Configuration: AEROSTACK_API_KEY and AEROSTACK_BASE_URL in
// the project's environment variables; without them, the local emulator and its first dev key.
import { chatStream } from '@aerostack/ai';
import { increment } from '@aerostack/cache';
import { AerostackClient, SDKError } from '@aerostack/core';

export const config = { runtime: 'edge' };

/**
 * @param {Request} request
 * @returns {Promise<Response>}
 */
export default async function handler(request) {
  const question = new URL(request.url).searchParams.get('q')?.trim() || 'Hello from the edge';
  const client = new AerostackClient({
    apiKey: process.env.AEROSTACK_API_KEY ?? 'ac_secret_dev_project_a', // the emulator's first dev key
    baseURL: process.env.AEROSTACK_BASE_URL ?? 'http://127.0.0.1:8787/v1', // the emulator's address
  });
  try {
    const [{ value: count }, stream] = await Promise.all([
      increment(client, { key: 'examples:edge:requests' }),
      // Resolves once the answer's headers are in; a 401 or 429 is thrown here, before any text.
      chatStream(client, { messages: [{ role: 'user', content: question }] }),
    ]);
    // Chunks in, text out: the caller sees each piece as soon as the model produces it.
    const encoder = new TextEncoder();
    const text = stream.toReadableStream().pipeThrough(
      new TransformStream({
        transform(chunk, controller) {
          const delta = chunk.choices[0]?.delta.content;
          if (delta) controller.enqueue(encoder.encode(delta));
        },
      }),
    );
    return new Response(text, { headers: { 'content-type': 'text/plain; charset=utf-8', 'x-request-count': String(count) } });
  } catch (error) {
    if (!(error instanceof SDKError)) throw error;
    return Response.json({ error: error.message, code: error.code ?? null }, { status: 502 });
  }
}
