// The server layer's public entry: buildServer and the route definitions behind the OpenAPI document.
export { buildServer, registeredRoutes, defaultWebRoot, API_ROUTES, DEFAULT_BODY_LIMIT, SECURITY_HEADERS, type ServerOptions } from './app.js';
export { buildOpenApi, openApiPath } from './openapi.js';
export { ApiError, API_ERRORS, toErrorResponse, type ApiErrorCode, type ErrorBody } from './errors.js';
export type { RouteDef } from './route.js';
