// The one Node API that `src/node.ts` uses, declared here so the sources type-check without Node's
// types (web standards only elsewhere). Merges with @types/node where that is installed.
declare module 'node:fs' {
  export function openAsBlob(path: string | URL, options?: { type?: string }): Promise<Blob>;
}
