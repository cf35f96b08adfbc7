import base from '@aerostack-internal/config/vitest';

// The shared settings (one fork at a time, the JSON report, hang guards for a loaded machine).
export default base;
