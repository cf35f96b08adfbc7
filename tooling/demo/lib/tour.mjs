// The tour's steps: each runs, prints one line as it ends, and is kept for the summary table.
// A step throws to fail; returns a one-line detail to pass; returns `skip(reason)` to be skipped.

const SKIP = Symbol('skip');

export const skip = (reason) => ({ [SKIP]: reason });

/** Throws "unexpected: <detail>" unless `ok`; hands the detail back. */
export function expectThat(ok, detail) {
  if (!ok) throw new Error(`unexpected: ${detail}`);
  return detail;
}

export function createTour() {
  const steps = [];
  return {
    steps,
    async step(pkg, name, fn) {
      const started = performance.now();
      let result = 'ok';
      let detail;
      try {
        const value = await fn();
        if (value && typeof value === 'object' && SKIP in value) {
          result = 'skipped';
          detail = value[SKIP];
        } else detail = String(value);
      } catch (error) {
        result = 'FAILED';
        detail = `${error?.name ?? 'Error'}: ${error?.message ?? String(error)}`;
      }
      const ms = Math.round(performance.now() - started);
      steps.push({ package: pkg, step: name, result, ms, detail });
      const mark = result === 'ok' ? '✔' : result === 'skipped' ? '-' : '✘';
      console.log(`${mark} ${pkg.padEnd(20)} ${name}: ${detail} (${ms} ms)`);
    },
  };
}

const cut = (text, width) => (text.length > width ? `${text.slice(0, width - 1)}…` : text);

/** The summary: one row per step, and the counts. */
export function printSummary(steps) {
  const rows = steps.map((s) => ({ ...s, detail: cut(s.detail, 60), ms: String(s.ms) }));
  const cols = ['package', 'step', 'result', 'ms', 'detail'];
  const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => r[c].length)));
  const line = (cells) => `| ${cells.map((c, i) => (i === 3 ? c.padStart(width[i]) : c.padEnd(width[i]))).join(' | ')} |`;
  console.log(`\n${line(cols)}\n${line(width.map((w) => '-'.repeat(w)))}`);
  for (const r of rows) console.log(line(cols.map((c) => r[c])));
  const count = (result) => steps.filter((s) => s.result === result).length;
  console.log(`\n${count('ok')} passed, ${count('FAILED')} failed, ${count('skipped')} skipped, of ${steps.length} steps`);
}
