// /v1/queue/*: jobs on Cloudflare Queues (producer JOBS, consumed by this worker) with their state in D1.
import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const queue = new Hono<AppEnv>();
