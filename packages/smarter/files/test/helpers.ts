// Shared with the other Smarter packages: see tooling/test-utils.
export { json, scriptedFetch, type Reply, type SentRequest } from '@aerostack-internal/test-utils/fetch';
export { API, clientWith, describeErrors, failure, JOURNAL, KEY, rejection, sentJSON } from '@aerostack-internal/test-utils/smarter';
export { bodyBytes, boundaryOf, concat, formOf } from '@aerostack-internal/test-utils/multipart';

export const FILE = {
  id: 'file-abc123',
  object: 'file' as const,
  bytes: 140,
  created_at: 1_751_000_000,
  filename: 'input.jsonl',
  purpose: 'fine-tune',
  status: 'processed' as const,
};
