// Helpers for tests that read async iterables (SSE streams, listings) to the end.
import { expect } from 'vitest';

/** Every value of an async iterable, in order. */
export async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const v of stream) out.push(v);
  return out;
}

/** Iterates to the end and returns the error it threw, failing unless it threw an instance of `ErrorClass`. */
export async function iterationError<E>(stream: AsyncIterable<unknown>, ErrorClass: abstract new (...args: never[]) => E): Promise<E> {
  let error: unknown;
  try {
    await collect(stream);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ErrorClass);
  return error as E;
}
