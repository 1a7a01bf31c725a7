import { runEventsEval } from './eval/events.js';
import { runQuotesEval } from './eval/quotes.js';
await runEventsEval({ dataDir: '', log: console.log });
await runQuotesEval({ dataDir: '', log: console.log });
