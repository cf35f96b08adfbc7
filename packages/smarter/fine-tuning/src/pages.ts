import { request, afterIdPages, paginate, type PagePromise, type RequestOptions, type SmarterClient } from '@smarter/core';
import { checkLimit } from './validate';

export interface PageParams {
  /** Start after this id: a saved `page.nextCursor`, to resume a listing. */
  after?: string | undefined;
  /** Objects per page, 1 to 100 (the server's default is 20). */
  limit?: number | undefined;
}

/** An OpenAI-style listing (`data`, `has_more`; the next page starts `after` the last id) of a GET route. */
export function listPages<Item extends { id: string }, Body>(
  client: SmarterClient,
  path: string,
  params: PageParams,
  options: RequestOptions | undefined,
  check?: () => void,
): PagePromise<Item, Body> {
  const { limit } = params;
  return paginate<Item, Body>(
    (after) =>
      request(
        client,
        {
          method: 'GET',
          path,
          query: { limit, after },
          check() {
            check?.();
            checkLimit(limit);
          },
        },
        // A caller's idempotency key would be sent with every page; a read needs none.
        { ...options, idempotencyKey: undefined },
      ),
    afterIdPages(),
    params.after,
  );
}
