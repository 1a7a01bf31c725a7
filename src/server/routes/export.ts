// GET /api/export: the stored analyses matching the filters as a streamed download (JSONL, PLOVER, CSV tables, ACLED-style CSV).
import { Readable } from 'node:stream';
import { z } from 'zod';
import { CSV_TABLES, EXPORT_FORMATS, exportFormat, UTF8_BOM } from '../../export/index.js';
import { ApiError } from '../errors.js';
import { defineRoute } from '../route.js';
import { Bool, FILTER_PARAMS, filtersOf } from '../params.js';

const ExportQuery = z.object({
  format: z.enum(EXPORT_FORMATS).optional().describe('jsonl (Analysis per line, default), plover (PLOVER event records), csv (a table), acled (ACLED-style CSV).'),
  table: z.enum(CSV_TABLES).optional().describe('The CSV table (format=csv only; default events).'),
  bom: Bool('Start CSV with a UTF-8 byte order mark, for Excel (default false).'),
  ...FILTER_PARAMS,
});

export const exportRoutes = [
  defineRoute({
    method: 'GET',
    url: '/api/export',
    tag: 'export',
    summary: 'Download the analyses matching the filters (streamed)',
    description: 'Folded duplicates are included unless duplicates=false (each row names what it duplicates).',
    query: ExportQuery,
    response: null,
    produces: ['application/x-ndjson', 'text/csv'],
    handler: ({ query, deps, reply }) => {
      const format = query.format ?? 'jsonl';
      if (query.table !== undefined && format !== 'csv') throw new ApiError('E_BAD_REQUEST', 'table goes with format=csv');
      const out = exportFormat(format, query.table ?? 'events');
      const rows = deps.store.analyses({ ...(query.q ? { query: query.q } : {}), filters: filtersOf(query, { duplicates: true }) })[Symbol.iterator]();
      // The first row is read before answering, so a bad query is a 400, not a download cut short.
      const first = rows.next();
      function* chunks(): Generator<string> {
        if (query.bom && out.csv) yield UTF8_BOM;
        if (out.header !== '') yield out.header;
        for (let next = first; !next.done; next = rows.next()) {
          const line = out.line(next.value.analysis, { story: next.value.story, duplicateOf: next.value.duplicateOf });
          if (line !== '') yield line;
        }
      }
      reply.header('Content-Type', out.mediaType).header('Content-Disposition', `attachment; filename="${out.fileName}"`);
      return reply.send(Readable.from(chunks(), { objectMode: false }));
    },
  }),
];
