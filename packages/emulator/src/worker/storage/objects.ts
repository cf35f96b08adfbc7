// Writing a stream of unknown length to R2, and the API's view of an R2 object.
//
// R2's `put` needs a body of known length, and a streamed upload (`@aerostack/storage` with a
// ReadableStream) arrives chunked, with no Content-Length. So an upload is written in parts of
// PART_SIZE: one that ends within the first part is a plain `put` of those bytes; a larger one
// becomes an R2 multipart upload, one part per PART_SIZE bytes as they arrive. Either way the
// worker holds at most about one part in memory, whatever the file's size or how it was sent.

/** R2's smallest part (every part but the last must be at least this, and all the same size). */
export const PART_SIZE = 5 * 1024 * 1024;

/** Takes exactly `n` bytes off the front of `chunks` (which must hold at least `n`). */
function take(chunks: Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let at = 0;
  while (at < n) {
    const chunk = chunks[0] as Uint8Array;
    const used = Math.min(chunk.length, n - at);
    out.set(chunk.subarray(0, used), at);
    at += used;
    if (used === chunk.length) chunks.shift();
    else chunks[0] = chunk.subarray(used);
  }
  return out;
}

/** Writes `chunks` to `key`; on a failure midway, a multipart upload begun is aborted. */
export async function writeObject(bucket: R2Bucket, key: string, chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, httpMetadata: R2HTTPMetadata): Promise<void> {
  const pending: Uint8Array[] = [];
  let size = 0;
  let upload: R2MultipartUpload | undefined;
  const parts: R2UploadedPart[] = [];
  try {
    for await (const chunk of chunks) {
      pending.push(chunk);
      size += chunk.length;
      while (size >= PART_SIZE) {
        const part = take(pending, PART_SIZE);
        size -= PART_SIZE;
        upload ??= await bucket.createMultipartUpload(key, { httpMetadata });
        parts.push(await upload.uploadPart(parts.length + 1, part));
      }
    }
    const rest = take(pending, size);
    if (!upload) {
      await bucket.put(key, rest, { httpMetadata });
      return;
    }
    if (rest.length) parts.push(await upload.uploadPart(parts.length + 1, rest));
    await upload.complete(parts);
  } catch (error) {
    await upload?.abort().catch(() => undefined);
    throw error;
  }
}

/** An R2 object as the API's StorageObject (key without the project prefix). */
export function describe(object: R2Object, prefix: string): { key: string; size: number; lastModified: string; contentType?: string; etag: string } {
  const { contentType } = object.httpMetadata ?? {};
  return {
    key: object.key.slice(prefix.length),
    size: object.size,
    lastModified: object.uploaded.toISOString(),
    ...(contentType ? { contentType } : {}),
    etag: object.etag,
  };
}
