// Shared with the other Aerostack JSON packages: see tooling/test-utils.
export * from '@aerostack-internal/test-utils/nock-aerostack';
