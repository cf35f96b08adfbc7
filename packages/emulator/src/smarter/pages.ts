// The documented routes' cursor pagination: `after` (the id of the previous page's last object) and
// `limit` (1 to 100, default 20); a page is fetched with one row more than asked, to tell `has_more`.
import type { Context } from 'hono';
import { SmarterError } from './errors';

export interface PageQuery {
  after: string | undefined;
  limit: number;
}

export function pageQuery(c: Context, command: string): PageQuery {
  const raw = c.req.query('limit');
  const limit = raw === undefined ? 20 : Number(raw);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new SmarterError(400, 'SmarterValueError', `limit: an integer from 1 to 100, got "${raw ?? ''}"`, 'None', command);
  return { after: c.req.query('after') || undefined, limit };
}

/** One page of `rows` (fetched with `limit + 1`): the items and whether more follow. */
export function pageOf<T>(rows: T[], limit: number): { data: T[]; has_more: boolean } {
  return { data: rows.slice(0, limit), has_more: rows.length > limit };
}
