import base from '@aerostack-internal/config/vitest';
import { defineConfig, mergeConfig } from 'vitest/config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // pnpm pack, npm install and tsc runs over 1.5 MB of declarations: seconds each. A hang guard for
      // a loaded machine, never a measure of speed (see tooling/config/vitest.js).
      testTimeout: 300_000,
      // The tsc and deno checks are concurrent tests: at most two at once on a two-core machine.
      maxConcurrency: 2,
      hookTimeout: 300_000,
    },
  }),
);
