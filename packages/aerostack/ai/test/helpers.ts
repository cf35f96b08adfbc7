// Shared with the other fetch-based Aerostack test suites: see tooling/test-utils.
export * from '@aerostack-internal/test-utils/aerostack-fetch';
