export { VERSION } from './version';
export { enqueue, type EnqueueParams, type EnqueueResult } from './enqueue';
export { getJob, type GetJobParams, type GetJobResult } from './get-job';
export {
  listJobs,
  JOB_STATUSES,
  MAX_LIST_JOBS_LIMIT,
  type JobRecord,
  type JobStatus,
  type ListJobsParams,
  type ListJobsResult,
} from './list-jobs';
export { cancel, type CancelParams, type CancelResult } from './cancel';
export { Queue } from './queue';
