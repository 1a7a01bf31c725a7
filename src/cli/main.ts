// The `marsad` command line: parses arguments, calls the library, formats. Diagnostics go to stderr,
// data to stdout; exit 0 when everything succeeded, 1 when some input failed, 2 on a usage error.
import { parseArgs } from 'node:util';
import { MarsadError, isMarsadError } from '../model/errors.js';
import { analysisJsonSchema } from '../model/analysis.js';
import { runAnalyze } from './analyze.js';
import { runIngest } from './ingest.js';
import { runSearch } from './search.js';
import { runExport } from './export.js';

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

const USAGE = `marsad — an Arabic news event observatory

Usage:
  marsad analyze PATH... [--format json|jsonl|pretty] [--no-ner] [--timings]
                 [--input-format text|html|feed|jsonl] [--resources DIR] [--kb FILE]...
      Analyse articles (files, directories, or - for stdin) and print one Analysis per article:
      JSON for one article, JSONL for several or for JSONL input. --kb adds your own
      knowledge-base entities (TSV or JSON; see resources/kb/README.md).
  marsad ingest PATH... [--db FILE] [--workers N] [--input-format …] [--no-ner] [--kb FILE]... [-q]
      Analyse and store articles in a SQLite database (default marsad.sqlite): idempotent and
      resumable; near-duplicates folded; each article joins a story or starts one.
  marsad search QUERY [--db FILE] [--outlet O] [--entity E] [--type T] [--place P] [--from D] [--to D]
                [--story S] [--limit N] [--offset N] [--format json|pretty] [--no-facets] [--duplicates]
      Arabic full-text search: clitic, hamza and diacritic variants match; "phrases", OR, -exclusion.
  marsad export [--db FILE] --format jsonl|plover|csv|acled [--table events|entities|quotes]
                [--query Q] [search filters] [--bom] [--no-duplicates]
      Export analyses (JSONL with story and duplicateOf), PLOVER records, CSV tables, ACLED-style CSV.
  marsad schema    Print the JSON Schema of the Analysis output.
  marsad help      Show this help.
  marsad version   Print the version.
`;

export async function main(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'analyze':
        return await runAnalyze(rest, io);
      case 'ingest':
        return await runIngest(rest, io);
      case 'search':
        return await runSearch(rest, io);
      case 'export':
        return await runExport(rest, io);
      case 'schema':
        parseArgs({ args: rest, options: {}, allowPositionals: false, strict: true });
        io.stdout.write(JSON.stringify(analysisJsonSchema(), null, 2) + '\n');
        return 0;
      case 'version':
      case '--version':
        io.stdout.write(`${await version()}\n`);
        return 0;
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.stdout.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new MarsadError('E_USAGE', `unknown command "${command}"; try "marsad help"`);
    }
  } catch (error) {
    io.stderr.write(`marsad: ${formatError(error)}\n`);
    return isMarsadError(error) && error.code !== 'E_USAGE' ? 1 : 2;
  }
}

/** One line for a user: the message and its code; a stack trace only for a bug (not a MarsadError). */
export function formatError(error: unknown): string {
  if (isMarsadError(error)) return `${error.source ? `${error.source}: ` : ''}${error.message} [${error.code}]`;
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    return `${error.message}; try "marsad help" [E_USAGE]`;
  }
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

async function version(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
