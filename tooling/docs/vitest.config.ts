import base from '@aerostack-internal/config/vitest';

// The shared settings (one fork at a time, the JSON report), with room for a TypeDoc build: a whole
// program, so a hang guard longer than the shared one (a limit, never a measure of speed; see tooling/config/vitest.js).
export default { ...base, test: { ...base.test, testTimeout: 300_000, hookTimeout: 300_000 } };
