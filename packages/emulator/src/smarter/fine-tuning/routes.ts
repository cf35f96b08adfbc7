// fine_tuning/jobs/ (documented contract, OpenAI shapes): create (on an uploaded `fine-tune` file),
// list newest first, retrieve, cancel, and the job's events — all paginated with after/limit. The
// job's status follows the clock (timeline.ts). Failures are ErrorEnvelopes: 400 for a bad request
// (an unknown or unfit training file included), 404 `DoesNotExist` for an unknown job.
import { Hono, type Context } from 'hono';
import { auth } from '../auth';
import type { SmarterAppEnv } from '../env';
import { SmarterError } from '../errors';
import { findFile } from '../files/store';
import { Fields, isObject, jsonObject } from '../openai/body';
import { pageOf, pageQuery } from '../pages';
import { cancelJob, findJob, insertJob, listJobs, type JobRequest, type JobRow } from './store';
import { checkTrainingFile } from './training-file';
import { isFinal, stateOf } from './timeline';

export const fineTuning = new Hono<SmarterAppEnv>();
fineTuning.use('/fine_tuning/jobs/*', auth);

const COMMAND = 'fine_tuning';
const seconds = (ms: number) => Math.floor(ms / 1000);
const invalid = (message: string) => new SmarterError(400, 'SmarterValueError', message, 'None', COMMAND);
const fineTunedModel = (job: JobRow) => `ft:${job.request.model}:${job.request.suffix ?? 'emulator'}:${job.id.slice(-8)}`;

function jobObject(job: JobRow, account: string) {
  const state = stateOf({ id: job.id, createdMs: job.created_ms, cancelledMs: job.cancelled_ms, trainingError: job.training_error }, fineTunedModel(job), job.request.training_file);
  const succeeded = state.status === 'succeeded';
  return {
    id: job.id,
    object: 'fine_tuning.job',
    model: job.request.model,
    created_at: seconds(job.created_ms),
    finished_at: state.finishedMs === null ? null : seconds(state.finishedMs),
    fine_tuned_model: succeeded ? fineTunedModel(job) : null,
    organization_id: `org-${account}`,
    result_files: [],
    status: state.status,
    training_file: job.request.training_file,
    validation_file: job.request.validation_file,
    hyperparameters: job.request.hyperparameters,
    trained_tokens: succeeded ? job.training_tokens * job.request.hyperparameters.n_epochs : null,
    error: state.status === 'failed' ? { code: 'invalid_training_file', message: `Training file validation failed: ${job.training_error ?? ''}`, param: 'training_file' } : null,
    seed: job.request.seed,
    suffix: job.request.suffix,
    estimated_finish: isFinal(state.status) ? null : seconds(job.created_ms + 2000),
  };
}

async function jobOf(c: Context<SmarterAppEnv>): Promise<JobRow> {
  const id = c.req.param('jobId') ?? '';
  const job = await findJob(c.env.SMARTER, c.get('account').id, id);
  if (!job) throw new SmarterError(404, 'DoesNotExist', `Fine-tuning job ${id} not found`, 'None', COMMAND);
  return job;
}

/** A hyperparameter: `auto` (its default) or a number of the right kind. */
function hyper(f: Fields, params: Record<string, unknown>, name: string, fallback: number, integer: boolean): number {
  const v = params[name];
  if (v === undefined || v === 'auto') return fallback;
  if (typeof v !== 'number' || !(v > 0) || (integer && !Number.isInteger(v))) f.fail(`hyperparameters.${name}`, `"auto" or ${integer ? 'an integer of at least 1' : 'a number above 0'}`);
  return typeof v === 'number' ? v : fallback;
}

fineTuning.post('/fine_tuning/jobs/', async (c) => {
  const body = await jsonObject(c, COMMAND);
  const f = new Fields(body, COMMAND);
  const model = f.string('model', true) ?? '';
  const trainingFile = f.string('training_file', true) ?? '';
  const validationFile = f.string('validation_file') ?? null;
  const suffix = f.string('suffix') ?? null;
  if (suffix !== null && suffix.length > 64) f.fail('suffix', 'at most 64 characters');
  const params = body.hyperparameters ?? {};
  if (!isObject(params)) f.fail('hyperparameters', 'expected an object');
  const p = isObject(params) ? params : {};
  const hyperparameters = { n_epochs: hyper(f, p, 'n_epochs', 3, true), batch_size: hyper(f, p, 'batch_size', 1, true), learning_rate_multiplier: hyper(f, p, 'learning_rate_multiplier', 2, false) };
  const seed = f.number('seed', -(2 ** 31), 2 ** 31 - 1, true);
  f.done();

  const account = c.get('account').id;
  const file = await findFile(c.env.SMARTER, account, trainingFile);
  if (!file) throw invalid(`training_file: no file ${trainingFile}; upload it first (files/, purpose fine-tune)`);
  if (file.purpose !== 'fine-tune') throw invalid(`training_file: ${trainingFile} has purpose "${file.purpose}", not "fine-tune"`);
  if (validationFile !== null && !(await findFile(c.env.SMARTER, account, validationFile))) throw invalid(`validation_file: no file ${validationFile}`);
  const object = await c.env.SMARTER_FILES.get(`${account}/${trainingFile}`);
  const checked = checkTrainingFile(object ? await object.text() : '');

  const id = `ftjob-${[...crypto.getRandomValues(new Uint8Array(12))].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
  const request: JobRequest = { model, training_file: trainingFile, validation_file: validationFile, hyperparameters, suffix, seed: seed ?? 42 };
  const row = { id, request, created_ms: Date.now(), training_error: checked.error, training_tokens: checked.tokens };
  await insertJob(c.env.SMARTER, account, row);
  return c.json(jobObject({ ...row, seq: 0, cancelled_ms: null }, account));
});

fineTuning.get('/fine_tuning/jobs/', async (c) => {
  const { after, limit } = pageQuery(c, COMMAND);
  const account = c.get('account').id;
  const afterJob = after === undefined ? undefined : await findJob(c.env.SMARTER, account, after);
  if (after !== undefined && !afterJob) throw invalid(`after: no job ${after}`);
  const rows = await listJobs(c.env.SMARTER, account, afterJob?.seq, limit + 1);
  return c.json({ object: 'list', ...pageOf(rows.map((job) => jobObject(job, account)), limit) });
});

fineTuning.get('/fine_tuning/jobs/:jobId/', async (c) => c.json(jobObject(await jobOf(c), c.get('account').id)));

fineTuning.post('/fine_tuning/jobs/:jobId/cancel/', async (c) => {
  const job = await jobOf(c);
  const account = c.get('account').id;
  const { status } = jobObject(job, account);
  if (isFinal(status)) throw invalid(`Job ${job.id} has already finished (${status}); only a running job can be cancelled`);
  await cancelJob(c.env.SMARTER, account, job.id, Date.now());
  return c.json(jobObject((await findJob(c.env.SMARTER, account, job.id)) ?? job, account));
});

fineTuning.get('/fine_tuning/jobs/:jobId/events/', async (c) => {
  const job = await jobOf(c);
  const { after, limit } = pageQuery(c, COMMAND);
  const state = stateOf({ id: job.id, createdMs: job.created_ms, cancelledMs: job.cancelled_ms, trainingError: job.training_error }, fineTunedModel(job), job.request.training_file);
  const events = state.events
    .map((e) => ({ id: e.id, object: 'fine_tuning.job.event', created_at: seconds(job.created_ms + e.at), level: e.level, message: e.message, type: e.type, data: e.data ?? null }))
    .reverse();
  const start = after === undefined ? 0 : events.findIndex((e) => e.id === after) + 1;
  if (after !== undefined && start === 0) throw invalid(`after: no event ${after} in job ${job.id}`);
  return c.json({ object: 'list', ...pageOf(events.slice(start), limit) });
});
