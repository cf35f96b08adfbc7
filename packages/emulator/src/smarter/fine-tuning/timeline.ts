// A fine-tuning job's life, computed from the clock, so it progresses with no worker running and
// always the same way: validating_files (0 s) → queued (0.5 s) → running (1 s) → succeeded (2 s).
// A training file that is not valid JSONL fails the job when validation ends (0.5 s); a cancel
// before the end stops it (`cancelled`). Events are what happened so far, newest first.
import type { Json } from '../envelope';

export const QUEUED_MS = 500;
export const RUNNING_MS = 1000;
export const DONE_MS = 2000;
const STEPS = 3;

export type JobStatus = 'validating_files' | 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled';

export interface JobFacts {
  id: string;
  createdMs: number;
  cancelledMs: number | null;
  trainingError: string | null;
}

interface Event {
  at: number;
  level: 'info' | 'warn' | 'error';
  message: string;
  type: 'message' | 'metrics';
  data?: Json;
}

/** Everything that happens to the job if nobody cancels it, by offset in ms. */
function plan(job: JobFacts, fineTunedModel: string, trainingFile: string): { events: Event[]; endsAt: number; end: JobStatus } {
  const events: Event[] = [
    { at: 0, level: 'info', message: `Created fine-tuning job: ${job.id}`, type: 'message' },
    { at: 0, level: 'info', message: `Validating training file: ${trainingFile}`, type: 'message' },
  ];
  if (job.trainingError) {
    events.push({ at: QUEUED_MS, level: 'error', message: `Training file validation failed: ${job.trainingError}`, type: 'message' });
    return { events, endsAt: QUEUED_MS, end: 'failed' };
  }
  events.push({ at: QUEUED_MS, level: 'info', message: 'Files validated, moving job to queued state', type: 'message' });
  events.push({ at: RUNNING_MS, level: 'info', message: 'Fine-tuning job started', type: 'message' });
  for (let step = 1; step <= STEPS; step++) {
    const loss = Math.round((1.5 / step) * 1000) / 1000;
    events.push({ at: RUNNING_MS + (step * (DONE_MS - RUNNING_MS)) / (STEPS + 1), level: 'info', message: `Step ${step}/${STEPS}: training loss=${loss}`, type: 'metrics', data: { step, train_loss: loss } });
  }
  events.push({ at: DONE_MS, level: 'info', message: `New fine-tuned model created: ${fineTunedModel}`, type: 'message' });
  events.push({ at: DONE_MS, level: 'info', message: 'The job has successfully completed', type: 'message' });
  return { events, endsAt: DONE_MS, end: 'succeeded' };
}

export interface JobState {
  status: JobStatus;
  /** When the job reached its end (succeeded or failed), in ms since the epoch. */
  finishedMs: number | null;
  /** Events so far, oldest first, with their ids. */
  events: (Event & { id: string })[];
}

export function stateOf(job: JobFacts, fineTunedModel: string, trainingFile: string, now = Date.now()): JobState {
  const { events, endsAt, end } = plan(job, fineTunedModel, trainingFile);
  const elapsed = now - job.createdMs;
  const cancelledAt = job.cancelledMs === null ? undefined : job.cancelledMs - job.createdMs;
  const cancelled = cancelledAt !== undefined && cancelledAt < endsAt;
  const until = cancelled ? cancelledAt : elapsed;
  const seen = events.filter((e) => e.at <= until);
  if (cancelled) seen.push({ at: cancelledAt, level: 'info', message: 'Fine-tuning job cancelled', type: 'message' });
  const status: JobStatus = cancelled ? 'cancelled' : elapsed >= endsAt ? end : elapsed >= RUNNING_MS ? 'running' : elapsed >= QUEUED_MS ? 'queued' : 'validating_files';
  const finished = status === 'succeeded' || status === 'failed';
  const hex = job.id.replace(/^ftjob-/, '');
  return { status, finishedMs: finished ? job.createdMs + endsAt : null, events: seen.map((e, i) => ({ ...e, id: `ftevent-${hex}-${i + 1}` })) };
}

export const isFinal = (status: JobStatus): boolean => status === 'succeeded' || status === 'failed' || status === 'cancelled';
