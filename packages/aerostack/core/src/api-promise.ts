import type { WithResponse } from './types';

/**
 * The result of every call: awaits to the parsed body, and `.withResponse()` gives the raw
 * `Response`, the request id and the body before unwrapping as well.
 */
export class APIPromise<T> implements PromiseLike<T> {
  readonly #result: Promise<WithResponse<T>>;

  constructor(result: Promise<WithResponse<T>>) {
    this.#result = result;
  }

  withResponse(): Promise<WithResponse<T>> {
    return this.#result;
  }

  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#result.then((r) => r.data).then(onfulfilled, onrejected);
  }

  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }
}

/** A promise of a value made from another call's result, keeping its response (streams, pages). */
export function mapResult<T, U>(promise: APIPromise<T>, fn: (result: WithResponse<T>) => U | Promise<U>): APIPromise<U> {
  return new APIPromise(promise.withResponse().then(async (r) => ({ ...r, data: await fn(r) })));
}
