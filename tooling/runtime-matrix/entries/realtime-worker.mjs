// @ts-check
// The realtime smoke program as a Worker (workerd, its own outbound `new WebSocket(url, protocols)`):
// POST the realtime target as JSON, get the report as JSON. The connections live within the request.
import { realtimeSmoke } from '../realtime-smoke.mjs';

export default {
  /** @param {Request} request */
  async fetch(request) {
    const target = /** @type {unknown} */ (await request.json());
    return Response.json(await realtimeSmoke(/** @type {import('../lib/types').RealtimeTarget} */ (target)));
  },
};
