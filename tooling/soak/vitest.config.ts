import base from '@aerostack-internal/config/vitest';

// The shared settings (one fork at a time, the JSON report), with room for the soak: its operations
// are bounded by SOAK_BUDGET_MS (default 80 s; the calls in flight then finish, and a write whose answer
// was lost may be waited for), then the keep-alive sockets get a few seconds to close. A hang guard for
// a loaded machine, never a measure of speed (see tooling/config/vitest.js).
export default { ...base, test: { ...base.test, testTimeout: 300_000 } };
