import base from '@aerostack-internal/config/vitest';
import { defineConfig, mergeConfig } from 'vitest/config';

export default mergeConfig(
  base,
  defineConfig({
    test: {
      // The rehearsal (scratch copy, `changeset version`, `pnpm pack`) runs once, for every file.
      globalSetup: ['test/global-setup.ts'],
      // npm installs and child processes against the emulator: seconds, not milliseconds.
      testTimeout: 90_000,
      hookTimeout: 90_000,
    },
  }),
);
