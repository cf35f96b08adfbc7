// The operations and schemas of specs/aerostack.yaml this package uses, named one by one: tsup inlines
// what they reach into the published .d.ts and nothing else (flat declarations, one per schema and
// operation: tooling/spec-types/flatten.mjs). A function that needs another operation adds it here
// (`Body<'x'>` does not compile until then). Relative imports on purpose: users never need the private package.
import type { BodyOf, ResultOf } from '../../../../tooling/spec-types/src/helpers';
import type { storageCopy, storageDelete, storageExists, storageGet, storageGetMetadata, storageGetUrl, storageList, storageMove, StorageObject, storageUpload } from '../../../../tooling/spec-types/src/generated/aerostack.flat';

interface Operations {
  storageCopy: storageCopy;
  storageDelete: storageDelete;
  storageExists: storageExists;
  storageGet: storageGet;
  storageGetMetadata: storageGetMetadata;
  storageGetUrl: storageGetUrl;
  storageList: storageList;
  storageMove: storageMove;
  storageUpload: storageUpload;
}

/** The schemas this package's types name directly (each with what it refers to). */
export interface Schemas {
  StorageObject: StorageObject;
}

/** The JSON request body of an operation. */
export type Body<Op extends keyof Operations> = BodyOf<Operations, Op>;
/** The JSON body of an operation's success response (200 or 201). */
export type Result<Op extends keyof Operations> = ResultOf<Operations, Op>;
