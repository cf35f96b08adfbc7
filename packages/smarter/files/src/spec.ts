// The schemas of specs/smarter.yaml this package uses, named one by one: tsup inlines what they reach
// into the published .d.ts and nothing else (flat declarations, one per schema and operation:
// tooling/spec-types/flatten.mjs). A type that needs another schema adds it here (`Schemas['X']`
// does not compile until then). Relative imports on purpose: users never need the private package.
import type { FileDeleted, FileList, FileObject } from '../../../../tooling/spec-types/src/generated/smarter.flat';

/** The schemas this package's types name directly (each with what it refers to). */
export interface Schemas {
  FileDeleted: FileDeleted;
  FileList: FileList;
  FileObject: FileObject;
}

