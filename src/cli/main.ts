// The `marsad` command line: parses arguments, calls the library, formats. Diagnostics go to stderr,
// data to stdout; exit 0 when everything succeeded, 1 when some input failed, 2 on a usage error.
import { parseArgs } from 'node:util';
import { MarsadError, isMarsadError } from '../model/errors.js';
import { analysisJsonSchema } from '../model/analysis.js';
import { runAnalyze } from './analyze.js';
import { runIngest } from './ingest.js';
import { runSearch } from './search.js';
import { runExport } from './export.js';
import { runDemo, runServe } from './serve.js';

export interface Io {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Stops a long-running command (serve, demo) as SIGINT does; for tests and embedding. */
  signal?: AbortSignal;
}

const USAGE = `marsad — an Arabic news event observatory

Usage:
  marsad analyze PATH... [--format json|jsonl|pretty] [--no-ner] [--timings]
                 [--input-format text|html|feed|jsonl] [--resources DIR] [--kb FILE]...
      Analyse articles (files, directories, or - for stdin) and print one Analysis per article:
      JSON for one article, JSONL for several or for JSONL input. --kb adds your own
      knowledge-base entities (TSV or JSON; see resources/kb/README.md).
  marsad ingest PATH... [--db FILE] [--workers N] [--input-format …] [--no-ner] [--kb FILE]... [-q]
                [--retry-failed]
      Analyse and store articles in a SQLite database (default marsad.sqlite): idempotent and
      resumable; near-duplicates folded; each article joins a story or starts one. A record that
      failed is recorded and skipped on later runs; --retry-failed tries those records again.
  marsad search QUERY [--db FILE] [--outlet O] [--entity E] [--type T] [--place P] [--from D] [--to D]
                [--story S] [--limit N] [--offset N] [--format json|pretty] [--no-facets] [--duplicates]
      Arabic full-text search: clitic, hamza and diacritic variants match; "phrases", OR, -exclusion.
  marsad export [--db FILE] --format jsonl|plover|csv|acled [--table events|entities|quotes]
                [--query Q] [search filters] [--bom] [--no-duplicates]
      Export analyses (JSONL with story and duplicateOf), PLOVER records, CSV tables, ACLED-style CSV.
  marsad serve [--db FILE] [--port N] [--host H] [--token T] [--log]
      Serve the HTTP API (/api/…, OpenAPI at /api/openapi.json) and the web UI on http://127.0.0.1:8080/.
      Read-only unless a token is given (--token or env MARSAD_TOKEN): then POST /api/articles stores
      articles sent with "Authorization: Bearer <token>". --host 0.0.0.0 opens it to the network.
  marsad demo [--db FILE] [--port N] [--input FILE] [--no-serve]
      Analyse the bundled sample corpus (fixtures/demo) into .marsad/demo.sqlite (reused when up to
      date), then serve it as marsad serve does. npm start runs this.
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
      case 'serve':
        return await runServe(rest, io);
      case 'demo':
        return await runDemo(rest, io);
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
