// Shared test settings. Two cores: one fork at a time (maxWorkers: 1, files in turn) keeps timings sane.
//
// Time limits are hang guards, never assertions on speed. The suite must pass with the machine at load
// average 8 (2 cores, turbo running two packages' tests at once, other jobs beside): a test's work is
// fixed (property tests: a fixed seed and numRuns, no time budget; no wall-clock upper bound in an
// assertion), so a busy CPU only makes it longer. A limit only turns a real hang into a failure, so it
// is far above any test's time: 120 s, over 10x the slowest test on an idle machine (core's paginator
// properties, about 2 s each). Tests that must wait on real I/O (a child process, a browser, the
// emulator) rely on this default too; only a test that runs a whole program (the demo, the soak, the
// release rehearsal) sets a longer one of its own, never a shorter one.
import { defineConfig } from 'vitest/config';
import { pkgVersionDefine } from './pkg-version.js';

export default defineConfig({
  define: pkgVersionDefine(),
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    restoreMocks: true,
    // The JSON report feeds the one closing count that CI reads (tooling/test-summary).
    reporters: ['default', ['json', { outputFile: '.vitest/report.json' }]],
  },
});
