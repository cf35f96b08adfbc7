// @smarter/fine-tuning: one paginated job listing through a namespace import; it must tree-shake
// down to the operation used (the `jobs` object and the FineTuning class carry every operation).
// The Smarter client alone is 4.2 kB (one JSON call through @smarter/core).
import { MULTIPART_MARK, STREAM_MARK } from '../marks.mjs';

// As esbuild prints them: the listing is the plain string; the routes by id are templates.
const others = ['"POST",path:"fine_tuning/jobs/"', '/cancel/`', '/events/`', '`fine_tuning/jobs/'];

export default [
  {
    name: 'fineTuning.jobs.list',
    budget: 5000,
    forbid: [...others, STREAM_MARK, MULTIPART_MARK],
    code: `
      import { SmarterClient } from '@smarter/core';
      import * as fineTuning from '@smarter/fine-tuning';
      const client = new SmarterClient({ apiKey: 'k' });
      for await (const job of fineTuning.listJobs(client, { limit: 20 })) console.log(job.id, job.status);
    `,
  },
];
