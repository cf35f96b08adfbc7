import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { checkKey } from './keys';
import type { Body, Result } from './spec';

export type MoveParams = Body<'storageMove'>;
/** `{ success, url }`: `url` is the file's new CDN URL. */
export type MoveResult = Result<'storageMove'>;

/** Moves a file to another key. The server copies, then deletes: not atomic. */
export function move(client: Client, params: MoveParams, options?: RequestOptions): APIPromise<MoveResult> {
  return client.post<MoveResult>(
    '/storage/move',
    { ...params, sourceKey: checkKey(params.sourceKey, 'sourceKey'), destKey: checkKey(params.destKey, 'destKey') },
    options,
  );
}
