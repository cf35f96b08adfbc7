// Error responses of every kind a server, a proxy or a broken connection produces, for the
// error-decoding properties (errors.test.ts, and the failing ones in errors.bug.test.ts).
import fc from 'fast-check';
import { text } from './support';

/** How a body is made: text, raw bytes, or a stream that fails part way. */
export type Body = { kind: 'text'; text: string; label: string } | { kind: 'bytes'; bytes: Uint8Array } | { kind: 'broken'; prefix: string };

const hostile = text({ maxLength: 60, lineBreaks: true });
const huge = fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n));
const str = fc.oneof({ weight: 4, arbitrary: hostile }, { weight: 1, arbitrary: huge }, { weight: 1, arbitrary: fc.constantFrom('', ' ', '<b>bold</b>') });
const json = fc.jsonValue({ maxDepth: 3 });
const field = fc.oneof({ weight: 3, arbitrary: str }, { weight: 1, arbitrary: json }, { weight: 1, arbitrary: fc.integer() });

/** `{code, message, details}`, `{error: "..."}`, `{error: {code, message, details}}`, mixed and partial. */
const shaped = fc.oneof(
  fc.record({ code: field, message: field, details: json }, { requiredKeys: [] }),
  fc.record({ error: field }),
  fc.record({ error: fc.record({ code: field, message: field, details: json, type: str }, { requiredKeys: [] }) }, { requiredKeys: [] }),
  fc.record({ code: field, message: field, error: fc.oneof(field, fc.record({ code: field, message: field })) }, { requiredKeys: [] }),
);

const ws = fc.constantFrom('', ' ', '\n', '\r\n', '\t', '  \n\n', '\uFEFF');
const page = fc.tuple(ws, fc.constantFrom('<!DOCTYPE html>', '<!doctype html>', '<html>', '<HTML>', '<?xml version="1.0"?><html>', '<head>'), hostile, fc.nat(4000)).map(
  ([lead, open, title, pad]) => `${lead}${open}<head><title>${title}</title></head><body><h1>502 Bad Gateway</h1>${'<p>filler</p>'.repeat(pad / 13)}</body></html>\n`,
);

/** Leading whitespace then an HTML page: what proxies and load balancers answer with. */
export const htmlPage = page;

export const body: fc.Arbitrary<Body> = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n', '\r\n\t ', 'null', 'true', '0', '""', '[]', '{}', '"just a string"').map((t) => ({ kind: 'text' as const, text: t, label: 'trivial' })) },
  { weight: 4, arbitrary: shaped.map((v) => ({ kind: 'text' as const, text: JSON.stringify(v), label: 'shaped' })) },
  { weight: 2, arbitrary: json.map((v) => ({ kind: 'text' as const, text: JSON.stringify(v), label: 'json' })) },
  { weight: 1, arbitrary: fc.tuple(shaped, fc.nat()).map(([v, n]) => { const t = JSON.stringify(v); return { kind: 'text' as const, text: t.slice(0, n % t.length), label: 'truncated json' }; }) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.nat({ max: 20_000 }), fc.boolean()).map(([n, obj]) => ({
      kind: 'text' as const,
      text: obj ? '{"error":'.repeat(n) + '{"message":"deep"}' + '}'.repeat(n) : '['.repeat(n) + ']'.repeat(n),
      label: 'deep',
    })),
  },
  { weight: 2, arbitrary: page.map((t) => ({ kind: 'text' as const, text: t, label: 'html' })) },
  { weight: 2, arbitrary: hostile.map((t) => ({ kind: 'text' as const, text: t, label: 'plain' })) },
  { weight: 1, arbitrary: huge.map((t) => ({ kind: 'text' as const, text: t, label: 'huge plain' })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ kind: 'bytes' as const, bytes })) },
  { weight: 1, arbitrary: hostile.map((prefix) => ({ kind: 'broken' as const, prefix })) },
);

export const status = fc.integer({ min: 400, max: 599 });
export const statusText = fc.constantFrom('', 'Bad Gateway', 'Internal Server Error', 'Not Found', 'I am a teapot');

/** A fresh Response for the body (a Response can be read once). */
export function respond(b: Body, s: number, reason: string, headers: Record<string, string> = {}): Response {
  const init = { status: s, statusText: reason, headers };
  if (b.kind === 'text') return new Response(b.text, init);
  if (b.kind === 'bytes') return new Response(b.bytes.slice(), init);
  const stream = new ReadableStream<Uint8Array>({
    start(c) {
      c.enqueue(new TextEncoder().encode(b.prefix));
      c.error(new TypeError('terminated'));
    },
  });
  return new Response(stream, init);
}
