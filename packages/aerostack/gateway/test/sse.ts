/** A text/event-stream Response made of `data:` frames. */
export function sse(frames: (string | object)[], init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const text = frames.map((f) => `data: ${typeof f === 'string' ? f : JSON.stringify(f)}\n\n`).join('');
  return new Response(text, { status: init.status ?? 200, headers: { 'content-type': 'text/event-stream', ...init.headers } });
}
