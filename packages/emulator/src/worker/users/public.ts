// /api/v1/public/projects/:projectSlug/auth/*: the public project auth routes (no API key).
import { Hono } from 'hono';
import type { Env } from '../env';

export const publicAuth = new Hono<{ Bindings: Env }>();
