// Generic readers of openapi-typescript's `operations` type, shared by both platforms.

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON request body of operation `Op`. */
export type BodyOf<Ops, Op extends keyof Ops> = Ops[Op] extends { requestBody?: infer R } ? JsonOf<NonNullable<R>> : never;

/** The JSON body of operation `Op`'s success response (200 or 201). */
export type ResultOf<Ops, Op extends keyof Ops> = Ops[Op] extends { responses: infer R }
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : never
  : never;

/** What a Smarter call resolves to: the envelope's `data` when there is an envelope, else the body. */
export type DataOf<Ops, Op extends keyof Ops> = ResultOf<Ops, Op> extends { api: string; data?: infer D } ? D : ResultOf<Ops, Op>;
