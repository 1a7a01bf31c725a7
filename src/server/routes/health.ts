// GET /api/health: liveness, version, whether writes are possible, and the corpus counts.
import { defineRoute } from '../route.js';
import { HealthResponse } from '../schemas.js';

export const healthRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/health',
    tag: 'meta',
    summary: 'Server status and corpus counts',
    response: HealthResponse,
    handler: ({ deps }) => ({ ok: true as const, version: deps.version, readOnly: deps.token === null, stats: deps.store.stats() }),
  }),
];
