import { InvalidRequestError } from '@aerostack/core';

// Control characters would reach the server's object names and URLs unseen.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * A key as the API wants it: leading `/`s dropped. Throws an InvalidRequestError naming the key
 * when it is empty (unless `emptyOk`, for prefixes), holds a control character or a `..` segment.
 */
export function checkKey(key: unknown, field = 'key', emptyOk = false): string {
  const k = typeof key === 'string' ? key.replace(/^\/+/, '') : '';
  const why =
    typeof key !== 'string'
      ? 'must be a string'
      : !k && !emptyOk
        ? 'must not be empty'
        : CONTROL.test(k)
          ? 'must not contain control characters'
          : k.split('/').includes('..')
            ? 'must not contain ".." segments'
            : '';
  if (why) throw new InvalidRequestError(`Storage ${field} ${JSON.stringify(key)} ${why}`, { code: 'VALIDATION_ERROR', details: { field } });
  return k;
}
