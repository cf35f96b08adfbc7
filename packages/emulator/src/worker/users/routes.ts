// /v1/auth/*: platform signup and signin (the developer's own users, per project).
import { Hono } from 'hono';
import type { AppEnv } from '../env';

export const platformAuth = new Hono<AppEnv>();
