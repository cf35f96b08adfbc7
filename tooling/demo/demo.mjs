#!/usr/bin/env node
// `pnpm demo`: a tour of every package, built, through its public API — against a local emulator
// started here (Miniflare: D1, KV, R2, Queues), or against a real deployment when
// AEROSTACK_API_KEY / AEROSTACK_BASE_URL (and SMARTER_API_KEY / SMARTER_BASE_URL) are set.
// Prints each step as it ends and a summary table; exits 0 only if no step failed.
import { aerostackTour } from './tours/aerostack.mjs';
import { smarterTour } from './tours/smarter.mjs';
import { resolveTarget } from './lib/target.mjs';
import { createTour, printSummary } from './lib/tour.mjs';

const target = await resolveTarget();
const tour = createTour();
// Names made unique per run, so that a real deployment (or a persisted emulator) is never confused by a previous run.
const run = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
try {
  if (target.aerostack) await aerostackTour(tour, target.aerostack, run);
  else console.log('- Aerostack: skipped (no AEROSTACK_API_KEY)');
  if (target.smarter) await smarterTour(tour, target.smarter, run);
  else console.log('- Smarter: skipped (no SMARTER_API_KEY)');
} finally {
  await target.stop();
}
printSummary(tour.steps);
process.exit(tour.steps.some((s) => s.result === 'FAILED') || tour.steps.length === 0 ? 1 : 0);
