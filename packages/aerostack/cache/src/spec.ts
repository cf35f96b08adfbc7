// The operations and schemas of specs/aerostack.yaml this package uses, named one by one: tsup inlines
// what they reach into the published .d.ts and nothing else (flat declarations, one per schema and
// operation: tooling/spec-types/flatten.mjs). A function that needs another operation adds it here
// (`Body<'x'>` does not compile until then). Relative imports on purpose: users never need the private package.
import type { BodyOf, ResultOf } from '../../../../tooling/spec-types/src/helpers';
import type { cacheDelete, cacheDeleteMany, cacheExpire, cacheFlush, cacheGet, cacheGetMany, cacheIncrement, cacheKeys, cacheList, cacheSet, cacheSetMany } from '../../../../tooling/spec-types/src/generated/aerostack.flat';

interface Operations {
  cacheDelete: cacheDelete;
  cacheDeleteMany: cacheDeleteMany;
  cacheExpire: cacheExpire;
  cacheFlush: cacheFlush;
  cacheGet: cacheGet;
  cacheGetMany: cacheGetMany;
  cacheIncrement: cacheIncrement;
  cacheKeys: cacheKeys;
  cacheList: cacheList;
  cacheSet: cacheSet;
  cacheSetMany: cacheSetMany;
}

/** The JSON request body of an operation. */
export type Body<Op extends keyof Operations> = BodyOf<Operations, Op>;
/** The JSON body of an operation's success response (200 or 201). */
export type Result<Op extends keyof Operations> = ResultOf<Operations, Op>;
