import type { APIPromise, Client, RequestOptions } from '@aerostack/core';
import { searchConfigure, type SearchConfigureParams, type SearchConfigureResult } from './configure';
import { searchCount, type SearchCountParams, type SearchCountResult } from './count';
import { searchDelete, type SearchDeleteParams, type SearchDeleteResult } from './delete';
import { searchDeleteByType, type SearchDeleteByTypeParams, type SearchDeleteByTypeResult } from './delete-by-type';
import { searchGet, type SearchGetParams, type SearchGetResult } from './get';
import { searchIngest, type SearchIngestParams, type SearchIngestResult } from './ingest';
import { searchListTypes, type SearchListTypesResult } from './list-types';
import { searchQuery, type SearchQueryParams, type SearchQueryResult } from './query';
import { searchUpdate, type SearchUpdateParams, type SearchUpdateResult } from './update';

/** Managed vector search, every operation as a method: `new Search(client).query({ text })`. */
export class Search {
  constructor(readonly client: Client) {}

  ingest(params: SearchIngestParams, options?: RequestOptions): APIPromise<SearchIngestResult> {
    return searchIngest(this.client, params, options);
  }

  query(params: SearchQueryParams, options?: RequestOptions): APIPromise<SearchQueryResult> {
    return searchQuery(this.client, params, options);
  }

  update(params: SearchUpdateParams, options?: RequestOptions): APIPromise<SearchUpdateResult> {
    return searchUpdate(this.client, params, options);
  }

  get(params: SearchGetParams, options?: RequestOptions): APIPromise<SearchGetResult> {
    return searchGet(this.client, params, options);
  }

  count(params?: SearchCountParams, options?: RequestOptions): APIPromise<SearchCountResult> {
    return searchCount(this.client, params, options);
  }

  delete(params: SearchDeleteParams, options?: RequestOptions): APIPromise<SearchDeleteResult> {
    return searchDelete(this.client, params, options);
  }

  deleteByType(params: SearchDeleteByTypeParams, options?: RequestOptions): APIPromise<SearchDeleteByTypeResult> {
    return searchDeleteByType(this.client, params, options);
  }

  listTypes(options?: RequestOptions): APIPromise<SearchListTypesResult> {
    return searchListTypes(this.client, options);
  }

  configure(params: SearchConfigureParams, options?: RequestOptions): APIPromise<SearchConfigureResult> {
    return searchConfigure(this.client, params, options);
  }
}
