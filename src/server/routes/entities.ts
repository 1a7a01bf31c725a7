// Entities: lookup by name in any spelling, most mentioned first, and one entity's page.
import { z } from 'zod';
import { EntityType } from '../../model/analysis.js';
import { ApiError } from '../errors.js';
import { defineRoute } from '../route.js';
import { ENTITY_ID, PAGE_PARAMS, Query } from '../params.js';
import { EntityItem, EntityResponse, listOf } from '../schemas.js';

const EntitiesQuery = z.object({
  q: Query.describe('A name in any spelling; without it, the most mentioned entities first.'),
  type: EntityType.optional().describe('Entity type.'),
  ...PAGE_PARAMS,
});
const EntityParams = z.object({ id: z.string().regex(ENTITY_ID, 'id must be an entity id like iso:SA or nil:12cb8ef39d32').describe('Entity id, URL-encoded.') });

export const entityRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/entities',
    tag: 'entities',
    summary: 'Entities by name (any spelling, closest first) or most mentioned',
    query: EntitiesQuery,
    response: listOf(EntityItem),
    handler: ({ query, deps }) => {
      const limit = query.limit ?? 20;
      const offset = query.offset ?? 0;
      const page = deps.store.entities({ ...(query.q ? { query: query.q } : {}), ...(query.type ? { type: query.type } : {}), limit, offset });
      return { ...page, limit, offset };
    },
  }),
  defineRoute({
    method: 'GET',
    url: '/api/entities/:id',
    tag: 'entities',
    summary: 'One entity: spellings, articles per day, co-occurring entities, its quotes, recent articles',
    params: EntityParams,
    response: EntityResponse,
    handler: ({ params, deps }) => {
      const detail = deps.store.entity(params.id);
      if (!detail) throw new ApiError('E_NOT_FOUND', `No entity with id ${params.id}`);
      return detail;
    },
  }),
];
