// The search query language: words (AND by default), "phrases", OR, -exclusion and (groups), parsed to a tree and compiled to FTS5.
import { MarsadError } from '../../model/errors.js';
import type { TextAnalyzer } from './text-analyzer.js';

const HA = 'ه'; // ه, written for ة in hurried spelling
const TA_MARBUTA = 'ة'; // ة

/** A parsed query: terms are already index terms (folded, clitic-free stems). */
export type QueryNode =
  | { kind: 'phrase'; terms: string[] }
  | { kind: 'and'; include: QueryNode[]; exclude: QueryNode[] }
  | { kind: 'or'; children: QueryNode[] };

type Lexeme =
  | { kind: 'word' | 'phrase'; text: string; negated: boolean; at: number }
  | { kind: 'or'; at: number; negated: boolean }
  | { kind: 'open'; at: number; negated: boolean }
  | { kind: 'close'; at: number; negated: boolean };

/** Parses a user query; a syntax error is a MarsadError (E_QUERY) that says where and how to fix it. */
export function parseQuery(input: string, analyzer: TextAnalyzer): QueryNode {
  const lexemes = lex(input);
  let pos = 0;
  const fail = (message: string): never => {
    throw new MarsadError('E_QUERY', `${message} in query «${input}»`);
  };

  const parseAnd = (depth: number): QueryNode => {
    const include: QueryNode[] = [];
    const exclude: QueryNode[] = [];
    while (pos < lexemes.length) {
      const lx = lexemes[pos] as Lexeme;
      if (lx.kind === 'close') {
        if (depth === 0) fail(`Expected a word before ")" at character ${lx.at + 1}, found an unmatched ")"; remove it or add "("`);
        break;
      }
      const node = parseOr(depth);
      if (node === null) continue;
      (node.negated ? exclude : include).push(node.node);
    }
    if (include.length === 0) {
      if (exclude.length > 0) fail('Expected at least one word to search for, found only exclusions (-word); add a word to find');
      fail('Expected at least one searchable word, found none');
    }
    return include.length === 1 && exclude.length === 0 ? (include[0] as QueryNode) : { kind: 'and', include, exclude };
  };

  const parseOr = (depth: number): { node: QueryNode; negated: boolean } | null => {
    const first = parseUnary(depth);
    const children = first === null ? [] : [first];
    while (pos < lexemes.length && (lexemes[pos] as Lexeme).kind === 'or') {
      const orAt = (lexemes[pos] as Lexeme).at;
      pos++;
      if (children.length === 0) fail(`Expected a word before OR at character ${orAt + 1}`);
      const next = parseUnary(depth);
      if (next === null) fail(`Expected a word after OR at character ${orAt + 1}`);
      children.push(next as { node: QueryNode; negated: boolean });
    }
    if (children.length === 0) return null;
    if (children.length === 1) return children[0] as { node: QueryNode; negated: boolean };
    if (children.some((c) => c.negated)) fail('Expected plain words or phrases around OR, found an exclusion (-word); put the exclusion outside the OR');
    return { node: { kind: 'or', children: children.map((c) => c.node) }, negated: false };
  };

  const parseUnary = (depth: number): { node: QueryNode; negated: boolean } | null => {
    const lx = lexemes[pos];
    if (lx === undefined) return null;
    if (lx.kind === 'or') return null;
    if (lx.kind === 'close') return null;
    pos++;
    if (lx.kind === 'open') {
      const inner = parseAnd(depth + 1);
      const close = lexemes[pos];
      if (close === undefined || close.kind !== 'close') fail(`Expected ")" to close the "(" at character ${lx.at + 1}, found the end of the query`);
      pos++;
      return { node: inner, negated: lx.negated };
    }
    if (lx.kind !== 'word' && lx.kind !== 'phrase') return null;
    const terms = analyzer.terms(lx.text).map((t) => t.term);
    if (terms.length === 0) {
      if (lx.kind === 'phrase') fail(`Expected words inside the quotes at character ${lx.at + 1}, found none`);
      return null; // punctuation typed as a word («،» or «-») has nothing to search
    }
    const node: QueryNode = { kind: 'phrase', terms };
    if (lx.kind === 'word') {
      // A word typed with ه for ة is ambiguous to the segmenter: «مظاهره» reads as مظاهر + ه «its
      // manifestations». Search both readings, so it finds what «مظاهرة» finds.
      const letters = lx.text.replace(/[\u064B-\u065F\u0670\u0640]/gu, '');
      if (letters.endsWith(HA)) {
        const alt = analyzer.terms(letters.slice(0, -1) + TA_MARBUTA).map((t) => t.term);
        if (alt.length > 0 && alt.join(' ') !== terms.join(' ')) return { node: { kind: 'or', children: [node, { kind: 'phrase', terms: alt }] }, negated: lx.negated };
      }
    }
    return { node, negated: lx.negated };
  };

  if (lexemes.length === 0) fail('Expected at least one searchable word, found an empty query');
  return parseAnd(0);
}

/** Splits the query into words, quoted phrases, OR, parentheses; a leading «-» negates the next item. */
function lex(input: string): Lexeme[] {
  const out: Lexeme[] = [];
  let i = 0;
  const n = input.length;
  while (i < n) {
    const c = input[i] as string;
    if (/\s/u.test(c)) {
      i++;
      continue;
    }
    const at = i;
    let negated = false;
    if (c === '-' && i + 1 < n && !/\s/u.test(input[i + 1] as string)) {
      negated = true;
      i++;
    }
    const d = input[i] as string;
    if (d === '"' || d === '«' || d === '“') {
      const closeChar = d === '"' ? '"' : d === '«' ? '»' : '”';
      const end = input.indexOf(closeChar, i + 1);
      if (end < 0) throw new MarsadError('E_QUERY', `Expected a closing ${closeChar} for the phrase opened at character ${i + 1}, found the end of the query «${input}»`);
      out.push({ kind: 'phrase', text: input.slice(i + 1, end), negated, at });
      i = end + 1;
      continue;
    }
    if (d === '(' || d === ')') {
      if (d === ')' && negated) throw new MarsadError('E_QUERY', `Expected a word after "-" at character ${at + 1}, found ")" in query «${input}»`);
      out.push({ kind: d === '(' ? 'open' : 'close', at, negated });
      i++;
      continue;
    }
    let j = i;
    while (j < n && !/[\s()"«»“”]/u.test(input[j] as string)) j++;
    const word = input.slice(i, j);
    i = j;
    if (!negated && (word === 'OR' || word === '|')) out.push({ kind: 'or', at, negated: false });
    else if (!negated && word === 'AND') continue; // AND is the default; accepted for habit
    else out.push({ kind: 'word', text: word, negated, at });
  }
  return out;
}

/** The FTS5 MATCH expression of a query: every term quoted, so no user text is ever FTS5 syntax. */
export function toFtsMatch(node: QueryNode): string {
  switch (node.kind) {
    case 'phrase':
      return `"${node.terms.join(' ')}"`;
    case 'or':
      return `(${node.children.map(toFtsMatch).join(' OR ')})`;
    case 'and': {
      let expr = `(${node.include.map(toFtsMatch).join(' AND ')})`;
      for (const ex of node.exclude) expr = `(${expr} NOT ${toFtsMatch(ex)})`;
      return expr;
    }
  }
}

/** The terms a matching document may contain (not the excluded ones): what snippets highlight. */
export function positiveTerms(node: QueryNode): Set<string> {
  const out = new Set<string>();
  const walk = (n: QueryNode): void => {
    if (n.kind === 'phrase') for (const t of n.terms) out.add(t);
    else if (n.kind === 'or') n.children.forEach(walk);
    else n.include.forEach(walk);
  };
  walk(node);
  return out;
}
