import { request } from '@aerostack/core';
import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkKey, trimKey } from './keys';
import type { Body, Result } from './spec';

export type MoveParams = Body<'storageMove'>;
/** `{ success, url }`: `url` is the file's new CDN URL. */
export type MoveResult = Result<'storageMove'>;

/** Moves a file to another key. The server copies, then deletes: not atomic. */
export function move(client: Client, params: MoveParams = {} as MoveParams, options?: RequestOptions): APIPromise<MoveResult> {
  const { sourceKey, destKey } = params;
  return request<MoveResult>(
    client,
    {
      method: 'POST',
      path: '/storage/move',
      body: { ...params, sourceKey: trimKey(sourceKey), destKey: trimKey(destKey) },
      check: () => {
        checkKey(sourceKey, 'sourceKey');
        checkKey(destKey, 'destKey');
      },
    },
    options,
  );
}
