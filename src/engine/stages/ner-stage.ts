// Stage `ner`: named-entity mentions in the title, caption and body, grouped into in-document entities.
// Linking to the knowledge base (and LOC → GPE/FAC refinement) is a later stage's job (issue #4);
// until then each distinct name is its own unlinked entity with a stable in-document id.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { foldWord } from '../../arabic/normalize.js';
import type { Entity, EntityType, Field } from '../../model/analysis.js';
import type { Stage } from '../pipeline.js';

export interface FoundMention {
  start: number;
  end: number;
  text: string;
  label: 'PER' | 'ORG' | 'LOC' | 'MISC';
  score: number;
}

/** What the stage needs: anything that finds mentions in a text given its sentences. */
export interface MentionFinder {
  findMentions(text: string, sentences: ReadonlyArray<{ start: number; end: number }>): FoundMention[];
}

/** With no finder (NER switched off or no model) the stage provides an empty entity list for later stages. */
export const ner: Stage<Record<string, never>, MentionFinder | null> = {
  name: 'ner',
  requires: ['sentences'],
  provides: ['mentions', 'entities'],
  options: z.strictObject({}),
  create: (_options, finder) => (doc) => {
    if (!finder) return doc;
    const { article, sentences } = doc.analysis;
    const found: Array<FoundMention & { field?: Field }> = [];
    for (const field of ['title', 'caption'] as const) {
      const value = article[field];
      if (value) {
        for (const m of finder.findMentions(value, [{ start: 0, end: value.length }])) found.push({ ...m, field });
      }
    }
    found.push(...finder.findMentions(article.text, sentences));
    doc.analysis.entities = groupMentions(found);
    return doc;
  },
};

/** Groups mentions with the same folded name and type into one entity, in order of first mention. */
export function groupMentions(found: ReadonlyArray<FoundMention & { field?: Field }>): Entity[] {
  const byKey = new Map<string, Entity>();
  for (const m of found) {
    const type: EntityType = m.label;
    const key = `${type}:${m.text.split(/\s+/u).map(foldWord).join(' ')}`;
    let entity = byKey.get(key);
    if (!entity) {
      const id = `nil:${createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
      entity = { id, type, name: { ar: m.text, en: null }, kb: null, geo: null, mentions: [] };
      byKey.set(key, entity);
    }
    const mention: Entity['mentions'][number] = { start: m.start, end: m.end, text: m.text, kind: 'name', score: round(m.score) };
    if (m.field) mention.field = m.field;
    entity.mentions.push(mention);
  }
  return [...byKey.values()];
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
