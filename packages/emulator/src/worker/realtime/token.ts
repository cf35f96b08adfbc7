// A user's access token on a realtime socket (at connect, or in an `auth` frame) and on the history
// route: a token of this project, of either pool (the project's end users, or the platform's).
import type { Env } from '../env';
import { checkToken } from '../users/store';

/** The user of an access token of this project, or why it is refused. */
export async function tokenUser(env: Env, token: string, project: string): Promise<{ userId: string } | { why: string }> {
  try {
    return { userId: (await checkToken(env, token, project, 'project', 'access')).sub };
  } catch (projectError) {
    try {
      return { userId: (await checkToken(env, token, project, 'platform', 'access')).sub };
    } catch {
      return { why: projectError instanceof Error ? projectError.message : 'Invalid access token' };
    }
  }
}
