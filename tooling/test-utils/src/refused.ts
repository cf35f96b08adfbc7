// Bad input refused before anything is sent: a fetch that records each call, and the check of the
// error an operation's own validation gives (the core's InvalidRequestError, VALIDATION_ERROR, with
// the field in `details`).
import { expect } from 'vitest';
import { InvalidRequestError } from '@aerostack/core';

/** A `fetch` option that records every call (answering `{}`): `sent` must stay empty when input is refused. */
export function recordingFetch(): { sent: unknown[]; fetch: (input: RequestInfo | URL) => Promise<Response> } {
  const sent: unknown[] = [];
  return {
    sent,
    fetch: async (input) => {
      sent.push(input);
      return Response.json({});
    },
  };
}

/** Expects `call` to reject with VALIDATION_ERROR naming `field` with `message`, and nothing sent. */
export async function expectRefused(call: () => PromiseLike<unknown>, sent: unknown[], field: string, message: string): Promise<void> {
  const error = (await Promise.resolve(call()).then(
    () => undefined,
    (e: unknown) => e,
  )) as InvalidRequestError;
  expect(error).toBeInstanceOf(InvalidRequestError);
  expect(error.code).toBe('VALIDATION_ERROR');
  expect(error.message).toBe(message);
  expect(error.details).toEqual({ field });
  expect(sent).toEqual([]);
}
