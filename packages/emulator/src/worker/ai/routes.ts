// /v1/ai/*: chat completions (plain and SSE, from a deterministic local responder) and search (FTS5).
import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const ai = new Hono<AppEnv>();
