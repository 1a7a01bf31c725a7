// Search and articles: full-text search with facets and snippets, article lists by filter, one article with its analysis.
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { defineRoute } from '../route.js';
import { ARTICLE_ID, Bool, FILTER_PARAMS, PAGE_PARAMS, filtersOf } from '../params.js';
import { ArticleResponse, SearchHit, SearchResponse, listOf } from '../schemas.js';

const SearchQuery = z.object({
  ...FILTER_PARAMS,
  ...PAGE_PARAMS,
  facets: Bool('Compute facets over all matches (default true).'),
  snippets: Bool('Build highlighted snippets (default true).'),
});
const ListQuery = z.object({ ...FILTER_PARAMS, ...PAGE_PARAMS });
const ArticleParams = z.object({ id: z.string().regex(ARTICLE_ID, 'id must be an article id: 8–64 lowercase hex digits').describe('Article id (content hash).') });

export const articleRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/search',
    tag: 'articles',
    summary: 'Full-text search with filters, facets and highlighted snippets',
    description: 'Arabic-aware: clitic, hamza and diacritic variants match. Without q, lists by the filters, newest first.',
    query: SearchQuery,
    response: SearchResponse,
    handler: ({ query, deps }) => {
      const limit = query.limit ?? 20;
      const offset = query.offset ?? 0;
      const result = deps.store.search({ query: query.q ?? '', filters: filtersOf(query), limit, offset, facets: query.facets ?? true, snippets: query.snippets ?? true });
      return { ...result, limit, offset };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/articles',
    tag: 'articles',
    summary: 'Articles matching the filters, newest first',
    query: ListQuery,
    response: listOf(SearchHit),
    handler: ({ query, deps }) => {
      const limit = query.limit ?? 20;
      const offset = query.offset ?? 0;
      const result = deps.store.search({ query: query.q ?? '', filters: filtersOf(query), limit, offset, facets: false, snippets: false, order: 'newest' });
      return { total: result.total, items: result.hits, limit, offset };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/articles/:id',
    tag: 'articles',
    summary: 'One article: its full analysis (text included), story, earlier version and folded duplicates',
    params: ArticleParams,
    response: ArticleResponse,
    handler: ({ params, deps }) => {
      const detail = deps.store.article(params.id);
      if (!detail) throw new ApiError('E_NOT_FOUND', `No article with id ${params.id}`);
      return detail;
    },
  }),
];
