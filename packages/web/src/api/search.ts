// The global search (GET /api/v1/search): records of every object the user may read whose
// name or another searchable field contains the text, grouped by object.
import type { paths } from '@rapport/client';
import { request } from './http';

export type SearchResults = paths['/api/v1/search']['get']['responses'][200]['content']['application/json'];
export type SearchGroup = SearchResults['data'][number];
export type SearchHit = SearchGroup['records'][number];

/** Records per object the palette shows. */
export const SEARCH_LIMIT = 5;

export const searchRecords = (text: string, signal?: AbortSignal) =>
  request<SearchResults>('/search', { query: { q: text, limit: SEARCH_LIMIT }, signal }).then((body) => body.data);
