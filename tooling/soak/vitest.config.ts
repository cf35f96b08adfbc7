import base from '@aerostack-internal/config/vitest';

// The shared settings (one fork at a time, the JSON report), with room for the soak: its operations
// are bounded by SOAK_BUDGET_MS (default 80 s), then the keep-alive sockets get a few seconds to close.
export default { ...base, test: { ...base.test, testTimeout: 180_000, hookTimeout: 60_000 } };
