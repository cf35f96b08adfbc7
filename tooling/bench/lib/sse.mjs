// Benchmark 2: SSE parsing throughput (MB/s) of the parser alone, on one recorded stream of
// OpenAI chat.completion.chunk events (~10 MB, ASCII plus some multibyte text), cut into 4 KiB
// Uint8Arrays. Our parser is `createSSEParser`, exported by the built @aerostack/core (the same
// code as packages/aerostack/core/src/sse.ts); the reference is eventsource-parser's createParser.
//
// `generate(file)` writes the stream (deterministic: a seeded generator, so every run parses the
// same bytes). As a child: node --expose-gc lib/sse.mjs '{"variant", "file", "warmup", "passes"}'
// prints { mbps, msPerPass, events, dataChars }: MB (10^6 bytes) per second of the median timed pass.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { childArgs, collect, median, report } from './proc.mjs';

export const CHUNK = 4096;

/** The variants, in table order: [name, description]. */
export const VARIANTS = [
  ['ours', 'ours: `createSSEParser`, TextDecoder + `feed`, fed directly'],
  ['esp', 'eventsource-parser `createParser`, TextDecoder + `feed`, fed directly'],
  ['hand', 'hand split on `\\n\\n`, fed directly (reference)'],
  ['ours+json', 'ours `createSSEParser` +json'],
  ['esp+json', '`createParser` +json'],
  ['hand+json', 'hand split +json'],
  ['ours-stream', 'ours: `new Stream(new Response(readable))` (the SDK path; always parses JSON)'],
  ['esp-reader+json', '`createParser` fed from a ReadableStream reader +json'],
  ['openai-stream', 'openai `Stream.fromSSEResponse(new Response(readable))` (always parses JSON)'],
  ['json-floor', '`JSON.parse` alone on the pre-split payloads (floor)'],
];

function mulberry32(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes ~10 MB of `data: {chat.completion.chunk}\n\n` events ending with `data: [DONE]`; returns its size and event count. */
export function generate(file, target = 10_000_000) {
  const random = mulberry32(20261122);
  const words = ['the', ' model', ' answer', ' is', ' streaming', ' token', ' by', ' token', ',', '.', ' café', ' naïve', ' 東京', ' データ', ' 🚀', ' ok', ' "quoted"', ' back\\slash', '\n', ' Ünïcödé', ' and', ' of', ' to', ' a'];
  const id = 'chatcmpl-B9MHDbslfCsjJ3kq1cZx0r4QXyAb5';
  let out = '';
  let events = 0;
  let bytes = 0;
  const parts = [];
  while (bytes < target - 400) {
    const n = 1 + Math.floor(random() * 4);
    let content = '';
    for (let i = 0; i < n; i++) content += words[Math.floor(random() * words.length)];
    const chunk = { id, object: 'chat.completion.chunk', created: 1795300000 + Math.floor(events / 50), model: 'gpt-4o-mini-2024-07-18', system_fingerprint: 'fp_34a54ae93c', choices: [{ index: 0, delta: events === 0 ? { role: 'assistant', content } : { content }, logprobs: null, finish_reason: null }] };
    const frame = `data: ${JSON.stringify(chunk)}\n\n`;
    out += frame;
    bytes += Buffer.byteLength(frame);
    events++;
    if (out.length > 1_000_000) {
      parts.push(out);
      out = '';
    }
  }
  parts.push(out + 'data: [DONE]\n\n');
  const text = parts.join('');
  writeFileSync(file, text);
  return { bytes: Buffer.byteLength(text), events };
}

function chunksOf(file) {
  const all = readFileSync(file);
  const chunks = [];
  // Independent arrays, as a socket hands them over.
  for (let i = 0; i < all.length; i += CHUNK) chunks.push(new Uint8Array(all.subarray(i, i + CHUNK)));
  return { chunks, bytes: all.length };
}

function readable(chunks) {
  let i = 0;
  return new ReadableStream({
    pull(c) {
      if (i < chunks.length) c.enqueue(chunks[i++]);
      else c.close();
    },
  });
}

async function makeVariant(variant, chunks) {
  const [base, json] = [variant.replace('+json', ''), variant.endsWith('+json')];
  if (base === 'ours' || base === 'esp' || base === 'hand') {
    let make;
    if (base === 'ours') {
      const { createSSEParser } = await import('@aerostack/core');
      make = (on) => createSSEParser((e) => on(e.data));
    } else if (base === 'esp') {
      const { createParser } = await import('eventsource-parser');
      make = (on) => createParser({ onEvent: (e) => on(e.data) });
    } else {
      make = (on) => {
        let buffer = '';
        return {
          feed(s) {
            buffer += s;
            let start = 0;
            let i;
            while ((i = buffer.indexOf('\n\n', start)) >= 0) {
              if (buffer.startsWith('data: ', start)) on(buffer.slice(start + 6, i));
              start = i + 2;
            }
            buffer = buffer.slice(start);
          },
        };
      };
    }
    return () => {
      let events = 0;
      let dataChars = 0;
      const parser = make((data) => {
        if (data === '[DONE]') return;
        events++;
        dataChars += data.length;
        if (json) JSON.parse(data);
      });
      const decoder = new TextDecoder();
      for (const c of chunks) parser.feed(decoder.decode(c, { stream: true }));
      parser.feed(decoder.decode());
      return { events, dataChars };
    };
  }
  if (base === 'esp-reader') {
    const { createParser } = await import('eventsource-parser');
    return async () => {
      let events = 0;
      let dataChars = 0;
      const parser = createParser({
        onEvent: (e) => {
          if (e.data === '[DONE]') return;
          events++;
          dataChars += e.data.length;
          JSON.parse(e.data);
        },
      });
      const reader = readable(chunks).getReader();
      const decoder = new TextDecoder();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.feed(decoder.decode(value, { stream: true }));
      }
      return { events, dataChars };
    };
  }
  if (base === 'ours-stream') {
    const { Stream } = await import('@aerostack/core');
    return async () => {
      let events = 0;
      let dataChars = 0;
      for await (const chunk of new Stream(new Response(readable(chunks)))) {
        events++;
        dataChars += chunk.choices[0].delta.content.length;
      }
      return { events, dataChars };
    };
  }
  if (base === 'openai-stream') {
    const { Stream } = await import('openai/core/streaming');
    return async () => {
      let events = 0;
      let dataChars = 0;
      for await (const chunk of Stream.fromSSEResponse(new Response(readable(chunks)), new AbortController())) {
        events++;
        dataChars += chunk.choices[0].delta.content.length;
      }
      return { events, dataChars };
    };
  }
  if (base === 'json-floor') {
    const all = new TextDecoder().decode(Buffer.concat(chunks));
    const payloads = all.split('\n\n').filter((f) => f.startsWith('data: ') && f !== 'data: [DONE]').map((f) => f.slice(6));
    return () => {
      let dataChars = 0;
      for (const p of payloads) {
        JSON.parse(p);
        dataChars += p.length;
      }
      return { events: payloads.length, dataChars };
    };
  }
  throw new Error(`unknown variant ${variant}`);
}

async function child() {
  const { variant, file, warmup, passes } = childArgs();
  const { chunks, bytes } = chunksOf(file);
  const pass = await makeVariant(variant, chunks);
  let result;
  for (let i = 0; i < warmup; i++) result = await pass();
  collect();
  const times = [];
  for (let i = 0; i < passes; i++) {
    const t0 = performance.now();
    result = await pass();
    times.push(performance.now() - t0);
  }
  // The median pass: a burst of load from other processes on the shared machine spoils one pass, not the figure.
  const ms = median(times);
  // dataChars differs by design between raw-data variants and content-only ones; events must agree.
  report({ mbps: bytes / 1e6 / (ms / 1000), msPerPass: ms, events: result.events, dataChars: result.dataChars, bytes });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  child().catch((e) => {
    console.error(e?.stack ?? e);
    process.exit(1);
  });
}

/** What each variant is compared with: createParser fed the same way, with the same JSON work. */
const REFERENCE = {
  ours: 'esp',
  esp: 'esp',
  hand: 'esp',
  'ours+json': 'esp+json',
  'esp+json': 'esp+json',
  'hand+json': 'esp+json',
  'json-floor': 'esp+json',
  'ours-stream': 'esp-reader+json',
  'esp-reader+json': 'esp-reader+json',
  'openai-stream': 'esp-reader+json',
};

/**
 * Generates the stream, then runs `rounds` rounds of every variant (order rotated), each in a
 * fresh process with `warmup` + `passes` passes. Rows: per variant, medians over rounds of MB/s
 * and of the ratio to its reference in the same round.
 */
export async function run({ file, rounds, warmup, passes, progress }) {
  const { join } = await import('node:path');
  const { LIB_DIR, minmax, rotate, runNode } = await import('./proc.mjs');
  const stream = generate(file);
  const names = VARIANTS.map(([v]) => v);
  const samples = [];
  for (let round = 0; round < rounds; round++) {
    for (const variant of rotate(names, round)) {
      const r = await runNode(['--expose-gc', join(LIB_DIR, 'sse.mjs'), JSON.stringify({ variant, file, warmup, passes })]);
      if (r.events !== stream.events) throw new Error(`${variant} saw ${r.events} events, the stream has ${stream.events}`);
      samples.push({ round, variant, ...r });
    }
    progress?.(`sse round ${round + 1}/${rounds}: ${samples.filter((s) => s.round === round).map((s) => `${s.variant} ${Math.round(s.mbps)}`).join(', ')} MB/s`);
  }
  const rows = VARIANTS.map(([variant, description]) => {
    const mine = samples.filter((s) => s.variant === variant);
    const ratios = mine.map((s) => s.mbps / samples.find((x) => x.round === s.round && x.variant === REFERENCE[variant]).mbps);
    return { variant, description: `${description}${REFERENCE[variant] !== 'esp' && REFERENCE[variant] !== variant ? ` [vs ${REFERENCE[variant]}]` : ''}`, mbps: median(mine.map((s) => s.mbps)), msPerPass: median(mine.map((s) => s.msPerPass)), ratio: median(ratios), ratioRange: minmax(ratios) };
  });
  return { rows, bytes: stream.bytes, events: stream.events };
}
