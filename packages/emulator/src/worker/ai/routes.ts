// /v1/ai/*: chat completions (plain and SSE, from a deterministic local responder) and search (FTS5).
import { Hono } from 'hono';
import type { AppEnv } from '../env';
import { chat } from './chat';
import { search } from './search';

export const ai = new Hono<AppEnv>();

ai.post('/chat', chat);
ai.route('/search', search);
