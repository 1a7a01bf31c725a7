// The highlight spans of an article: entity mentions, quote contents and event evidence, each pointing at its fact.
import type { Analysis } from '../../api.js';
import type { Annotation } from '../../lib/highlights.js';

export type Fact =
  | { kind: 'entity'; entity: number; mention: number }
  | { kind: 'quote'; quote: number }
  | { kind: 'event'; event: number };

export type Field = 'text' | 'title' | 'caption';

/**
 * Spans to highlight in one field. The body gets all three kinds; the title and caption only entity mentions
 * (quotes and events are found in the body). A quote is highlighted over its content — the words said — and its
 * evidence (the whole sentence with speaker and cue) is shown in the detail instead, so the speaker's name keeps
 * its own entity highlight.
 */
export function collectAnnotations(analysis: Analysis, field: Field): Array<Annotation<Fact>> {
  const spans: Array<Annotation<Fact>> = [];
  analysis.entities.forEach((entity, e) => {
    entity.mentions.forEach((mention, m) => {
      if ((mention.field ?? 'text') !== field) return;
      spans.push({ start: mention.start, end: mention.end, kind: 'entity', type: entity.type, ref: { kind: 'entity', entity: e, mention: m } });
    });
  });
  if (field !== 'text') return spans;
  analysis.quotes.forEach((quote, q) => {
    if ((quote.content.field ?? 'text') !== 'text') return;
    spans.push({ start: quote.content.start, end: quote.content.end, kind: 'quote', type: quote.direct ? 'direct' : 'indirect', ref: { kind: 'quote', quote: q } });
  });
  analysis.events.forEach((event, v) => {
    if ((event.evidence.field ?? 'text') !== 'text') return;
    spans.push({ start: event.evidence.start, end: event.evidence.end, kind: 'event', type: event.type, ref: { kind: 'event', event: v } });
  });
  return spans;
}

/** Whether a URL may be a link (http or https only: an ingested «javascript:» URL stays text). */
export function isWebUrl(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^https?:\/\/[^\s]+$/i.test(url);
}
