// @ts-check
// The smoke program as an edge handler (Vercel's shape): POST the target as JSON, get the report as JSON.
import { smoke } from '../smoke.mjs';

export const config = { runtime: 'edge' };

/** @param {Request} request */
export default async function handler(request) {
  const target = /** @type {unknown} */ (await request.json());
  return Response.json(await smoke(/** @type {import('../lib/types').Target} */ (target)));
}
