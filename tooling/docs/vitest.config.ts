import base from '@aerostack-internal/config/vitest';

// The shared settings (one fork at a time, the JSON report), with room for a TypeDoc build.
export default { ...base, test: { ...base.test, testTimeout: 60_000, hookTimeout: 60_000 } };
