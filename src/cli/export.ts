// `marsad export`: stream stored analyses as Analysis JSONL, PLOVER JSONL, CSV tables or ACLED-style CSV to stdout.
import { parseArgs } from 'node:util';
import { MarsadError } from '../model/errors.js';
import { defaultResourcesDir } from '../engine/resources.js';
import { openStore } from '../store/index.js';
import { CSV_TABLES, EXPORT_FORMATS, exportFormat, UTF8_BOM, type CsvTable, type ExportFormatName } from '../export/index.js';
import { DEFAULT_DB, FILTER_OPTIONS, filtersOf } from './store-args.js';
import type { Io } from './main.js';


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
  const format = (values.format ?? 'jsonl') as ExportFormatName;
  if (!EXPORT_FORMATS.includes(format)) throw new MarsadError('E_USAGE', `--format must be one of ${EXPORT_FORMATS.join(', ')}, not "${values.format}"`);
  const table = (values.table ?? 'events') as CsvTable;
  if (!CSV_TABLES.includes(table)) throw new MarsadError('E_USAGE', `--table must be one of ${CSV_TABLES.join(', ')}, not "${values.table}"`);
  if (values.table !== undefined && format !== 'csv') throw new MarsadError('E_USAGE', '--table goes with --format csv');

  const rows = exportFormat(format, table);

  const store = openStore(values.db ?? DEFAULT_DB, { resourcesDir: values.resources ?? defaultResourcesDir(), readonly: true });
  const write = (s: string) =>
    new Promise<void>((resolve) => {
      if (s === '' || io.stdout.write(s)) resolve();
      else io.stdout.once('drain', () => resolve());
    });
  try {
    if (values.bom && rows.csv) await write(UTF8_BOM);
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
