// `marsad export`: stream stored analyses as Analysis JSONL, PLOVER JSONL, CSV tables or ACLED-style CSV to stdout.
import { parseArgs } from 'node:util';
import { MarsadError } from '../model/errors.js';
import { defaultResourcesDir } from '../engine/resources.js';
import { openStore } from '../store/index.js';
import {
  acledCsvHeader,
  acledCsvRows,
  entitiesCsvHeader,
  entitiesCsvRows,
  eventsCsvHeader,
  eventsCsvRows,
  quotesCsvHeader,
  quotesCsvRows,
  toAnalysisJsonl,
  toPloverJsonl,
  UTF8_BOM,
  type ExportExtra,
} from '../export/index.js';
import type { Analysis } from '../model/analysis.js';
import { DEFAULT_DB, FILTER_OPTIONS, filtersOf } from './store-args.js';
import type { Io } from './main.js';

const FORMATS = ['jsonl', 'plover', 'csv', 'acled'] as const;
const TABLES = ['events', 'entities', 'quotes'] as const;

export async function runExport(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      db: { type: 'string' },
      format: { type: 'string', short: 'f' },
      table: { type: 'string' },
      query: { type: 'string' },
      bom: { type: 'boolean', default: false },
      'no-duplicates': { type: 'boolean', default: false },
      resources: { type: 'string' },
      ...FILTER_OPTIONS,
    },
  });
  if (positionals.length > 0) throw new MarsadError('E_USAGE', `unexpected argument "${positionals[0]}"; export takes only options (search words go in --query)`);
  const format = (values.format ?? 'jsonl') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new MarsadError('E_USAGE', `--format must be one of ${FORMATS.join(', ')}, not "${values.format}"`);
  const table = (values.table ?? 'events') as (typeof TABLES)[number];
  if (!TABLES.includes(table)) throw new MarsadError('E_USAGE', `--table must be one of ${TABLES.join(', ')}, not "${values.table}"`);
  if (values.table !== undefined && format !== 'csv') throw new MarsadError('E_USAGE', '--table goes with --format csv');

  const rows: { header: string; line: (a: Analysis, extra: ExportExtra) => string } =
    format === 'jsonl'
      ? { header: '', line: (a, extra) => toAnalysisJsonl(a, extra) + '\n' }
      : format === 'plover'
        ? { header: '', line: (a, extra) => toPloverJsonl(a, extra) }
        : format === 'acled'
          ? { header: acledCsvHeader(), line: (a, extra) => acledCsvRows(a, extra) }
          : table === 'events'
            ? { header: eventsCsvHeader(), line: (a, extra) => eventsCsvRows(a, extra) }
            : table === 'entities'
              ? { header: entitiesCsvHeader(), line: (a, extra) => entitiesCsvRows(a, extra) }
              : { header: quotesCsvHeader(), line: (a, extra) => quotesCsvRows(a, extra) };

  const store = openStore(values.db ?? DEFAULT_DB, { resourcesDir: values.resources ?? defaultResourcesDir(), readonly: true });
  const write = (s: string) =>
    new Promise<void>((resolve) => {
      if (s === '' || io.stdout.write(s)) resolve();
      else io.stdout.once('drain', () => resolve());
    });
  try {
    if (values.bom && format !== 'jsonl' && format !== 'plover') await write(UTF8_BOM);
    await write(rows.header);
    const filters = { ...filtersOf(values), duplicates: !values['no-duplicates'] };
    for (const stored of store.analyses({ ...(values.query ? { query: values.query } : {}), filters })) {
      await write(rows.line(stored.analysis, { story: stored.story, duplicateOf: stored.duplicateOf }));
    }
  } finally {
    store.close();
  }
  return 0;
}
