// Hand-written articles for the API tests: the store's test records plus a folded agency copy, a quote by a
// known speaker, and a hostile article whose text carries HTML and script (fictional events; no corpus text).
import { TEST_RECORDS, type TestRecord } from '../store/test-articles.js';

const protest = TEST_RECORDS[2] as TestRecord;

export const HOSTILE_TEXT = 'قال المتحدث باسم الشرطة في جدة إن <script>alert("xss")</script> المظاهرة انتهت مساء أمس.\nوأضاف أن <img src=x onerror=alert(1)> الأوضاع هادئة في المدينة.';

export const API_RECORDS: readonly TestRecord[] = [
  ...TEST_RECORDS,
  {
    // An agency copy of the Jeddah protest report: folded as a near-duplicate of it.
    ...protest,
    id: 'copy',
    outlet: 'وكالة الخبر',
    url: 'https://example.test/d/7',
    date: '2024-03-05',
    title: 'احتجاج في جدة على أسعار المياه',
    text: protest.text.replace('بشكل سلمي', 'دون حوادث'),
  },
  {
    id: 'king',
    outlet: 'صحيفة الشرق',
    url: 'https://example.test/a/8',
    date: '2024-03-08',
    title: 'خادم الحرمين يستقبل وزير خارجية الأردن في الرياض',
    text: 'استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في الرياض اليوم وزير خارجية الأردن.\nوقال خادم الحرمين الشريفين إن المملكة تقف إلى جانب الأردن في كل الظروف.\nوبحث الجانبان تطورات الأوضاع في المنطقة.',
  },
  {
    id: 'hostile',
    outlet: 'موقع <b>الخليج</b>',
    url: 'https://example.test/c/9',
    date: '2024-03-09',
    title: 'بيان <i>عاجل</i> من شرطة جدة',
    text: HOSTILE_TEXT,
  },
];
