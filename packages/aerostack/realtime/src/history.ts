import { request, type APIPromise, type Client, type RequestOptions } from '@aerostack/core';

export interface HistoryParams {
  /** The room (topic), normalised like a subscription's: `chat/room1`. */
  room: string;
  /** Messages per page, newest first: 1 to 100 (default 50). */
  limit?: number | undefined;
  /** Only messages created before this time (ms since the epoch, exclusive): the `created_at` of the oldest one of the previous page. */
  before?: number | undefined;
}

/** An event published with `persist: true`. */
export interface HistoryMessage<T = unknown> {
  id: string;
  room_id: string;
  user_id: string | null;
  event: string;
  data: T;
  /** ms since the epoch, strictly increasing within a room. */
  created_at: number;
}

export interface HistoryResult<T = unknown> {
  /** Newest first. */
  messages: HistoryMessage<T>[];
}

/**
 * A page of a room's persisted events, newest first: `GET <host>/api/v1/public/realtime/history`.
 * The next (older) page: `before` = the last message's `created_at`.
 */
export function history<T = unknown>(client: Client, params: HistoryParams, options?: RequestOptions): APIPromise<HistoryResult<T>> {
  const { room, limit, before } = params;
  return request<HistoryResult<T>>(
    client,
    { method: 'GET', path: client.baseURL.replace(/(\/v1)?\/*$/, '') + '/api/v1/public/realtime/history', query: { room, limit, before } },
    options,
  );
}
