// Shared with the other Smarter packages: see tooling/test-utils.
export { json, scriptedFetch, type Reply, type SentRequest } from '@aerostack-internal/test-utils/fetch';
export { API, clientWith, describeErrors, failure, JOURNAL, KEY, rejection, sentJSON } from '@aerostack-internal/test-utils/smarter';
export const job = (n: number, status: 'queued' | 'running' | 'succeeded' | 'cancelled' = 'queued') => ({
  id: `ftjob-${n}`,
  object: 'fine_tuning.job' as const,
  model: 'gpt-4o-mini-2024-07-18',
  created_at: 1_751_000_000 + n,
  finished_at: null,
  fine_tuned_model: null,
  status,
  training_file: 'file-abc123',
  validation_file: null,
  hyperparameters: { n_epochs: 'auto' as const },
  trained_tokens: null,
  error: null,
});

export const event = (n: number) => ({
  id: `ftevent-${n}`,
  object: 'fine_tuning.job.event' as const,
  created_at: 1_751_000_000 + n,
  level: 'info' as const,
  message: `Step ${n}/100: training loss=0.${n}`,
  type: 'metrics' as const,
  data: { step: n },
});

export const listOf = <T>(data: T[], has_more: boolean) => ({ object: 'list' as const, data, has_more });
