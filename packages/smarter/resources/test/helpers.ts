// The CLI helpers are shared with the other Smarter package: see tooling/test-utils.
export * from '@aerostack-internal/test-utils/smarter-cli';
