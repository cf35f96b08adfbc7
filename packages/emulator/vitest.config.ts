import base from '@aerostack-internal/config/vitest';

// The shared settings (their hang guards leave room for the emulator's startup on a loaded machine),
// plus a build of dist/worker.js before the run.
export default { ...base, test: { ...base.test, globalSetup: ['./test/global-setup.ts'] } };
