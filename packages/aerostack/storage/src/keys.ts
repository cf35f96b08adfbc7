// Kept tiny on purpose: these checks ride along in every one-call bundle. They run as a request's
// `check`, so what they throw rejects the call's promise and nothing is sent.

/** The core's `invalidInput`: throws a VALIDATION_ERROR naming the field. */
import { invalidInput as fail } from '@aerostack/core';

export { fail };

/** A key as the API wants it: leading `/`s dropped. (Anything but a string is refused by `checkKey`.) */
export const trimKey = (key: unknown): string => String(key).replace(/^\/+/, '');

/**
 * Refuses (naming its field) a key that is not a string, is empty once trimmed, or holds a `..`
 * segment or a control character, which would reach object names and URLs unseen.
 */
export function checkKey(key: unknown, field = 'key'): void {
  if (typeof key != 'string' || /(^|\/)\.\.(\/|$)|[\0-\x1f\x7f]/.test(key) || !trimKey(key)) {
    fail(`${field} ${JSON.stringify(key)}: empty, ".." segment or control character`, field);
  }
}
