// Object keys as the API takes them, where they live in R2, and the URL the API answers for them.
import type { Checker } from '../body';

/** R2's limit on an object name, in UTF-8 bytes. */
const R2_MAX_KEY_BYTES = 1024;

/** Every object of a project lives under this R2 prefix; keys come back with it stripped. */
export const prefixOf = (project: string): string => `projects/${project}/`;

/** `a/../b`, `..`, `../x`, `x/..`: refused, as the API does. */
const DOT_DOT = /(^|\/)\.\.(\/|$)/;

/** Why a key (leading `/`s already dropped) is refused, or undefined when it is fine. */
export function keyProblem(key: string, project: string): string | undefined {
  if (!key) return 'Must not be empty';
  if (DOT_DOT.test(key)) return 'Must not contain a ".." segment';
  const room = R2_MAX_KEY_BYTES - new TextEncoder().encode(prefixOf(project)).length;
  if (new TextEncoder().encode(key).length > room) return `At most ${room} bytes`;
  return undefined;
}

/** A leading `/` is ignored (spec: StorageKey). */
export const trimKey = (key: string): string => key.replace(/^\/+/, '');

/** Reads and checks a key field of a JSON body; the trimmed key, or '' after recording the failure. */
export function keyField(check: Checker, field: string, project: string): string {
  const raw = check.string(field, { required: true });
  if (raw === undefined) return '';
  const key = trimKey(raw);
  const problem = keyProblem(key, project);
  if (problem) {
    check.fail(field, problem);
    return '';
  }
  return key;
}

/**
 * The object's "CDN" URL: `<origin>/cdn/<project>/<key>` on the emulator's own origin (the
 * platform answers `https://cdn.aerostack.ai/projects/<project>/<key>`). Each segment is
 * percent-encoded; the `/`s between them are kept.
 */
export function cdnUrl(requestUrl: string, project: string, key: string): string {
  const { origin } = new URL(requestUrl);
  return `${origin}/cdn/${project}/${key.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * The project and key a `/cdn/<project>/<key>` pathname names (the inverse of cdnUrl: each segment
 * decoded), or undefined when it names none (no key, a malformed escape, a key the API refuses).
 */
export function cdnTarget(pathname: string): { project: string; key: string } | undefined {
  const [, cdn, project, ...segments] = pathname.split('/');
  if (cdn !== 'cdn' || !project || !segments.length) return undefined;
  let key: string;
  try {
    key = segments.map(decodeURIComponent).join('/');
  } catch {
    return undefined; // `%zz`, or an escape that is not UTF-8
  }
  return keyProblem(key, project) ? undefined : { project, key };
}

// The SDK's own table of content types by extension, so that the emulator and @aerostack/storage
// infer the same type for a key (a relative import: it is not part of the package's public API).
export { contentTypeFor } from '../../../../aerostack/storage/src/content-type';
