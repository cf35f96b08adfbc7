import { path, type APIPromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { kindRequest } from './generation';
import type { Kind } from './manifests';
import { fail, need } from './validate';

export interface RemoveParams {
  kind: Kind;
  /** The resource name (every kind but User and Chat / Prompt). */
  name?: string | undefined;
  /** User: the username. */
  username?: string | undefined;
  /** Chat / Prompt: the chat's 64-hex session key. */
  sessionKey?: string | undefined;
}

/** Deletes a resource (the class calls it `delete`). A name that does not exist is a `NotFoundError`. Never retried. */
export function remove(client: SmarterClient, params: RemoveParams = {} as RemoveParams, options?: RequestOptions): APIPromise<void> {
  const { kind, name, username, sessionKey } = params;
  return kindRequest<undefined>(client, kind, (k) => ({ method: 'POST', path: path`cli/delete/${k}/`, query: { name, username, session_key: sessionKey } }), options, () => {
    need(kind, 'kind');
    if (!name && !username && !sessionKey) fail('name (username for a User, sessionKey for a Chat / Prompt) is required');
    if (sessionKey !== undefined && !/^[\da-f]{64}$/i.test(sessionKey)) fail('sessionKey: 64 hexadecimal characters');
  });
}
