import { cancelJob } from './cancel-job';
import { createJob } from './create-job';
import { listJobEvents } from './list-job-events';
import { listJobs } from './list-jobs';
import { retrieveJob } from './retrieve-job';

/**
 * The job functions under their OpenAI names: `jobs.list(client, { limit: 20 })`. (It carries all of
 * them; import `listJobs` and the others instead to bundle only what you call.)
 */
export const jobs = { create: createJob, list: listJobs, retrieve: retrieveJob, cancel: cancelJob, listEvents: listJobEvents };
