// Shared test settings. Two cores: one fork at a time keeps timings sane.
import { defineConfig } from 'vitest/config';
import { pkgVersionDefine } from './pkg-version.js';

export default defineConfig({
  define: pkgVersionDefine(),
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 20_000,
    restoreMocks: true,
    // The JSON report feeds the one closing count that CI reads (tooling/test-summary).
    reporters: ['default', ['json', { outputFile: '.vitest/report.json' }]],
  },
});
