// @ts-check
// The realtime smoke program as an edge handler (Vercel's shape), with the runtime's global
// WebSocket: POST the realtime target as JSON, get the report as JSON.
import { realtimeSmoke } from '../realtime-smoke.mjs';

export const config = { runtime: 'edge' };

/** @param {Request} request */
export default async function handler(request) {
  const target = /** @type {unknown} */ (await request.json());
  return Response.json(await realtimeSmoke(/** @type {import('../lib/types').RealtimeTarget} */ (target)));
}
