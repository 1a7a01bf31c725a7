// Language data: Gregorian and Hijri month names as Arabic outlets print them, by region.
//
// Format: each entry is { name, month } (month 1..12); `region` says where the spelling is used;
//   `ambiguous` marks a name that is also a common word (آب «father», ماي), so it counts as a
//   month only next to a day or a year, or after «شهر».
//   Names are written in their usual spelling; matchers fold hamza/alef/ya/ta-marbuta variants
//   and harakat themselves, so إبريل/أبريل/ابريل need only one entry when they fold alike.
// Source: general knowledge of Arabic press usage (Egypt/Gulf transliterations, Levantine/Iraqi
//   Syriac names, Algerian/Tunisian French-derived names, Moroccan names); English RFC 822 names.
// Changes: 2026-11 first version (dates and times, issue 2 §3).

export type MonthRegion = 'egypt-gulf' | 'levant' | 'maghreb' | 'morocco' | 'english';

export interface MonthName {
  readonly name: string;
  readonly month: number;
  readonly region: MonthRegion;
  readonly ambiguous?: true;
}

export const GREGORIAN_MONTHS: readonly MonthName[] = [
  // Egypt and the Gulf: transliterations of the European names.
  { name: 'يناير', month: 1, region: 'egypt-gulf' },
  { name: 'فبراير', month: 2, region: 'egypt-gulf' },
  { name: 'مارس', month: 3, region: 'egypt-gulf' },
  { name: 'أبريل', month: 4, region: 'egypt-gulf' },
  { name: 'إبريل', month: 4, region: 'egypt-gulf' },
  { name: 'مايو', month: 5, region: 'egypt-gulf' },
  { name: 'يونيو', month: 6, region: 'egypt-gulf' },
  { name: 'يونيه', month: 6, region: 'egypt-gulf' },
  { name: 'يوليو', month: 7, region: 'egypt-gulf' },
  { name: 'يوليه', month: 7, region: 'egypt-gulf' },
  { name: 'أغسطس', month: 8, region: 'egypt-gulf' },
  { name: 'سبتمبر', month: 9, region: 'egypt-gulf' },
  { name: 'أكتوبر', month: 10, region: 'egypt-gulf' },
  { name: 'نوفمبر', month: 11, region: 'egypt-gulf' },
  { name: 'ديسمبر', month: 12, region: 'egypt-gulf' },
  // Levant and Iraq: the Syriac names; «تشرين أول» without the article is also printed.
  { name: 'كانون الثاني', month: 1, region: 'levant' },
  { name: 'كانون ثاني', month: 1, region: 'levant' },
  { name: 'شباط', month: 2, region: 'levant' },
  { name: 'آذار', month: 3, region: 'levant' },
  { name: 'نيسان', month: 4, region: 'levant' },
  { name: 'أيار', month: 5, region: 'levant' },
  { name: 'حزيران', month: 6, region: 'levant' },
  { name: 'تموز', month: 7, region: 'levant' },
  { name: 'آب', month: 8, region: 'levant', ambiguous: true },
  { name: 'أيلول', month: 9, region: 'levant' },
  { name: 'تشرين الأول', month: 10, region: 'levant' },
  { name: 'تشرين أول', month: 10, region: 'levant' },
  { name: 'تشرين الثاني', month: 11, region: 'levant' },
  { name: 'تشرين ثاني', month: 11, region: 'levant' },
  { name: 'كانون الأول', month: 12, region: 'levant' },
  { name: 'كانون أول', month: 12, region: 'levant' },
  // Algeria and Tunisia: French-derived names.
  { name: 'جانفي', month: 1, region: 'maghreb' },
  { name: 'فيفري', month: 2, region: 'maghreb' },
  { name: 'أفريل', month: 4, region: 'maghreb' },
  { name: 'ماي', month: 5, region: 'maghreb', ambiguous: true },
  { name: 'جوان', month: 6, region: 'maghreb' },
  { name: 'جويلية', month: 7, region: 'maghreb' },
  { name: 'جويلة', month: 7, region: 'maghreb' },
  { name: 'أوت', month: 8, region: 'maghreb' },
  // Morocco.
  { name: 'يوليوز', month: 7, region: 'morocco' },
  { name: 'غشت', month: 8, region: 'morocco' },
  { name: 'شتنبر', month: 9, region: 'morocco' },
  { name: 'نونبر', month: 11, region: 'morocco' },
  { name: 'دجنبر', month: 12, region: 'morocco' },
  // English, for RFC 822 feed dates and English-language CMS stamps (matched case-insensitively).
  { name: 'january', month: 1, region: 'english' },
  { name: 'february', month: 2, region: 'english' },
  { name: 'march', month: 3, region: 'english' },
  { name: 'april', month: 4, region: 'english' },
  { name: 'may', month: 5, region: 'english' },
  { name: 'june', month: 6, region: 'english' },
  { name: 'july', month: 7, region: 'english' },
  { name: 'august', month: 8, region: 'english' },
  { name: 'september', month: 9, region: 'english' },
  { name: 'october', month: 10, region: 'english' },
  { name: 'november', month: 11, region: 'english' },
  { name: 'december', month: 12, region: 'english' },
  { name: 'jan', month: 1, region: 'english' },
  { name: 'feb', month: 2, region: 'english' },
  { name: 'mar', month: 3, region: 'english' },
  { name: 'apr', month: 4, region: 'english' },
  { name: 'jun', month: 6, region: 'english' },
  { name: 'jul', month: 7, region: 'english' },
  { name: 'aug', month: 8, region: 'english' },
  { name: 'sep', month: 9, region: 'english' },
  { name: 'sept', month: 9, region: 'english' },
  { name: 'oct', month: 10, region: 'english' },
  { name: 'nov', month: 11, region: 'english' },
  { name: 'dec', month: 12, region: 'english' },
];

export interface HijriMonthName {
  readonly name: string;
  readonly month: number;
}

/** Hijri month names; «جمادى الآخرة» and «جمادى الثانية» are both in use, as are ذو/ذي. */
export const HIJRI_MONTHS: readonly HijriMonthName[] = [
  { name: 'محرم', month: 1 },
  { name: 'المحرم', month: 1 },
  { name: 'صفر', month: 2 },
  { name: 'ربيع الأول', month: 3 },
  { name: 'ربيع أول', month: 3 },
  { name: 'ربيع الآخر', month: 4 },
  { name: 'ربيع الثاني', month: 4 },
  { name: 'ربيع ثاني', month: 4 },
  { name: 'جمادى الأولى', month: 5 },
  { name: 'جمادى الأول', month: 5 },
  { name: 'جمادى الآخرة', month: 6 },
  { name: 'جمادى الثانية', month: 6 },
  { name: 'جمادى الآخر', month: 6 },
  { name: 'رجب', month: 7 },
  { name: 'شعبان', month: 8 },
  { name: 'رمضان', month: 9 },
  { name: 'شوال', month: 10 },
  { name: 'ذو القعدة', month: 11 },
  { name: 'ذي القعدة', month: 11 },
  { name: 'ذو الحجة', month: 12 },
  { name: 'ذي الحجة', month: 12 },
];
