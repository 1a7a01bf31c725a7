// Test helpers: hand-placed entities over self-written sentences, so stage tests never depend on NER.
import { splitSentences } from '../../../arabic/sentences.js';
import { findTimes } from '../../../arabic/times.js';
import type { Entity, EntityType, Span, TimeExpr } from '../../../model/analysis.js';

/** One entity of a test doc: its id, type and every surface form to mark as a mention. */
export interface EntitySpec {
  id: string;
  type: EntityType;
  forms: readonly string[];
  country?: string;
}

/** Marks every occurrence of each form (longest forms first, no overlaps) as a mention of its entity. */
export function placeEntities(text: string, specs: readonly EntitySpec[]): Entity[] {
  const taken: Array<[number, number]> = [];
  const forms = specs.flatMap((spec) => spec.forms.map((form) => ({ spec, form }))).sort((a, b) => b.form.length - a.form.length);
  const byId = new Map<string, Entity>();
  for (const spec of specs) {
    byId.set(spec.id, {
      id: spec.id,
      type: spec.type,
      name: { ar: spec.forms[0] ?? spec.id },
      geo: spec.country ? { lat: 0, lon: 0, country: spec.country } : null,
      mentions: [],
    });
  }
  // «للأمم المتحدة»: ل + الأمم is written with one lam less; the mention starts after the ل
  const variants = forms.flatMap(({ spec, form }) => (form.startsWith('ال') ? [{ spec, form }, { spec, form: form.slice(1) }] : [{ spec, form }]));
  for (const { spec, form } of variants) {
    if (form !== spec.forms.find((f) => f === form) && !text.includes('ل' + form)) continue;
    let at = text.indexOf(form);
    while (at >= 0) {
      const end = at + form.length;
      // whole words only: «العراق» is not a mention inside «العراقي» (a clitic before it is fine: «بالعراق»)
      const whole = !/\p{L}/u.test(text[end] ?? ' ');
      if (whole && !taken.some(([s, e]) => at < e && end > s)) {
        taken.push([at, end]);
        byId.get(spec.id)?.mentions.push({ start: at, end, text: form, kind: 'name' });
      }
      at = text.indexOf(form, end);
    }
  }
  for (const e of byId.values()) e.mentions.sort((a, b) => a.start - b.start);
  return [...byId.values()].filter((e) => e.mentions.length > 0);
}

/** Sentences and times of a test text, as the sentences and times stages would give them. */
export function textLayers(text: string, published: string | null): { sentences: Span[]; times: TimeExpr[] } {
  return {
    sentences: splitSentences(text).map(({ start, end }) => ({ start, end })),
    times: findTimes(text, published).map((t) => ({ ...t })),
  };
}
