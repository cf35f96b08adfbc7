// The cache's platform limits (KV's): a key of at most 512 bytes of well-formed UTF-8, a value of
// at most 25 MiB (its JSON text, as stored). Past them the answer is a 4xx whose code names the limit,
// never a 500 that a client would retry.
import { ApiError } from '../errors';

export const MAX_KEY_BYTES = 512;
export const MAX_VALUE_BYTES = 25 * 1024 * 1024;

const encoder = new TextEncoder();
// With the `u` flag a surrogate pair is one code point, so this matches only a lone half.
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** Throws 400 CACHE_KEY_INVALID (a lone surrogate: not representable in UTF-8) or CACHE_KEY_TOO_LONG. */
export function checkKey(key: string, field: string): void {
  const lone = LONE_SURROGATE.exec(key);
  if (lone) {
    const message = `Not well-formed Unicode: a lone surrogate at index ${lone.index}`;
    throw new ApiError(400, 'CACHE_KEY_INVALID', `${field}: ${message}`, { fieldErrors: { [field]: [message] } });
  }
  const size = encoder.encode(key).byteLength;
  if (size > MAX_KEY_BYTES) {
    const message = `At most ${MAX_KEY_BYTES} bytes (UTF-8), got ${size}`;
    throw new ApiError(400, 'CACHE_KEY_TOO_LONG', `${field}: ${message}`, { limit: MAX_KEY_BYTES, size, fieldErrors: { [field]: [message] } });
  }
}

/** A prefix is checked for well-formedness only (a long prefix just matches nothing). */
export function checkPrefix(prefix: string): void {
  const lone = LONE_SURROGATE.exec(prefix);
  if (lone) {
    const message = `Not well-formed Unicode: a lone surrogate at index ${lone.index}`;
    throw new ApiError(400, 'CACHE_KEY_INVALID', `prefix: ${message}`, { fieldErrors: { prefix: [message] } });
  }
}

/** The value as stored (its JSON text in UTF-8), or 413 CACHE_VALUE_TOO_LARGE. */
export function encodeValue(value: unknown, field: string): Uint8Array {
  const bytes = encoder.encode(JSON.stringify(value));
  if (bytes.byteLength > MAX_VALUE_BYTES) {
    const message = `At most ${MAX_VALUE_BYTES} bytes (25 MiB) of JSON, got ${bytes.byteLength}`;
    throw new ApiError(413, 'CACHE_VALUE_TOO_LARGE', `${field}: ${message}`, { limit: MAX_VALUE_BYTES, size: bytes.byteLength, fieldErrors: { [field]: [message] } });
  }
  return bytes;
}
