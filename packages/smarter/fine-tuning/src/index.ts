export { VERSION } from './version';
export { createJob, type FineTuningJob, type JobCreateParams } from './create-job';
export { listJobs, type JobListPage, type JobListParams } from './list-jobs';
export { retrieveJob, type JobParams } from './retrieve-job';
export { cancelJob } from './cancel-job';
export { listJobEvents, type FineTuningJobEvent, type JobEventListPage, type JobEventListParams } from './list-job-events';
export type { PageParams } from './pages';
export { jobs } from './jobs';
export { FineTuning, Jobs } from './fine-tuning';
