// A tiny hand-made knowledge base for the link tests: a fictional-size world, so production KB edits never break them.
import type { Article } from '../../../model/analysis.js';
import { createKnowledgeBase, type KnowledgeBase } from './kb.js';

const T = '\t';
const row = (...cells: Array<string | number>) => cells.join(T);

export const TEST_PLACES = [
  '# test places',
  row('iso:KZ', 'geonames:1522867', 'GPE', 'country', 'KZ', '', 48, 68, 18000000, 'Kazakhstan', 'كازاخستان|جمهورية كازاخستان', '', 'PCLI'),
  row('iso:RU', 'geonames:2017370', 'GPE', 'country', 'RU', '', 60, 100, 144000000, 'Russia', 'روسيا|روسيا الاتحادية', '', 'PCLI'),
  row('iso:US', 'geonames:6252001', 'GPE', 'country', 'US', '', 38, -97, 327000000, 'United States', 'الولايات المتحدة|الولايات المتحدة الأمريكية', '', 'PCLI'),
  row('geonames:1526384', 'geonames:1526384', 'GPE', 'city', 'KZ', 'KZ.02', 43.25, 76.91, 1977011, 'Almaty', 'ألماتا|ألما آتا|ألماتي', '', 'PPLA'),
  row('geonames:1526273', 'geonames:1526273', 'GPE', 'city', 'KZ', 'KZ.05', 51.18, 71.45, 345604, 'Astana', 'أستانا|نور سلطان', '', 'PPLC'),
  row('geonames:610611', 'geonames:610611', 'GPE', 'city', 'KZ', 'KZ.04', 50.28, 57.21, 500757, 'Aktobe', 'أكتوبي|أقتوبه', '', 'PPLA'),
  // A made-up namesake in Russia, bigger, so only the article's context can choose the Kazakh one.
  row('geonames:9000001', 'geonames:9000001', 'GPE', 'city', 'RU', 'RU.01', 55, 40, 900000, 'Aktobe (RU, test)', 'أكتوبي', '', 'PPL'),
  row('geonames:608879', 'geonames:608879', 'GPE', 'region', 'KZ', 'KZ.09', 43.98, 51.94, 0, 'Mangystau', 'مانغيستاو|منغيستاو', '', 'ADM1'),
  row('geonames:1521368', 'geonames:1521368', 'GPE', 'city', 'KZ', 'KZ.08', 45.62, 63.32, 70000, 'Baikonur', 'بايكونور', '', 'PPLA'),
  // Geneva and a small American namesake: a mention of the United States must not move «جنيف» to Illinois.
  row('geonames:2660646', 'geonames:2660646', 'GPE', 'city', 'CH', 'CH.07', 46.2, 6.15, 183981, 'Geneva', 'جنيف', '', 'PPLA'),
  row('geonames:4893591', 'geonames:4893591', 'GPE', 'city', 'US', 'US.IL', 41.89, -88.3, 21000, 'Geneva (IL)', 'جنيف', '', 'PPL'),
  // «عمان» is Oman and Amman: the article's other places and words like «العاصمة» decide.
  row('iso:OM', 'geonames:286963', 'GPE', 'country', 'OM', '', 21, 57, 4829483, 'Oman', 'عمان|سلطنة عمان', '', 'PCLI'),
  row('iso:JO', 'geonames:248816', 'GPE', 'country', 'JO', '', 31, 36, 9956011, 'Jordan', 'الأردن|المملكة الأردنية الهاشمية', '', 'PCLI'),
  row('geonames:250441', 'geonames:250441', 'GPE', 'city', 'JO', 'JO.16', 31.9552, 35.945, 1275857, 'Amman', 'عمان|عمّان', '', 'PPLC'),
  row('geonames:248946', 'geonames:248946', 'GPE', 'city', 'JO', 'JO.18', 32.5556, 35.85, 250645, 'Irbid', 'إربد|اربد', '', 'PPLA'),
  row('geonames:287286', 'geonames:287286', 'GPE', 'city', 'OM', 'OM.06', 23.5841, 58.4078, 797000, 'Muscat', 'مسقط', '', 'PPLC'),
  row('marsad:loc/middle-east', '', 'LOC', 'region', '', '', 29, 42, 0, 'Middle East', 'الشرق الأوسط|منطقة الشرق الأوسط', '', 'RGN'),
  row('geonames:2000001', 'geonames:2000001', 'GPE', 'city', 'LB', 'LB.01', 33.27, 35.2, 100000, 'Tyre', 'صور', 'صور', 'PPL'),
].join('\n');

export const TEST_DEMONYMS = [
  '# test demonyms',
  row('KZ', 'كازاخستاني', 'الكازاخستانية', 'كازاخستاني|الكازاخستاني|كازاخستانية|الكازاخستانية'),
  row('RU', 'روسي', 'الروسية', 'روسي|الروسي|روسية|الروسية|الروس'),
  row('US', 'أمريكي', 'الأمريكية', 'أمريكي|الأمريكي|أمريكية|الأمريكية|أميركي|الأميركي|أميركية|الأميركية'),
].join('\n');

export const TEST_ENTITIES = [
  '# test people and organisations',
  row('marsad:per/tokayev', 'PER', '', 'KZ', 'Kassym-Jomart Tokayev', 'قاسم جومارت توكاييف|توكاييف', 'head-of-state@KZ:2019-03-20..', ''),
  row('marsad:per/nazarbayev', 'PER', '', 'KZ', 'Nursultan Nazarbayev', 'نور سلطان نزارباييف|نزارباييف', 'head-of-state@KZ:1990-04-24..2019-03-20', ''),
  row('marsad:per/lavrov', 'PER', '', 'RU', 'Sergey Lavrov', 'سيرجي لافروف|لافروف', 'foreign-minister@RU:2004-03-09..', ''),
  row('marsad:org/csto', 'ORG', '', '', 'CSTO', 'منظمة معاهدة الأمن الجماعي', '', ''),
  row('marsad:media/interfax-kz', 'MEDIA', '', 'KZ', 'Interfax-Kazakhstan', 'إنترفاكس-كازاخستان|إنترفاكس كازاخستان', '', ''),
  row('marsad:media/aljazeera', 'MEDIA', '', 'QA', 'Al Jazeera', 'قناة الجزيرة|الجزيرة', '', 'ner-only'),
  row('marsad:media/asharq-alawsat', 'MEDIA', '', 'GB', 'Asharq Al-Awsat', 'صحيفة الشرق الأوسط|?الشرق الأوسط', '', ''),
].join('\n');

export function createTestKnowledgeBase(): KnowledgeBase {
  return createKnowledgeBase({ places: TEST_PLACES, demonyms: TEST_DEMONYMS, entities: [{ path: 'test.tsv', text: TEST_ENTITIES }] });
}

export function testArticle(text: string, published: string | null = '2022-01-06'): Article {
  return { id: 'test', outlet: null, author: null, url: null, published, title: null, caption: null, photoCredit: null, language: 'ar', text, paragraphs: [], removed: [] };
}
