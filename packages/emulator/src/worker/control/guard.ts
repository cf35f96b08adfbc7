// The control routes (`/__emulator/*`) and the auth outbox can wipe data and read one-time codes, so
// only local tools may call them, never a web page:
//
// - the `Host` must be a loopback name. A DNS-rebinding page reaches 127.0.0.1 under its own
//   domain name, and that name is what its requests carry as `Host`;
// - a request with an `Origin` (or `Sec-Fetch-Site`) from anywhere but the emulator itself is
//   refused, whatever its content type (a `text/plain` POST needs no preflight). Node, curl and the
//   test harness send neither header.
//
// The refusal is 403 `FORBIDDEN` with no CORS header, so a page cannot even read it. (cors.ts gives
// these paths no CORS at all, preflights included.)
import { createMiddleware } from 'hono/factory';
import { ApiError } from '../errors';

/** Loopback names, as a Host header spells them (without the port). */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** The host name of a Host header (`127.0.0.1:8787` → `127.0.0.1`, `[::1]:8787` → `[::1]`), lower-cased. */
export function hostName(host: string): string {
  const value = host.trim().toLowerCase();
  const port = /:\d*$/.exec(value);
  return value.startsWith('[') ? value.slice(0, value.indexOf(']') + 1) : port ? value.slice(0, port.index) : value;
}

/** Why a control request is refused, or undefined when it may run. */
export function controlRefusal(headers: { host?: string; origin?: string; secFetchSite?: string }): string | undefined {
  if (!headers.host || !LOOPBACK_HOSTS.has(hostName(headers.host))) return `Host ${JSON.stringify(headers.host ?? '')} is not a loopback name`;
  if (headers.origin !== undefined && headers.origin !== `http://${headers.host.trim().toLowerCase()}`) return `Origin ${headers.origin} may not use the emulator's control routes`;
  if (headers.secFetchSite !== undefined && headers.secFetchSite !== 'same-origin' && headers.secFetchSite !== 'none') return 'A cross-site request may not use the emulator\'s control routes';
  return undefined;
}

export const controlGuard = createMiddleware<{ Bindings: { CONTROL: boolean } }>(async (c, next) => {
  if (!c.env.CONTROL) return next(); // not a loopback listener: the routes answer 404 themselves
  const refusal = controlRefusal({ host: c.req.header('host'), origin: c.req.header('origin'), secFetchSite: c.req.header('sec-fetch-site') });
  if (refusal) throw new ApiError(403, 'FORBIDDEN', refusal);
  await next();
});

/** Paths served only to local tools: the control routes and the auth outbox. No CORS for them. */
export function isControlPath(path: string): boolean {
  return path === '/__emulator' || path.startsWith('/__emulator/') || path.includes('/__emulator/');
}
