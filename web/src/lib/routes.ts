// Route patterns for the client router: pure matching, so it is tested without a browser.

/** The params of `pathname` under `pattern` ("/article/:id"), decoded; null when it does not match. */
export function matchRoute(pattern: string, pathname: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    const h = have[i]!;
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(h);
      } catch {
        // A malformed escape («%E0%A4%A») is no id: the route does not match and the page is "not found".
        return null;
      }
    } else if (w !== h) {
      return null;
    }
  }
  return params;
}

/** Client paths of the UI pages; ids are URL-encoded (entity ids hold «:» and Arabic letters). */
export const paths = {
  home: () => '/',
  article: (id: string) => `/article/${encodeURIComponent(id)}`,
  entity: (id: string) => `/entity/${encodeURIComponent(id)}`,
  story: (id: string) => `/story/${encodeURIComponent(id)}`,
  stories: () => '/stories',
  search: (query = '') => (query ? `/search?${query}` : '/search'),
  map: (query = '') => (query ? `/map?${query}` : '/map'),
  timeline: (query = '') => (query ? `/timeline?${query}` : '/timeline'),
} as const;
