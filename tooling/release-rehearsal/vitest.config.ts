import base from '@aerostack-internal/config/vitest';
import { defineConfig, mergeConfig } from 'vitest/config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // The rehearsal (scratch copy, `changeset version`, `pnpm pack`) runs once, for every file.
      globalSetup: ['test/global-setup.ts'],
      // npm installs and child processes against the emulator: seconds, not milliseconds. A hang guard
      // for a loaded machine, never a measure of speed (see tooling/config/vitest.js).
      testTimeout: 300_000,
      hookTimeout: 300_000,
    },
  }),
);
