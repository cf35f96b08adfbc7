import base from '@aerostack-internal/config/vitest';

// The shared settings (one fork at a time, the JSON report), with room for runtimes (a browser, workerd,
// Deno, Bun) to start on a loaded machine: a hang guard, never a measure of speed (see tooling/config/vitest.js).
export default { ...base, test: { ...base.test, testTimeout: 300_000, hookTimeout: 300_000 } };
