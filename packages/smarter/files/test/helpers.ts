// Shared with the other Smarter packages: see tooling/test-utils.
export { json, scriptedFetch, type Reply, type SentRequest } from '@aerostack-internal/test-utils/fetch';
export { API, clientWith, describeErrors, failure, JOURNAL, KEY, rejection, sentJSON } from '@aerostack-internal/test-utils/smarter';
import type { SentRequest } from '@aerostack-internal/test-utils/fetch';
/** The body a request carried, read whole (a Blob or a stream). */
export const bodyBytes = async (req: SentRequest): Promise<Uint8Array> => new Uint8Array(await new Response(req.init.body).arrayBuffer());

/** The form a request carried, parsed as a server would. */
export const formOf = (req: SentRequest): Promise<FormData> =>
  new Response(req.init.body, { headers: { 'content-type': req.headers['content-type']! } }).formData();

export const boundaryOf = (contentType: string | undefined): string => {
  const m = /^multipart\/form-data; boundary=(\S+)$/.exec(contentType ?? '');
  if (!m) throw new Error(`not a multipart content type: ${String(contentType)}`);
  return m[1]!;
};

export const FILE = {
  id: 'file-abc123',
  object: 'file' as const,
  bytes: 140,
  created_at: 1_751_000_000,
  filename: 'input.jsonl',
  purpose: 'fine-tune',
  status: 'processed' as const,
};
