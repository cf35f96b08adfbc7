// Shared pieces of the property tests: hostile text, and splitting input at arbitrary places.
import fc from 'fast-check';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The text as it survives UTF-8 (a lone surrogate becomes U+FFFD), so byte round trips compare equal. */
export const wellFormed = (s: string): string => dec.decode(enc.encode(s));

/** Characters that tend to break parsers and encoders: separators, quotes, NUL, BOM, multi-byte and astral ones. */
const awkward = fc.constantFrom(
  ' ', ':', ';', '"', "'", '\\', '=', '%', '-', '\0', '\t', '\u007f', '\uFEFF', '\u2028', '\u00a0',
  'é', 'ß', '日', '本', '€', '👋', '🏳️‍🌈', '𝄞', '[', ']', '{', '}', '<', '>', '/', '?', '*',
);

/** One character (or grapheme) of any kind, awkward ones often. */
export const anyChar: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: awkward },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

/** Well-formed text of such characters (no CR or LF unless `lineBreaks`). */
export function text(options: { minLength?: number; maxLength?: number; lineBreaks?: boolean } = {}): fc.Arbitrary<string> {
  const { minLength = 0, maxLength = 30, lineBreaks = false } = options;
  const unit = lineBreaks ? fc.oneof({ weight: 6, arbitrary: anyChar }, fc.constantFrom('\r', '\n', '\r\n')) : anyChar;
  return fc
    .string({ unit, minLength, maxLength })
    .map((s) => wellFormed(lineBreaks ? s : s.replace(/[\r\n]/g, '')))
    .filter((s) => s.length >= minLength);
}

/** Cut positions for an input of any length: each is taken modulo (length + 1). */
export const cuts: fc.Arbitrary<number[]> = fc.array(fc.nat(), { maxLength: 24 });

/** Splits `input` at the given positions (taken modulo its length + 1, sorted; empty pieces included). */
export function splitAt<T extends string | Uint8Array>(input: T, at: number[]): T[] {
  const n = input.length;
  const points = at.map((p) => p % (n + 1)).sort((a, b) => a - b);
  const out: T[] = [];
  let from = 0;
  for (const p of [...points, n]) {
    out.push(input.slice(from, p) as T);
    from = p;
  }
  return out;
}

/** The pieces as one byte array (text as UTF-8). */
export const concat = (pieces: readonly (string | Uint8Array)[]): Uint8Array =>
  new Uint8Array(Buffer.concat(pieces.map((p) => (typeof p === 'string' ? enc.encode(p) : p))));

/** A body handing out one chunk per pull (no buffering ahead), recording whether it was cancelled. */
export function chunkedBody(chunks: readonly Uint8Array[]): { body: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let i = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const chunk = chunks[i++];
        if (chunk) controller.enqueue(chunk);
        else controller.close();
      },
      cancel() {
        cancelled = true;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, cancelled: () => cancelled };
}

/** numRuns for a property, scaled by FC_RUNS_SCALE (e.g. 10 for a long soak run). */
export const runs = (n: number): number => Math.max(1, Math.round(n * Number(process.env.FC_RUNS_SCALE ?? 1)));

/**
 * The seed every property here draws its cases from: fixed, so that every run, on any machine at any
 * load, checks the same cases (a failure prints its seed and path, and replays). FC_SEED explores others.
 * No property has a time budget (`interruptAfterTimeLimit`, `timeout`): a busy CPU makes a run longer,
 * never different.
 */
export const SEED = seedFrom(process.env.FC_SEED);

function seedFrom(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 20261207;
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) throw new Error(`FC_SEED must be an integer, got ${JSON.stringify(raw)}`);
  return n;
}

// Every property test imports this module, so the seed is set before any of them runs.
fc.configureGlobal({ ...fc.readConfigureGlobal(), seed: SEED });
