// `marsad search`: Arabic full-text search over the store, with filters, facets and highlighted snippets.
import { parseArgs } from 'node:util';
import { MarsadError } from '../model/errors.js';
import { defaultResourcesDir } from '../engine/resources.js';
import { markHighlights, openStore, type SearchResult } from '../store/index.js';
import { DEFAULT_DB, FILTER_OPTIONS, filtersOf } from './store-args.js';
import type { Io } from './main.js';

export async function runSearch(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      limit: { type: 'string' },
      offset: { type: 'string' },
      format: { type: 'string', short: 'f' },
      'no-facets': { type: 'boolean', default: false },
      duplicates: { type: 'boolean', default: false },
      resources: { type: 'string' },
      ...FILTER_OPTIONS,
    },
  });
  const format = values.format ?? 'pretty';
  if (format !== 'json' && format !== 'pretty') throw new MarsadError('E_USAGE', `--format must be json or pretty, not "${format}"`);
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  const offset = values.offset === undefined ? 0 : Number(values.offset);
  if (!Number.isInteger(limit) || limit < 0) throw new MarsadError('E_USAGE', `--limit must be a whole number, not "${values.limit}"`);
  if (!Number.isInteger(offset) || offset < 0) throw new MarsadError('E_USAGE', `--offset must be a whole number, not "${values.offset}"`);
  const query = positionals.join(' ');
  const filters = { ...filtersOf(values), duplicates: values.duplicates };
  if (query.trim() === '' && Object.keys(filtersOf(values)).length === 0) throw new MarsadError('E_USAGE', 'no query: give words to search for, or at least one filter (--outlet, --entity, --type, --place, --from, --to)');
  const store = openStore(values.db ?? DEFAULT_DB, { resourcesDir: values.resources ?? defaultResourcesDir(), readonly: true });
  let result: SearchResult;
  try {
    result = store.search({ query, filters, limit, offset, facets: !values['no-facets'] });
  } finally {
    store.close();
  }
  io.stdout.write(format === 'json' ? JSON.stringify(result, null, 2) + '\n' : formatResult(result));
  return 0;
}

/** A readable page of results: highlights in [brackets], then the facets. */
export function formatResult(result: SearchResult): string {
  const out: string[] = [`${result.total} result${result.total === 1 ? '' : 's'}${result.query ? ` for «${result.query}»` : ''}`];
  for (const [filter, ids] of Object.entries(result.resolved)) out.push(`  ${filter} → ${ids.length > 0 ? ids.join(', ') : 'no entity of that name'}`);
  result.hits.forEach((hit, i) => {
    out.push('');
    out.push(`${i + 1}. ${hit.title ? markHighlights(hit.title, hit.titleHighlights) : '(no title)'}`);
    out.push(`   ${[hit.outlet, hit.published?.slice(0, 10), hit.id.slice(0, 12)].filter(Boolean).join(' · ')}${hit.duplicateOf ? ` · repeats ${hit.duplicateOf.slice(0, 12)}` : ''}`);
    if (hit.story) out.push(`   story: ${hit.story.title ?? hit.story.id}`);
    if (hit.snippet && hit.snippet.text) out.push(`   ${markHighlights(hit.snippet.text, hit.snippet.highlights)}`);
  });
  if (result.facets) {
    const f = result.facets;
    const show = (name: string, list: Array<{ value: string; count: number; label?: string }>) => {
      if (list.length > 0) out.push(`${name}: ${list.map((c) => `${c.label ?? c.value} (${c.count})`).join(', ')}`);
    };
    out.push('');
    show('outlets', f.outlet);
    show('entities', f.entity);
    show('event types', f.type);
    show('days', f.day);
  }
  return out.join('\n') + '\n';
}
