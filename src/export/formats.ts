// The export formats by name, shared by `marsad export` and GET /api/export: how each starts and what each analysis adds.
import type { Analysis } from '../model/analysis.js';
import { acledCsvHeader, acledCsvRows } from './acled.js';
import { entitiesCsvHeader, entitiesCsvRows, eventsCsvHeader, eventsCsvRows, quotesCsvHeader, quotesCsvRows, type ExportExtra } from './csv.js';
import { toAnalysisJsonl } from './jsonl.js';
import { toPloverJsonl } from './plover.js';

export const EXPORT_FORMATS = ['jsonl', 'plover', 'csv', 'acled'] as const;
export type ExportFormatName = (typeof EXPORT_FORMATS)[number];
export const CSV_TABLES = ['events', 'entities', 'quotes'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export interface ExportFormat {
  /** Written once before the rows ('' for JSONL). */
  header: string;
  /** The text one stored analysis adds (several CSV rows, one JSONL line, or '' when it has nothing to add). */
  line: (analysis: Analysis, extra: ExportExtra) => string;
  /** True for CSV, which may start with a byte order mark for spreadsheets. */
  csv: boolean;
  mediaType: string;
  /** A download name: marsad-analyses.jsonl, marsad-events.csv, … */
  fileName: string;
}

const NDJSON = 'application/x-ndjson; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';

/** The format by name; `table` chooses the CSV table (events by default) and is ignored by the other formats. */
export function exportFormat(format: ExportFormatName, table: CsvTable = 'events'): ExportFormat {
  switch (format) {
    case 'jsonl':
      return { header: '', line: (a, extra) => toAnalysisJsonl(a, extra) + '\n', csv: false, mediaType: NDJSON, fileName: 'marsad-analyses.jsonl' };
    case 'plover':
      return { header: '', line: (a, extra) => toPloverJsonl(a, extra), csv: false, mediaType: NDJSON, fileName: 'marsad-plover.jsonl' };
    case 'acled':
      return { header: acledCsvHeader(), line: (a, extra) => acledCsvRows(a, extra), csv: true, mediaType: CSV, fileName: 'marsad-acled.csv' };
    case 'csv':
      if (table === 'entities') return { header: entitiesCsvHeader(), line: (a, extra) => entitiesCsvRows(a, extra), csv: true, mediaType: CSV, fileName: 'marsad-entities.csv' };
      if (table === 'quotes') return { header: quotesCsvHeader(), line: (a, extra) => quotesCsvRows(a, extra), csv: true, mediaType: CSV, fileName: 'marsad-quotes.csv' };
      return { header: eventsCsvHeader(), line: (a, extra) => eventsCsvRows(a, extra), csv: true, mediaType: CSV, fileName: 'marsad-events.csv' };
  }
}
