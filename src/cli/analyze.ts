// `marsad analyze`: read inputs, analyse each article, print JSON / JSONL / a readable summary.
import { parseArgs } from 'node:util';
import { MarsadError } from '../model/errors.js';
import type { Analysis } from '../model/analysis.js';
import { createAnalyzer } from '../engine/analyzer.js';
import { parseInputFormat, readInputs, type ReadResult } from '../ingest/index.js';
import { defaultResourcesDir, loadAnalyzerResources } from '../engine/resources.js';
import { formatPretty } from './pretty.js';
import type { Io } from './main.js';

const FORMATS = ['json', 'jsonl', 'pretty'] as const;
type OutputFormat = (typeof FORMATS)[number];

export async function runAnalyze(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      'input-format': { type: 'string' },
      'no-ner': { type: 'boolean', default: false },
      timings: { type: 'boolean', default: false },
      resources: { type: 'string' },
      kb: { type: 'string', multiple: true },
    },
  });
  const format = values.format as OutputFormat | undefined;
  if (format !== undefined && !FORMATS.includes(format)) {
    throw new MarsadError('E_USAGE', `--format must be one of ${FORMATS.join(', ')}, not "${format}"`);
  }
  const inputFormat = parseInputFormat(values['input-format']);
  let paths = positionals;
  if (paths.length === 0) {
    if (io.stdin.isTTY) throw new MarsadError('E_USAGE', 'no input: give one or more paths, or - to read stdin');
    paths = ['-'];
  }

  const resources = await loadAnalyzerResources(values.resources ?? defaultResourcesDir(), { ner: !values['no-ner'], kbFiles: values.kb ?? [] });
  const analyzer = createAnalyzer(resources, { timings: values.timings });
  const out = createWriter(io, format);
  let failed = 0;
  for await (const result of readInputs(paths, { stdin: io.stdin, ...(inputFormat ? { format: inputFormat } : {}) })) {
    if (!result.ok) {
      failed++;
      io.stderr.write(`marsad: ${result.source}: ${result.error.message} [${result.error.code}]\n`);
      out.error(result);
      continue;
    }
    const { analysis, errors } = analyzer.analyze(result.article);
    for (const e of errors) io.stderr.write(`marsad: ${result.source}: stage ${e.stage}: ${e.message} [${e.code}]\n`);
    await out.analysis(analysis, result.source);
  }
  await out.end();
  return failed > 0 ? 1 : 0;
}

/**
 * Chooses the output shape: with no --format, one article prints as indented JSON and several (or any
 * JSONL input) as JSONL. The first result is held back until we know which case we are in.
 */
function createWriter(io: Io, format: OutputFormat | undefined) {
  let held: { analysis: Analysis } | null = null;
  let mode: OutputFormat | undefined = format;
  let count = 0;
  const write = (s: string) =>
    new Promise<void>((resolve) => {
      if (!io.stdout.write(s)) io.stdout.once('drain', () => resolve());
      else resolve();
    });
  const emit = async (analysis: Analysis) => {
    count++;
    if (mode === 'pretty') await write((count > 1 ? '\n' : '') + formatPretty(analysis));
    else if (mode === 'json') await write(JSON.stringify(analysis, null, 2) + '\n');
    else await write(JSON.stringify(analysis) + '\n');
  };
  return {
    async analysis(analysis: Analysis, source: string) {
      if (mode === undefined) {
        if (source.includes('#')) mode = 'jsonl'; // a record of a JSONL file or an item of a feed
        else if (held === null) {
          held = { analysis };
          return;
        } else {
          mode = 'jsonl';
          const first = held;
          held = null;
          await emit(first.analysis);
        }
      }
      await emit(analysis);
    },
    /** In JSONL, a failed record still gets its line, so output lines match input records. */
    error(result: Extract<ReadResult, { ok: false }>) {
      if (mode === 'jsonl' || (mode === undefined && result.source.includes('#'))) {
        mode = 'jsonl';
        io.stdout.write(
          JSON.stringify({ schema: 'marsad.error/1', source: result.source, error: { code: result.error.code, message: result.error.message } }) + '\n',
        );
      }
    },
    async end() {
      if (held !== null) {
        mode = 'json';
        await emit(held.analysis);
      }
    },
  };
}
