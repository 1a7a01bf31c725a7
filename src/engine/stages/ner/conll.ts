// CoNLL-style "token TAG" reading and exact-span (conlleval) scoring of BIO sequences.

export interface TaggedSentence {
  readonly tokens: string[];
  readonly tags: string[];
}

/**
 * Parses "token<space or tab>TAG" lines with a blank line between sentences. A BOM, U+200E/U+200F marks
 * and carriage returns are dropped; lines without a tag are skipped.
 */
export function parseConll(text: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let tokens: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (tokens.length > 0) out.push({ tokens, tags });
    tokens = [];
    tags = [];
  };
  for (const raw of text.replace(/^\uFEFF/, '').split('\n')) {
    const line = raw.replace(/[\r\u200E\u200F]/g, '').trim();
    if (line === '') {
      flush();
      continue;
    }
    const cut = Math.max(line.lastIndexOf(' '), line.lastIndexOf('\t'));
    if (cut <= 0) continue;
    const token = line.slice(0, cut).trim();
    const tag = line.slice(cut + 1).trim();
    if (token === '') continue;
    tokens.push(token);
    tags.push(tag);
  }
  flush();
  return out;
}

export interface Chunk {
  readonly start: number;
  /** End-exclusive token index. */
  readonly end: number;
  readonly type: string;
}

/** conlleval chunking: an I-X after O or after another type starts a new chunk. */
export function chunksOf(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let start = -1;
  let type = '';
  for (let i = 0; i <= tags.length; i++) {
    const tag = i < tags.length ? tags[i]! : 'O';
    const prefix = tag === 'O' ? 'O' : tag.slice(0, 1);
    const t = tag === 'O' ? '' : tag.slice(2);
    const continues = prefix === 'I' && start >= 0 && t === type;
    if (start >= 0 && !continues) {
      chunks.push({ start, end: i, type });
      start = -1;
    }
    if (prefix !== 'O' && !continues) {
      start = i;
      type = t;
    }
  }
  return chunks;
}

export interface ClassScore {
  precision: number;
  recall: number;
  f1: number;
  gold: number;
  predicted: number;
  correct: number;
}

export interface SpanScores {
  overall: ClassScore;
  byType: Record<string, ClassScore>;
  tokenAccuracy: number;
}

function score(correct: number, predicted: number, gold: number): ClassScore {
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, gold, predicted, correct };
}

/** Exact-span precision/recall/F1, per type and overall, as conlleval computes them. */
export function scoreSpans(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): SpanScores {
  const counts = new Map<string, { c: number; p: number; g: number }>();
  const bump = (type: string, key: 'c' | 'p' | 'g'): void => {
    const e = counts.get(type) ?? { c: 0, p: 0, g: 0 };
    e[key]++;
    counts.set(type, e);
  };
  let tokens = 0;
  let tokensRight = 0;
  gold.forEach((g, s) => {
    const p = predicted[s] ?? [];
    g.forEach((tag, i) => {
      tokens++;
      if (p[i] === tag) tokensRight++;
    });
    const gc = chunksOf(g);
    const pc = chunksOf(p);
    const key = (c: Chunk): string => `${c.start}:${c.end}:${c.type}`;
    const gset = new Set(gc.map(key));
    for (const c of gc) bump(c.type, 'g');
    for (const c of pc) {
      bump(c.type, 'p');
      if (gset.has(key(c))) bump(c.type, 'c');
    }
  });
  const byType: Record<string, ClassScore> = {};
  let c = 0;
  let p = 0;
  let g = 0;
  for (const [type, e] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    byType[type] = score(e.c, e.p, e.g);
    c += e.c;
    p += e.p;
    g += e.g;
  }
  return { overall: score(c, p, g), byType, tokenAccuracy: tokens === 0 ? 0 : tokensRight / tokens };
}
