import base from '@aerostack-internal/config/vitest';

// The shared settings, plus a build of dist/worker.js before the run and room for the emulator's startup.
export default { ...base, test: { ...base.test, globalSetup: ['./test/global-setup.ts'], hookTimeout: 60_000 } };
