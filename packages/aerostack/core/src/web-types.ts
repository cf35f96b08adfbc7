// Web types the core's public declarations name and that some type environments lack. The other
// globals the published .d.ts files use (Response, Headers, Blob, File, FormData, ReadableStream,
// AbortSignal, URL, URLSearchParams, fetch) are declared by the DOM library, by @types/node 20+, by
// @cloudflare/workers-types and by Deno, each in its own way. `BodyInit` is not declared by
// Node's types (without DOM, a project failed with "Cannot find name 'BodyInit'"), so the core
// names the bodies it sends itself, from globals every one of them has
// (tooling/type-matrix checks each environment).

/**
 * A request body sent as is (`RequestSpec.rawBody`): text, bytes, a Blob or File, a stream of bytes,
 * a form or URL-encoded parameters. What `fetch` takes (the web `BodyInit`), and what the Node
 * transport sends.
 */
export type RequestBody = string | ArrayBuffer | ArrayBufferView | Blob | ReadableStream<Uint8Array> | FormData | URLSearchParams;
