// /v1/storage/*: the storage routes on R2 (bucket FILES, keys under `projects/<project>/`).
import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const storage = new Hono<AppEnv>();
