// Shared with the other Smarter packages: see tooling/test-utils.
export { json, scriptedFetch, type Reply, type SentRequest } from '@aerostack-internal/test-utils/fetch';
export { API, clientWith, describeErrors, failure, JOURNAL, KEY, rejection, sentJSON } from '@aerostack-internal/test-utils/smarter';
