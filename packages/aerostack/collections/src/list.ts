import { InvalidResponseError, mapResult, paginate, path, type Client, type PagePromise, type PageStyle, type RequestOptions } from '@aerostack/core';
import { send } from './send';
import { nameOf, type CollectionLike, type Fields, type Stored } from './collection';
import { checkName, fail } from './validate';

/** A value a filter can compare with: it travels as text in the query. */
export type FilterValue = string | number | boolean | null;

/** Equality filters on the item's fields whose values are scalars: `{ status: 'open', paid: true }`. */
export type Where<Item extends Fields> = string extends keyof Item
  ? Record<string, FilterValue>
  : { [K in keyof Stored<Item> as Stored<Item>[K] extends FilterValue | undefined ? K : never]?: Stored<Item>[K] };

export interface ListParams<Item extends Fields = Record<string, unknown>> {
  /** Only items whose fields equal these values (compared by the server). */
  where?: Where<Item> | undefined;
  /** Items per page: 1 to 1000, default 100. */
  limit?: number | undefined;
  /** Items to skip before the first page (default 0). */
  offset?: number | undefined;
}

/**
 * One page. The platform answers a bare array of items; the page adds where it starts and the page
 * size it asked for, which tell where the next one starts.
 */
export interface ListPage<Item> {
  items: Item[];
  offset: number;
  limit: number;
}

export const DEFAULT_LIST_LIMIT = 100;
export const MAX_LIST_LIMIT = 1000;
/** Query names the listing uses itself: no filter can take them. */
const RESERVED = ['limit', 'offset'];

const isFilterValue = (v: unknown): v is FilterValue => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** The filters as the query carries them: each value as text (`true`, `12.5`, `null`). */
function filterQuery(where: unknown): Record<string, string> {
  if (where === undefined) return {};
  if (typeof where !== 'object' || where === null || Array.isArray(where)) fail('where: an object of field → value', 'where');
  const query: Record<string, string> = {};
  for (const [field, value] of Object.entries(where as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (RESERVED.includes(field)) fail(`where.${field}: "${field}" is the listing's own query parameter and cannot be filtered on`, `where.${field}`);
    if (!isFilterValue(value)) fail(`where.${field}: a string, a finite number, a boolean or null`, `where.${field}`);
    query[field] = String(value);
  }
  return query;
}

/**
 * Lists a collection's items page by page as you iterate: `for await (const order of list(client, orders))`.
 * Pages are `limit` items from `offset` on (`GET /collections/{name}/items?<where>&limit&offset`);
 * a page shorter than `limit` is the last one.
 */
export function list<Item extends Fields = Record<string, unknown>>(
  client: Client,
  collection: CollectionLike<Item>,
  params: NoInfer<ListParams<Item>> = {},
  options?: RequestOptions,
): PagePromise<Stored<Item>, ListPage<Stored<Item>>> {
  const { where, limit = DEFAULT_LIST_LIMIT, offset = 0 } = params;
  const style: PageStyle<Stored<Item>, ListPage<Stored<Item>>> = {
    items: (page) => page.items,
    // A full page may have more after it (an exact multiple of `limit` ends on an empty page).
    next: (page) => (page.items.length >= page.limit ? String(page.offset + page.items.length) : undefined),
  };
  // Read once; a bad filter rejects the listing's first page (as the other checks do), never throws here.
  let filters: Record<string, string> = {};
  let badFilter: Error | undefined;
  try {
    filters = filterQuery(where);
  } catch (error) {
    badFilter = error as Error;
  }
  return paginate<Stored<Item>, ListPage<Stored<Item>>>(
    (cursor) => {
      const at = cursor === undefined ? offset : Number(cursor);
      const page = send<unknown>(
        client,
        {
          method: 'GET',
          path: path`/collections/${String(nameOf(collection))}/items`,
          query: { ...filters, limit: String(limit), offset: String(at) },
          check() {
            checkName(collection);
            if (badFilter) throw badFilter;
            if (!(Number.isSafeInteger(limit) && limit >= 1 && limit <= MAX_LIST_LIMIT)) fail(`limit: an integer from 1 to ${MAX_LIST_LIMIT}`, 'limit');
            if (!(Number.isSafeInteger(offset) && offset >= 0)) fail('offset: an integer, 0 or more', 'offset');
          },
        },
        options,
      );
      return mapResult(page, ({ data, response, requestId }) => {
        if (!Array.isArray(data)) throw new InvalidResponseError(`${response.status}: expected an array of items`, { status: response.status, requestId });
        return { items: data as Stored<Item>[], offset: at, limit };
      });
    },
    style,
    offset ? String(offset) : undefined,
  );
}
