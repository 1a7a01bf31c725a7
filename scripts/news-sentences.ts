// Sentences of the shared news corpus as the NER sees them (folded words, punctuation split off), for the
// scripts that derive word statistics from it (build-word-clusters.ts, build-word-stats.ts).
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { foldForm } from '../src/engine/stages/ner/features.js';

export const NEWS_FILES = ['news/saudinewsnet-2015-08.jsonl', 'news/ant-multisource-2018-03-04.jsonl'];
/** Words as the NER sees them: runs of Arabic letters, Latin letters or digits (punctuation split off). */
const WORD = /[\u064B-\u065F\u0670\u0621-\u064A\u0660-\u0669\u0671-\u06D3\u0640]+|[A-Za-z]+|[0-9]+/g;

export async function readSentences(dataDir: string, onTokens: (tokens: string[]) => void): Promise<void> {
  for (const file of NEWS_FILES) {
    const lines = createInterface({ input: createReadStream(join(dataDir, file), 'utf8'), crlfDelay: Infinity });
    for await (const line of lines) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as { title?: string; text?: string };
      for (const part of [record.title ?? '', ...(record.text ?? '').split(/\n+/)]) {
        const tokens = part.match(WORD);
        if (tokens !== null) onTokens(tokens.map(foldForm));
      }
    }
  }
}

