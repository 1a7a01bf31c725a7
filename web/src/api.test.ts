import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, fetchJson, prefetchJson } from './api.js';

describe('api paths', () => {
  it('puts the table only on CSV exports, with the filters first', () => {
    expect(api.export('csv', { story: 'story:1' })).toBe('/api/export?story=story%3A1&format=csv&table=events');
    expect(api.export('acled', { type: ['PROTEST', 'ASSAULT'] })).toBe('/api/export?type=PROTEST&type=ASSAULT&format=acled');
    expect(api.export('jsonl', {})).toBe('/api/export?format=jsonl');
  });

  it('encodes ids in paths (entity ids hold «:» and Arabic letters)', () => {
    expect(api.entity('nil:خالد')).toBe(`/api/entities/nil%3A${encodeURIComponent('خالد')}`);
    expect(api.search({ q: 'تونس' }, { limit: 20, offset: 40 })).toBe(`/api/search?q=${encodeURIComponent('تونس')}&limit=20&offset=40&facets=true&snippets=true`);
  });
});

describe('fetchJson', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const respond = (status: number, body: string) => vi.stubGlobal('fetch', vi.fn(async () => new Response(body, { status, headers: { 'content-type': 'application/json' } })));

  it('returns the parsed body of a 200', async () => {
    respond(200, '{"ok":true}');
    await expect(fetchJson('/api/health')).resolves.toEqual({ ok: true });
  });

  it('throws the server error code and message of a 4xx', async () => {
    respond(400, '{"error":{"code":"E_BAD_REQUEST","message":"from must be YYYY-MM-DD"}}');
    const error = await fetchJson('/api/timeline?from=x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'E_BAD_REQUEST', status: 400, message: 'from must be YYYY-MM-DD' });
  });

  it('names the status when an error body is not the API shape', async () => {
    respond(502, '<html>bad gateway</html>');
    await expect(fetchJson('/api/health')).rejects.toMatchObject({ code: 'E_HTTP', status: 502 });
  });

  it('reports a server that does not answer as E_NETWORK', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(fetchJson('/api/health')).rejects.toMatchObject({ code: 'E_NETWORK', status: 0 });
  });
});

describe('prefetchJson', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** A fetch stub that answers each call with its own number. */
  const counting = () => {
    let calls = 0;
    const fetch = vi.fn(async () => new Response(JSON.stringify({ call: ++calls }), { status: 200 }));
    vi.stubGlobal('fetch', fetch);
    return fetch;
  };

  it('answers the next fetchJson of the same path from the request already made, once', async () => {
    const fetch = counting();
    prefetchJson('/api/timeline?window=auto');
    expect(fetch).toHaveBeenCalledTimes(1);
    await expect(fetchJson('/api/timeline?window=auto')).resolves.toEqual({ call: 1 });
    expect(fetch).toHaveBeenCalledTimes(1);
    await expect(fetchJson('/api/timeline?window=auto')).resolves.toEqual({ call: 2 });
    await expect(fetchJson('/api/health')).resolves.toEqual({ call: 3 });
  });

  it('hands a failure to the page that takes it, and asks again when the answer is too old', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"error":{"code":"E_INTERNAL","message":"boom"}}', { status: 500 })));
    prefetchJson('/api/events/geojson?window=auto');
    await expect(fetchJson('/api/events/geojson?window=auto')).rejects.toMatchObject({ code: 'E_INTERNAL', status: 500 });
    vi.useFakeTimers({ toFake: ['performance'] });
    const fetch = counting();
    prefetchJson('/api/events/geojson');
    vi.advanceTimersByTime(10_001);
    await expect(fetchJson('/api/events/geojson')).resolves.toEqual({ call: 2 });
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});
