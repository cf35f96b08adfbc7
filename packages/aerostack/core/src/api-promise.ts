import type { WithResponse } from './types';

// The types that cross package boundaries are declared as interfaces, with a constructor value
// beside each (as `Promise` and `PromiseConstructor` are): a service built against one version of
// the core then accepts what another version made, since TypeScript compares interfaces by shape.
// A class's `#private` member would make the type nominal — two copies of the declaration never
// match (TS2345) — so the class that keeps the state private is the value only, never the type.

/**
 * The result of every call: awaits to the parsed body, and `.withResponse()` gives the raw
 * `Response`, the request id and the body before unwrapping as well.
 */
export interface APIPromise<T> extends PromiseLike<T> {
  withResponse(): Promise<WithResponse<T>>;
  then<A = T, B = never>(
    onfulfilled?: ((value: T) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B>;
  catch<B = never>(onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null): Promise<T | B>;
  finally(onfinally?: (() => void) | null): Promise<T>;
}

export interface APIPromiseConstructor {
  /** Wraps a call's result: `result` resolves to the body and its response. */
  new <T>(result: Promise<WithResponse<T>>): APIPromise<T>;
}

// An anonymous class: it takes its name, `APIPromise`, from the constant.
export const APIPromise: APIPromiseConstructor = class<T> implements APIPromise<T> {
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
};

/** A promise of a value made from another call's result, keeping its response (streams, pages). */
export function mapResult<T, U>(promise: APIPromise<T>, fn: (result: WithResponse<T>) => U | Promise<U>): APIPromise<U> {
  return new APIPromise(promise.withResponse().then(async (r) => ({ ...r, data: await fn(r) })));
}
