// Stage `events`: PLOVER/CAMEO events with actor, recipient, location, date, size, modality and evidence.
import { z } from 'zod';
import type { Stage } from '../../pipeline.js';
import { findEvents } from './find-events.js';
import type { EventLexicon } from './lexicon.js';
import { sharedMatchWords } from './words.js';

export const EventsStageOptions = z.strictObject({
  /** Events below this confidence are dropped. */
  minConfidence: z.number().min(0).max(1).default(0),
});
export type EventsStageOptions = z.infer<typeof EventsStageOptions>;

export const events: Stage<EventsStageOptions, EventLexicon> = {
  name: 'events',
  requires: ['sentences', 'entities', 'times', 'quotes'],
  provides: ['events'],
  options: EventsStageOptions,
  create: (options, lexicon) => (doc) => {
    const { article, sentences, entities, times, quotes } = doc.analysis;
    const words = sharedMatchWords(doc.scratch, article.text);
    const body = times.filter((t) => t.field === undefined);
    const found = findEvents({ text: article.text, published: article.published, sentences, entities, times: body, quotes, words }, lexicon);
    doc.analysis.events = found.filter((e) => e.confidence >= options.minConfidence);
    return doc;
  },
};

export { findEvents, type EventInput } from './find-events.js';
export { loadEventLexicon, parseEventLexicon, PLOVER_TYPES, EXTENSION_TYPES, type EventLexicon, type EventType, type Trigger, type Refiner } from './lexicon.js';
