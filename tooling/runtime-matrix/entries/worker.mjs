// @ts-check
// The smoke program as a Worker (workerd): POST the target as JSON, get the report as JSON.
import { smoke } from '../smoke.mjs';

export default {
  /** @param {Request} request */
  async fetch(request) {
    const target = /** @type {unknown} */ (await request.json());
    return Response.json(await smoke(/** @type {import('../lib/types').Target} */ (target)));
  },
};
