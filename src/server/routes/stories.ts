// Stories: clusters of articles about one happening, most recent first, and one story with its articles and timeline.
import { z } from 'zod';
import { ApiError } from '../errors.js';
import { defineRoute } from '../route.js';
import { PAGE_PARAMS, Query, STORY_ID } from '../params.js';
import { StoryItem, StoryResponse, listOf } from '../schemas.js';

const StoriesQuery = z.object({ q: Query.describe('Only stories holding an article that matches this search query.'), ...PAGE_PARAMS });
const StoryParams = z.object({ id: z.string().regex(STORY_ID, 'id must be a story id like story:5e9c9ab7b0c24414').describe('Story id, URL-encoded.') });

export const storyRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/stories',
    tag: 'stories',
    summary: 'Stories, most recent first',
    query: StoriesQuery,
    response: listOf(StoryItem),
    handler: ({ query, deps }) => {
      const limit = query.limit ?? 20;
      const offset = query.offset ?? 0;
      return { ...deps.store.stories({ ...(query.q ? { query: query.q } : {}), limit, offset }), limit, offset };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/stories/:id',
    tag: 'stories',
    summary: 'One story: outlets, entities, places, its articles oldest first, and its events per day',
    params: StoryParams,
    response: StoryResponse,
    handler: ({ params, deps }) => {
      const detail = deps.store.storyDetail(params.id);
      if (!detail) throw new ApiError('E_NOT_FOUND', `No story with id ${params.id}`);
      return detail;
    },
  }),
];
