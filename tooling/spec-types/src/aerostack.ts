// Friendly access to the types generated from specs/aerostack.yaml: `Body<'cacheGet'>` is the
// JSON request body of the operation with that operationId, `Result<'cacheGet'>` its success body.
import type { components, operations } from './generated/aerostack';

export type { components, operations };
export type Schemas = components['schemas'];
export type OperationId = keyof operations;

type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;

/** The JSON request body of an operation. */
export type Body<Op extends OperationId> = operations[Op] extends { requestBody?: infer R } ? JsonOf<NonNullable<R>> : never;

/** The JSON body of an operation's success response (200 or 201). */
export type Result<Op extends OperationId> = operations[Op] extends { responses: infer R }
  ? R extends { 200: infer S }
    ? JsonOf<S>
    : R extends { 201: infer S }
      ? JsonOf<S>
      : never
  : never;
