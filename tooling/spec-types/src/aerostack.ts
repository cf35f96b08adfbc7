// Friendly access to the types generated from specs/aerostack.yaml: `Body<'cacheGet'>` is the
// JSON request body of the operation with that operationId, `Result<'cacheGet'>` its success body.
import type { components, operations } from './generated/aerostack';
import type { BodyOf, ResultOf } from './helpers';

export type { components, operations };
export type Schemas = components['schemas'];
export type OperationId = keyof operations;

/** The JSON request body of an operation. */
export type Body<Op extends OperationId> = BodyOf<operations, Op>;

/** The JSON body of an operation's success response (200 or 201). */
export type Result<Op extends OperationId> = ResultOf<operations, Op>;
