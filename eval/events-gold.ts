// Shared by eval/events.ts and eval/quotes.ts: reads fixtures/events/gold.jsonl and runs the stages on each article.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EntityType, Event, Quote } from '../src/model/analysis.js';
import { findQuotes } from '../src/engine/stages/quotes/find-quotes.js';
import { loadQuoteLexicon } from '../src/engine/stages/quotes/lexicon.js';
import { findEvents } from '../src/engine/stages/events/find-events.js';
import { loadEventLexicon } from '../src/engine/stages/events/lexicon.js';
import { placeEntities, textLayers } from '../src/engine/stages/events/test-doc.js';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface GoldArticle {
  id: string;
  published: string;
  text: string;
  entities: Array<{ id: string; type: EntityType; forms: string[] }>;
  quotes: Array<{ speaker: string | null; direct: boolean; channel?: string; via?: string[] }>;
  events: Array<{ type: string; mode?: string | null; actor?: string[]; recipient?: string[]; location?: string; modality?: string }>;
}

export function loadGold(path = join(ROOT, 'fixtures/events/gold.jsonl')): GoldArticle[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as GoldArticle);
}

/** Runs quotes and events over a gold article with its oracle entities placed as mentions. */
export function runGold(article: GoldArticle): { quotes: Quote[]; events: Event[] } {
  const quoteLexicon = loadQuoteLexicon(join(ROOT, 'resources/quotes/quote-lexicon.tsv'));
  const eventLexicon = loadEventLexicon(join(ROOT, 'resources/events/event-lexicon.tsv'));
  const { sentences, times } = textLayers(article.text, article.published);
  const entities = placeEntities(article.text, article.entities);
  const quotes = findQuotes({ text: article.text, sentences, entities, times }, quoteLexicon);
  const events = findEvents({ text: article.text, published: article.published, sentences, entities, times, quotes }, eventLexicon);
  return { quotes, events };
}

export function prf(tp: number, fp: number, fn: number): string {
  const p = tp + fp === 0 ? 0 : tp / (tp + fp);
  const r = tp + fn === 0 ? 0 : tp / (tp + fn);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return `P ${p.toFixed(2)}  R ${r.toFixed(2)}  F1 ${f.toFixed(2)}  (tp ${tp}, fp ${fp}, fn ${fn})`;
}

export const refId = (r: { entity: string | null; text: string }): string => r.entity ?? r.text;
