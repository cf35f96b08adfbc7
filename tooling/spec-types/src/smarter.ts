// Friendly access to the types generated from specs/smarter.yaml. Smarter wraps CLI answers in an
// envelope that the client unwraps: `Data<'cliWhoami'>` is what a call resolves to (the envelope's
// `data`, or the whole body for the OpenAI-style routes that send no envelope).
import type { components, operations } from './generated/smarter';
import type { BodyOf, DataOf, ResultOf } from './helpers';

export type { components, operations };
export type Schemas = components['schemas'];
export type OperationId = keyof operations;

/** The JSON request body of an operation. */
export type Body<Op extends OperationId> = BodyOf<operations, Op>;

/** The JSON body of an operation's success response, as sent (envelope included). */
export type Result<Op extends OperationId> = ResultOf<operations, Op>;

/** What a call resolves to: the envelope's `data` when there is an envelope, else the body. */
export type Data<Op extends OperationId> = DataOf<operations, Op>;
