import type { APIPromise } from './api-promise';
import { InvalidRequestError } from './errors';

/** How one API lays out its pages: where the items are, and the cursor of the next page. */
export interface PageStyle<Item, Body> {
  items(body: Body): Item[];
  /** The cursor to fetch the next page with; undefined on the last page. */
  next(body: Body, items: Item[]): string | undefined;
}

type Fields = Record<string, unknown>;

function cursorStyle<Item>(itemsKey: string, more: (body: Fields) => boolean): PageStyle<Item, Fields> {
  return {
    items: (body) => (body[itemsKey] as Item[] | undefined) ?? [],
    // A non-empty cursor, on a page that says more follow.
    next: (body) => (more(body) && typeof body.cursor === 'string' && body.cursor) || undefined,
  };
}

/** `{ <items>: [...], cursor, list_complete: false }` (Aerostack cache and queue). */
export const listCompletePages = <Item>(itemsKey: string): PageStyle<Item, unknown> =>
  cursorStyle(itemsKey, (b) => b.list_complete === false);

/** `{ <items>: [...], cursor, truncated: true }` (Aerostack storage). */
export const truncatedPages = <Item>(itemsKey: string): PageStyle<Item, unknown> =>
  cursorStyle(itemsKey, (b) => b.truncated === true);

/** OpenAI style: `{ data: [...], has_more }`, the next page starts `after` the last item's id. */
export const afterIdPages = <Item extends { id: string }>(): PageStyle<Item, unknown> => ({
  items: (body) => ((body as Fields).data as Item[] | undefined) ?? [],
  next: (body, items) => ((body as Fields).has_more === true ? items[items.length - 1]?.id : undefined),
});

/** Fetches the page at a cursor (undefined: the first). */
export type FetchPage<Body> = (cursor: string | undefined) => APIPromise<Body>;

async function loadPage<Item, Body>(fetchPage: FetchPage<Body>, style: PageStyle<Item, Body>, cursor: string | undefined): Promise<Page<Item, Body>> {
  const { data, response } = await fetchPage(cursor).withResponse();
  return new Page(data, response, cursor, fetchPage, style);
}

async function* pagesFrom<Item, Body>(first: Page<Item, Body>): AsyncGenerator<Page<Item, Body>, void, undefined> {
  for (let page: Page<Item, Body> | undefined = first; page; page = page.hasNextPage() ? await page.getNextPage() : undefined) {
    yield page;
  }
}

/** One page of a listing. Keep `nextCursor` to resume the listing later. */
export interface Page<Item, Body = unknown> extends AsyncIterable<Item> {
  readonly body: Body;
  readonly response: Response;
  readonly items: Item[];
  /** The cursor this page was fetched with. */
  readonly cursor: string | undefined;
  /** The cursor of the next page; undefined on the last page. */
  readonly nextCursor: string | undefined;
  hasNextPage(): boolean;
  nextPageInfo(): { cursor: string } | null;
  getNextPage(): Promise<Page<Item, Body>>;
  /** Items of this page and of every page after it. */
  [Symbol.asyncIterator](): AsyncIterator<Item>;
}

export interface PageConstructor {
  new <Item, Body = unknown>(body: Body, response: Response, cursor: string | undefined, fetchPage: FetchPage<Body>, style: PageStyle<Item, Body>): Page<Item, Body>;
}

// An interface and a constant rather than a class, as `APIPromise` (see api-promise.ts): the
// declared type has no private member, so pages from any copy of the core are the same type.
export const Page: PageConstructor = class<Item, Body = unknown> implements Page<Item, Body> {
  // `declare`d and assigned at once in the constructor: the build emits no field definitions.
  declare readonly body: Body;
  declare readonly response: Response;
  declare readonly items: Item[];
  declare readonly cursor: string | undefined;
  declare readonly nextCursor: string | undefined;
  /** Loads the page at a cursor, as this one was. */
  readonly #load: (cursor: string) => Promise<Page<Item, Body>>;

  constructor(body: Body, response: Response, cursor: string | undefined, fetchPage: FetchPage<Body>, style: PageStyle<Item, Body>) {
    const items = style.items(body);
    Object.assign(this, { body, response, items, cursor, nextCursor: style.next(body, items) });
    this.#load = (next) => loadPage(fetchPage, style, next);
  }

  hasNextPage(): boolean {
    return this.nextCursor !== undefined;
  }

  nextPageInfo(): { cursor: string } | null {
    return this.hasNextPage() ? { cursor: this.nextCursor as string } : null;
  }

  async getNextPage(): Promise<Page<Item, Body>> {
    if (!this.hasNextPage()) throw new InvalidRequestError('No next page: check hasNextPage() first');
    return this.#load(this.nextCursor as string);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    for await (const page of pagesFrom(this)) yield* page.items;
  }
};

/**
 * A listing. `await` it for the first page; `for await` over it for every item of every page;
 * `byPage()` for the pages; `toArray({ limit })` to collect. Nothing is fetched until asked.
 */
export interface PagePromise<Item, Body = unknown> extends PromiseLike<Page<Item, Body>>, AsyncIterable<Item> {
  then<A = Page<Item, Body>, B = never>(
    onfulfilled?: ((page: Page<Item, Body>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B>;
  byPage(): AsyncGenerator<Page<Item, Body>, void, undefined>;
  [Symbol.asyncIterator](): AsyncIterator<Item>;
  /** Collects at most `limit` items, fetching no more pages than needed. */
  toArray(options: { limit: number }): Promise<Item[]>;
}

export interface PagePromiseConstructor {
  new <Item, Body = unknown>(fetchPage: FetchPage<Body>, style: PageStyle<Item, Body>, startCursor?: string): PagePromise<Item, Body>;
}

export const PagePromise: PagePromiseConstructor = class<Item, Body = unknown> implements PagePromise<Item, Body> {
  readonly #first: () => Promise<Page<Item, Body>>;

  constructor(fetchPage: FetchPage<Body>, style: PageStyle<Item, Body>, startCursor?: string) {
    this.#first = () => loadPage(fetchPage, style, startCursor);
  }

  then<A = Page<Item, Body>, B = never>(
    onfulfilled?: ((page: Page<Item, Body>) => A | PromiseLike<A>) | null,
    onrejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): Promise<A | B> {
    return this.#first().then(onfulfilled, onrejected);
  }

  async *byPage(): AsyncGenerator<Page<Item, Body>, void, undefined> {
    yield* pagesFrom(await this);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Item> {
    yield* await this;
  }

  async toArray({ limit }: { limit: number }): Promise<Item[]> {
    if (!(limit >= 0)) throw new InvalidRequestError('toArray needs { limit }');
    const out: Item[] = [];
    if (limit) for await (const item of this) if (out.push(item) >= limit) break;
    return out;
  }
};

/** Builds a listing from a page fetcher: `paginate((cursor) => client.post(path, { ...params, cursor }), listCompletePages('keys'))`. */
export function paginate<Item, Body = unknown>(
  fetchPage: FetchPage<Body>,
  style: PageStyle<Item, Body>,
  startCursor?: string,
): PagePromise<Item, Body> {
  return new PagePromise(fetchPage, style, startCursor);
}
