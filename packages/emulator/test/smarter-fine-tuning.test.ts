// @smarter/fine-tuning against the emulator (documented contract): a job on an uploaded file goes
// validating_files → queued → running → succeeded by the clock (2 s in all); cancel; a bad
// training file fails the job; jobs and events are paginated.
import { BadRequestError, NotFoundError, type SmarterClient } from '@smarter/core';
import * as files from '@smarter/files';
import { FineTuning, jobs } from '@smarter/fine-tuning';
import { describe, expect, it } from 'vitest';
import { GENERATIONS, smarterClient, useSmarter } from './helpers/smarter';

const emu = useSmarter();
const TRAINING = [
  { messages: [{ role: 'user', content: 'What is Stackademy?' }, { role: 'assistant', content: 'An online school.' }] },
  { prompt: 'Hello', completion: 'Hi there' },
]
  .map((line) => JSON.stringify(line))
  .join('\n');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function upload(c: SmarterClient, text = TRAINING, purpose = 'fine-tune'): Promise<string> {
  return (await files.create(c, { file: ['train.jsonl', text], purpose })).id;
}

describe.each(GENERATIONS)('%s server', (generation) => {
  const client = () => smarterClient(emu, generation);

  it('a job runs its course: statuses by the clock, the fine-tuned model, events newest first', async () => {
    const c = client();
    const ft = new FineTuning(c);
    const job = await ft.jobs.create({ model: 'gpt-4o-mini', training_file: await upload(c), suffix: 'support', hyperparameters: { n_epochs: 2 } });
    expect(job).toMatchObject({ object: 'fine_tuning.job', status: 'validating_files', model: 'gpt-4o-mini', fine_tuned_model: null, finished_at: null, hyperparameters: { n_epochs: 2, batch_size: 1, learning_rate_multiplier: 2 }, suffix: 'support' });
    const seen = new Set<string>([job.status]);
    let current = job;
    for (let i = 0; i < 40 && current.status !== 'succeeded'; i++) {
      await sleep(100);
      current = await ft.jobs.retrieve({ jobId: job.id });
      seen.add(current.status);
    }
    expect(current).toMatchObject({ status: 'succeeded', fine_tuned_model: `ft:gpt-4o-mini:support:${job.id.slice(-8)}`, trained_tokens: 18, error: null });
    expect(current.finished_at).toBeGreaterThanOrEqual(job.created_at);
    expect([...seen]).toEqual(expect.arrayContaining(['validating_files', 'running', 'succeeded']));

    const events = await jobs.listEvents(c, { jobId: job.id, limit: 3 }).toArray({ limit: 100 });
    expect(events[0]).toMatchObject({ object: 'fine_tuning.job.event', level: 'info', message: 'The job has successfully completed' });
    expect(events.at(-1)?.message).toBe(`Created fine-tuning job: ${job.id}`);
    expect(events.filter((e) => e.type === 'metrics')).toHaveLength(3);
    const page = await jobs.listEvents(c, { jobId: job.id, limit: 3 });
    expect(page.items).toHaveLength(3);
    expect(page.hasNextPage()).toBe(true);
    expect((await page.getNextPage()).items[0]?.id).toBe(events[3]?.id);
  });

  it('cancel: a running job is cancelled, a finished one cannot be', async () => {
    const c = client();
    const job = await jobs.create(c, { model: 'gpt-4o-mini', training_file: await upload(c) });
    const cancelled = await jobs.cancel(c, { jobId: job.id });
    expect(cancelled).toMatchObject({ id: job.id, status: 'cancelled', fine_tuned_model: null });
    await sleep(600);
    expect((await jobs.retrieve(c, { jobId: job.id })).status).toBe('cancelled');
    expect((await jobs.listEvents(c, { jobId: job.id }).toArray({ limit: 10 }))[0]?.message).toBe('Fine-tuning job cancelled');
    await expect(jobs.cancel(c, { jobId: job.id })).rejects.toBeInstanceOf(BadRequestError);
  });

  it('a training file that is not JSONL fails the job when validation ends', async () => {
    const c = client();
    const job = await jobs.create(c, { model: 'gpt-4o-mini', training_file: await upload(c, '{"messages": []}\nnot json\n') });
    await sleep(600);
    const failed = await jobs.retrieve(c, { jobId: job.id });
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'invalid_training_file', param: 'training_file' } });
    expect(failed.error?.message).toContain('line 2 is not JSON');
    expect((await jobs.listEvents(c, { jobId: job.id }).toArray({ limit: 10 }))[0]).toMatchObject({ level: 'error' });
  });

  it('bad requests: an unknown or unfit training file, bad hyperparameters; an unknown job', async () => {
    const c = smarterClient(emu, generation, { maxRetries: 0 });
    await expect(jobs.create(c, { model: 'm', training_file: 'file-nope' })).rejects.toThrow(/training_file: no file file-nope/);
    await expect(jobs.create(c, { model: 'm', training_file: await upload(c, TRAINING, 'assistants') })).rejects.toBeInstanceOf(BadRequestError);
    await expect(jobs.create(c, { model: 'm', training_file: await upload(c), hyperparameters: { n_epochs: 0 } })).rejects.toThrow(/hyperparameters\.n_epochs/);
    await expect(jobs.retrieve(c, { jobId: 'ftjob-nope' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(jobs.listEvents(c, { jobId: 'ftjob-nope' }).toArray({ limit: 1 })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('jobs are listed newest first, page by page', async () => {
    const c = client();
    const file = await upload(c);
    const created: string[] = [];
    for (let i = 0; i < 3; i++) created.push((await jobs.create(c, { model: 'gpt-4o-mini', training_file: file, suffix: `n${i}` })).id);
    const first = await jobs.list(c, { limit: 2 });
    expect(first.items.map((j) => j.id)).toEqual([created[2], created[1]]);
    expect(first.hasNextPage()).toBe(true);
    const ids: string[] = [];
    for await (const job of jobs.list(c, { limit: 2 })) ids.push(job.id);
    expect(ids.slice(0, 3)).toEqual([...created].reverse());
  });
});
