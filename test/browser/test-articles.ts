// Articles the browser tests add to the demo corpus, so each assertion rests on text written here (self-written, invented).

/** One JSONL record as the readers take it. */
export interface BrowserTestRecord {
  id: string;
  outlet: string;
  outlet_name: string;
  url: string;
  published: string;
  title: string;
  text: string;
}

/** The outlet of every record below: a facet the search test can click and find only these. */
export const TEST_OUTLET = 'مرصد الاختبار';

/**
 * A bread-price protest in Tunis with a quoted union spokesman: one text with all three highlight kinds
 * (the entity «تونس», the quote of «سامي الفرجاني», the PROTEST event placed in iso:TN). The first line is a
 * byline, so cleaning removes something the removed panel must show.
 */
export const PROTEST_RECORD: BrowserTestRecord = {
  id: 'browser-tunis-bread',
  outlet: 'marsad-test',
  outlet_name: TEST_OUTLET,
  url: 'https://example.test/tunis-bread-protest',
  published: '2025-03-09T11:00:00+01:00',
  title: 'آلاف المتظاهرين في تونس يطالبون بخفض أسعار الخبز',
  text: [
    'سارة بن علي – مرصد الاختبار',
    'تظاهر آلاف المواطنين في تونس صباح الأحد احتجاجاً على ارتفاع أسعار الخبز والمواد الأساسية.',
    'وقال المتحدث باسم الاتحاد العام التونسي للشغل سامي الفرجاني إن «الحكومة مطالبة بالتراجع عن قرار رفع الأسعار فوراً».',
    'وأغلقت قوات الأمن الطرق المؤدية إلى مقر الحكومة في القصبة، فيما رفع المحتجون لافتات تطالب بخفض الأسعار.',
  ].join('\n'),
};

/** What the protest record must yield: the facts the tests look for in the page. */
export const PROTEST_FACTS = {
  day: '2025-03-09',
  place: 'iso:TN',
  placeName: 'تونس',
  speaker: 'سامي الفرجاني',
  quote: 'الحكومة مطالبة بالتراجع عن قرار رفع الأسعار فوراً',
  byline: 'سارة بن علي – مرصد الاختبار',
  /** A query in a clitic form: «وبتونس» = و + ب + تونس, matching «تونس» in the title. */
  cliticQuery: 'وبتونس',
  highlighted: 'تونس',
} as const;

/**
 * Hostile text: markup and script in an ingested article must reach the page as characters, never as
 * elements. If the UI ever sets it as HTML, `window.__pwned` becomes 1 or 2.
 */
export const HOSTILE_RECORD: BrowserTestRecord = {
  id: 'browser-hostile-markup',
  outlet: 'marsad-test',
  outlet_name: TEST_OUTLET,
  url: 'https://example.test/hostile-markup',
  published: '2025-03-10T09:30:00+03:00',
  title: 'خبر تجريبي يحمل <b>وسوماً</b> في عنوانه',
  text: [
    'نشر موقع محلي خبراً قصيراً يحتوي على شيفرة غريبة <script>window.__pwned=1</script> في منتصف الفقرة الأولى.',
    'وظهر في الفقرة الثانية وسم صورة <img src=x onerror="window.__pwned=2"> قبل أن يحذفه المحرر.',
    'وقال مدير الموقع خالد العمري إن «النص نُشر كما هو دون مراجعة».',
  ].join('\n'),
};

export const HOSTILE_FACTS = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=2">',
  titleMarkup: '<b>وسوماً</b>',
} as const;

export const BROWSER_TEST_RECORDS: readonly BrowserTestRecord[] = [PROTEST_RECORD, HOSTILE_RECORD];

export function testJsonl(records: readonly BrowserTestRecord[]): string {
  return records.map((r) => JSON.stringify(r)).join('\n') + '\n';
}
