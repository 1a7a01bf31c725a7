// The stage registry: a static typed map, so a pipeline is named, checked and built without side effects.
import { sentences } from './sentences.js';
import { times } from './times.js';
import { ner } from './ner-stage.js';
import { link } from './link/index.js';
import { quotes } from './quotes/index.js';
import { events } from './events/index.js';

export const STAGES = { sentences, times, ner, link, quotes, events } as const;
export type StageName = keyof typeof STAGES;
export { sentences, times, ner, link, quotes, events };
