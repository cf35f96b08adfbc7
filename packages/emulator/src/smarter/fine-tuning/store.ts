// Fine-tuning jobs in D1: the request as sent (hyperparameters resolved), and the facts its
// timeline is computed from.
export interface JobRequest {
  model: string;
  training_file: string;
  validation_file: string | null;
  hyperparameters: { n_epochs: number; batch_size: number; learning_rate_multiplier: number };
  suffix: string | null;
  seed: number;
}

export interface JobRow {
  seq: number;
  id: string;
  request: JobRequest;
  created_ms: number;
  cancelled_ms: number | null;
  training_error: string | null;
  training_tokens: number;
}

type RawJob = Omit<JobRow, 'request'> & { request: string };
const toJob = (r: RawJob): JobRow => ({ ...r, request: JSON.parse(r.request) as JobRequest });

export async function insertJob(db: D1Database, account: string, job: Omit<JobRow, 'seq' | 'cancelled_ms'>): Promise<void> {
  await db
    .prepare('INSERT INTO ft_jobs (account, id, request, created_ms, training_error, training_tokens) VALUES (?, ?, ?, ?, ?, ?)')
    .bind(account, job.id, JSON.stringify(job.request), job.created_ms, job.training_error, job.training_tokens)
    .run();
}

export async function findJob(db: D1Database, account: string, id: string): Promise<JobRow | undefined> {
  const row = await db.prepare('SELECT * FROM ft_jobs WHERE account = ? AND id = ?').bind(account, id).first<RawJob>();
  return row ? toJob(row) : undefined;
}

/** Newest first, after the job `afterSeq` when given. */
export async function listJobs(db: D1Database, account: string, afterSeq: number | undefined, take: number): Promise<JobRow[]> {
  const statement =
    afterSeq === undefined
      ? db.prepare('SELECT * FROM ft_jobs WHERE account = ? ORDER BY seq DESC LIMIT ?').bind(account, take)
      : db.prepare('SELECT * FROM ft_jobs WHERE account = ? AND seq < ? ORDER BY seq DESC LIMIT ?').bind(account, afterSeq, take);
  return (await statement.all<RawJob>()).results.map(toJob);
}

export async function cancelJob(db: D1Database, account: string, id: string, at: number): Promise<void> {
  await db.prepare('UPDATE ft_jobs SET cancelled_ms = ? WHERE account = ? AND id = ? AND cancelled_ms IS NULL').bind(at, account, id).run();
}
