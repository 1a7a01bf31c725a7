// Issue #5 seed acceptance: reads ../shared/seeds at run time (never copied here), analyses the article (NER when the
// model is present, linking, quotes, events) and checks the quotes and events the issue lists. Only names and facts
// from the issue text appear here. Run: `npx tsx eval/seed-events.ts` or as an `npm run eval` suite.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Analysis, Event, Quote } from '../src/model/analysis.js';
import { createAnalyzer } from '../src/engine/analyzer.js';
import { loadAnalyzerResources } from '../src/engine/resources.js';
import { loadKnowledgeBase } from '../src/engine/stages/link/kb.js';
import { linkEntities } from '../src/engine/stages/link/linker.js';
import { findQuotes } from '../src/engine/stages/quotes/find-quotes.js';
import { loadQuoteLexicon } from '../src/engine/stages/quotes/lexicon.js';
import { findEvents } from '../src/engine/stages/events/find-events.js';
import { loadEventLexicon } from '../src/engine/stages/events/lexicon.js';
import { readInputs } from '../src/ingest/read-inputs.js';
import { ROOT } from './events-gold.js';
import { SEED_FILE, createChecklist, locateSeed } from './seeds.js';


type Ref = Quote['speaker'];

/** All the words a reference goes by: its own text, and its entity's name and mentions. */
function namesOf(analysis: Analysis, ref: Ref | null): string {
  if (!ref) return '';
  const entity = ref.entity ? analysis.entities.find((e) => e.id === ref.entity) : undefined;
  return [ref.text, entity?.name.ar ?? '', entity?.name.en ?? '', ...(entity?.mentions.map((m) => m.text) ?? [])].join(' | ');
}

const has = (names: string, pattern: RegExp) => pattern.test(names);

/** Analyses the seed: the standard analyser, linking, then the quotes and events stages' functions. */
export async function analyseSeed(seedPath: string, log: (line: string) => void): Promise<Analysis> {
  let article = null;
  for await (const r of readInputs([seedPath])) if (r.ok) article = r.article;
  if (!article) throw new Error(`seed-events: ${seedPath} could not be read`);
  let resources: Awaited<ReturnType<typeof loadAnalyzerResources>> = {};
  try {
    resources = await loadAnalyzerResources(join(ROOT, 'resources'));
  } catch (error) {
    log(`seed-events: NER model not loadable (${error instanceof Error ? error.message : String(error)}); going on without NER`);
  }
  const analyzer = createAnalyzer(resources);
  const { analysis } = analyzer.analyze(article);
  if (!analyzer.stages.includes('link')) {
    analysis.entities = linkEntities(loadKnowledgeBase(join(ROOT, 'resources', 'kb')), analysis.article, analysis.entities);
  }
  const { text, published } = analysis.article;
  const body = { text, sentences: analysis.sentences, entities: analysis.entities, times: analysis.times.filter((t) => t.field === undefined) };
  if (!analyzer.stages.includes('quotes')) analysis.quotes = findQuotes(body, loadQuoteLexicon(join(ROOT, 'resources/quotes/quote-lexicon.tsv')));
  if (!analyzer.stages.includes('events')) {
    analysis.events = findEvents({ ...body, published, quotes: analysis.quotes }, loadEventLexicon(join(ROOT, 'resources/events/event-lexicon.tsv')));
  }
  log(`seed-events: ${SEED_FILE}, published ${published}, NER ${resources.ner ? 'on' : 'off'}, ${analysis.entities.length} entities, ${analysis.quotes.length} quotes, ${analysis.events.length} events`);
  return analysis;
}

export async function runSeedEventsEval(options: { dataDir: string; log: (line: string) => void }): Promise<void> {
  const { log } = options;
  const seedPath = locateSeed(options.dataDir, 'seed-events', log);
  if (seedPath === null) return;
  const a = await analyseSeed(seedPath, log);
  const { check, finish } = createChecklist('seed-events', log);
  const quotesBy = (pattern: RegExp) => a.quotes.filter((q) => has(namesOf(a, q.speaker), pattern));
  const eventsWhere = (test: (e: Event) => boolean) => a.events.filter(test);
  const actorIs = (e: Event, pattern: RegExp) => e.actor.some((r) => has(namesOf(a, r), pattern));
  const recipientIs = (e: Event, pattern: RegExp) => e.recipient.some((r) => has(namesOf(a, r), pattern));

  // quotes
  const tokayev = quotesBy(/توكاييف|جومارت|Tokayev/u);
  check(tokayev.some((q) => q.channel === 'televised-address'), 'Tokayev quoted in a televised address');
  check(tokayev.filter((q) => !q.direct).length >= 2, `Tokayev: two reported statements (${tokayev.filter((q) => !q.direct).length})`);
  check(tokayev.some((q) => q.direct && /مجلس الوزراء/u.test(q.content.text)), 'Tokayev: a direct quote about the cabinet');
  check(quotesBy(/باشينيان|Pashinyan/u).some((q) => q.channel === 'facebook'), 'Pashinyan on Facebook');
  check(quotesBy(/روجوزين|Rogozin/u).some((q) => q.via.length > 0), 'Rogozin via Russian news agencies');
  const police = a.quotes.filter((q) => /الشرطة/u.test(q.speaker.text) && q.direct);
  check(police.some((q) => q.via.length >= 3), `police spokesperson: direct, via three agencies (${police.map((q) => q.via.join('+')).join('; ')})`);
  const price = quotesBy(/برايس|Price/u);
  check(price.some((q) => !q.direct) && price.some((q) => q.direct && /نطالب الجميع/u.test(q.content.text)), 'Ned Price: reported, then direct «نطالب الجميع…»');
  check(a.quotes.some((q) => /السفارة/u.test(namesOf(a, q.speaker))), 'the US embassy quoted');
  check(a.quotes.some((q) => /البريطانية/u.test(namesOf(a, q.speaker))), 'the British foreign office quoted');
  const russia = a.quotes.filter((q) => /الخارجية الروسية|الوزارة/u.test(namesOf(a, q.speaker)));
  check(russia.some((q) => !q.direct) && russia.some((q) => q.direct), 'the Russian foreign ministry: reported and direct');
  check(quotesBy(/كاسباروف|Kasparov/u).some((q) => q.direct && q.channel === 'twitter'), 'Kasparov on Twitter, direct');
  check(a.quotes.some((q) => /ارحل/u.test(q.content.text) && /المتظاهرين|المحتجين/u.test(q.speaker.text)), 'the Aktobe protesters’ chant');

  // events
  const csto = /معاهدة الأمن الجماعي|CSTO|Collective Security/u;
  const kz = /كازاخستان|كازخستان|Kazakhstan/u;
  check(eventsWhere((e) => e.type === 'AID' && e.cameo === '074' && actorIs(e, csto) && recipientIs(e, kz)).length > 0, 'CSTO → Kazakhstan AID (074)');
  check(eventsWhere((e) => e.type === 'REQUEST' && e.mode === 'assist' && e.cameo === '0234' && actorIs(e, /توكاييف|جومارت/u) && recipientIs(e, csto)).length > 0, 'Tokayev → CSTO REQUEST/assist (0234)');
  check(eventsWhere((e) => e.type === 'ASSAULT' && actorIs(e, /الشرطة/u) && e.size.dead === 'عشرات' && e.date === '2022-01-06').length > 0, 'police → protesters ASSAULT, dead «عشرات», 2022-01-06');
  const located = (e: Event, pattern: RegExp) => has(namesOf(a, e.location), pattern);
  check(eventsWhere((e) => e.type === 'PROTEST' && located(e, /ألماتا|ألما آتا|Almaty/u) && e.size.participants === 'آلاف').length > 0, 'PROTEST in Almaty, thousands');
  check(eventsWhere((e) => e.type === 'PROTEST' && located(e, /أكتوبي|Aktobe/u) && e.size.participants === 'مئات').length > 0, 'PROTEST in Aktobe, hundreds');
  check(eventsWhere((e) => e.type === 'ASSAULT' && e.mode === 'crowd-control' && actorIs(e, /الشرطة/u)).length > 0, 'police crowd-control in Aktobe');
  check(eventsWhere((e) => e.type === 'PROTEST' && located(e, /مانغيستاو|Mangystau/u)).length > 0, 'PROTEST in the Mangystau region');
  const disapprove = (pattern: RegExp) => eventsWhere((e) => e.type === 'ACCUSE' && e.mode === 'disapprove' && actorIs(e, pattern)).length > 0;
  check(disapprove(/الخارجية الأمريكية|برايس|الولايات المتحدة|State/u), 'ACCUSE/disapprove by the US State Department');
  check(disapprove(/السفارة/u), 'ACCUSE/disapprove by the US embassy');
  check(disapprove(/البريطانية/u), 'ACCUSE/disapprove by the British foreign office');
  check(eventsWhere((e) => e.type === 'REQUEST' && e.mode === 'yield' && actorIs(e, /الأمريكية|الولايات المتحدة|برايس/u)).length > 0, 'REQUEST/yield (restraint) by the US');
  check(eventsWhere((e) => e.type === 'ACCUSE' && actorIs(e, /الخارجية الروسية/u)).length > 0, 'the Russian foreign ministry’s accusation');
  check(eventsWhere((e) => e.type === 'CONSULT' && e.mode === 'phone' && actorIs(e, /لافروف|Lavrov/u) && recipientIs(e, /أوغلو|Çavuşoğlu|Cavusoglu/u)).length > 0, 'Lavrov–Çavuşoğlu CONSULT/phone');
  check(eventsWhere((e) => e.type === 'ACCUSE' && actorIs(e, /كاسباروف|Kasparov/u)).length > 0, 'Kasparov’s criticism');
  check(eventsWhere((e) => e.type === 'DISMISS' && recipientIs(e, /نزارباييف|Nazarbayev/u) && e.date === '2022-01-05').length > 0, 'Tokayev dismisses Nazarbayev on 2022-01-05 («أمس»)');
  check(eventsWhere((e) => e.type === 'DISMISS' && recipientIs(e, /الحكومة/u)).length > 0, 'Tokayev dismisses the government');
  check(a.events.every((e) => e.evidence.end > e.evidence.start && a.article.text.slice(e.evidence.start, e.evidence.end) === e.evidence.text), 'every event has its evidence span');
  const keys = a.events.map((e) => `${e.type}|${e.mode}|${e.actor.map((r) => r.entity ?? r.text).join(',')}|${e.recipient.map((r) => r.entity ?? r.text).join(',')}`);
  const dup = keys.filter((k, i) => keys.indexOf(k) !== i && a.events[i]!.evidence.text === a.events[keys.indexOf(k)]!.evidence.text);
  check(dup.length === 0, `no duplicate events (${dup.join('; ')})`);
  const pull = /أكد وزير الخارجية الروسي سيرجي لافروف عقب اتصاله/u;
  const pullEvents = a.events.filter((e) => e.type === 'CONSULT' && pull.test(e.evidence.text));
  check(pullEvents.length <= 1, `the repeated pull-quote yields one CONSULT (${pullEvents.length})`);
  finish();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dataDir = process.env.MARSAD_DATA ?? join(ROOT, '..', 'shared', 'data');
  await runSeedEventsEval({ dataDir, log: (line) => process.stdout.write(line + '\n') });
}
