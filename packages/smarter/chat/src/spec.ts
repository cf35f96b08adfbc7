// The operations and schemas of specs/smarter.yaml this package uses, named one by one: tsup inlines
// what they reach into the published .d.ts and nothing else (flat declarations, one per schema and
// operation: tooling/spec-types/flatten.mjs). A function that needs another operation adds it here
// (`Body<'x'>` does not compile until then). Relative imports on purpose: users never need the private package.
import type { BodyOf } from '../../../../tooling/spec-types/src/helpers';
import type { ChatCompletion, promptsPassthrough, ResponseObject, responsesCreate } from '../../../../tooling/spec-types/src/generated/smarter.flat';

interface Operations {
  promptsPassthrough: promptsPassthrough;
  responsesCreate: responsesCreate;
}

/** The schemas this package's types name directly (each with what it refers to). */
export interface Schemas {
  ChatCompletion: ChatCompletion;
  ResponseObject: ResponseObject;
}

/** The JSON request body of an operation. */
export type Body<Op extends keyof Operations> = BodyOf<Operations, Op>;
