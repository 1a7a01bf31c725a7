// Tests for findTimes and resolveWeekday: every relative expression against a known anchor, boundaries, clitics, fuzz.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MarsadError } from '../model/errors.js';
import { findTimes, isoWeek, resolveWeekday, type TimeExprMatch } from './times.js';

/** Thursday 6 January 2022. */
const THURSDAY = '2022-01-06';

const only = (text: string, anchor: string | null = THURSDAY): [string, string | null, string] => {
  const found = findTimes(text, anchor);
  expect(found).toHaveLength(1);
  const [t] = found as [TimeExprMatch];
  return [t.text, t.value, t.granularity];
};

describe('findTimes: day words', () => {
  it.each([
    ['قال الوزير أمس إن', 'أمس', '2022-01-05'],
    ['وأمس أعلنت الوزارة', 'وأمس', '2022-01-05'],
    ['بالأمس أعلنت الوزارة', 'بالأمس', '2022-01-05'],
    ['امس اعلنت الوزارة', 'امس', '2022-01-05'],
    ['أَمْسِ قالت الشرطة', 'أَمْسِ', '2022-01-05'],
    ['وقع الانفجار أول أمس', 'أول أمس', '2022-01-04'],
    ['وقع الانفجار أول من أمس', 'أول من أمس', '2022-01-04'],
    ['وقع الانفجار أمس الأول', 'أمس الأول', '2022-01-04'],
    ['أعلنت الحكومة اليوم', 'اليوم', '2022-01-06'],
    ['واليوم تعود الحياة', 'واليوم', '2022-01-06'],
    ['يعقد المجلس جلسته غدًا', 'غدًا', '2022-01-07'],
    ['يعقد المجلس جلسته غداً', 'غداً', '2022-01-07'],
    ['يعقد المجلس جلسته غدا', 'غدا', '2022-01-07'],
    ['يعقد المجلس جلسته في الغد', 'الغد', '2022-01-07'],
    ['تنطلق المفاوضات بعد غد', 'بعد غد', '2022-01-08'],
  ])('%s', (text, span, value) => {
    expect(only(text)).toEqual([span, value, 'day']);
  });

  it.each([['نقلا عن صحيفة اليوم السابع'], ['في اليوم التالي للهجوم'], ['احتفلت البلاد باليوم الوطني'], ['في اليوم العالمي للمرأة']])(
    '«اليوم» as «the day» is not today: %s',
    (text) => {
      expect(findTimes(text, THURSDAY)).toEqual([]);
    },
  );
});

describe('findTimes: parts of the day', () => {
  it.each([
    ['صباح الخميس على a Thursday anchor is the same day', 'صباح الخميس', THURSDAY, '2022-01-06T06:00/2022-01-06T12:00'],
    ['صباح الخميس on a Friday anchor', 'صباح الخميس', '2022-01-07', '2022-01-06T06:00/2022-01-06T12:00'],
    ['صباح الخميس on a Wednesday anchor is last week', 'صباح الخميس', '2022-01-05', '2021-12-30T06:00/2021-12-30T12:00'],
    ['with a clitic', 'وصباح الخميس', THURSDAY, '2022-01-06T06:00/2022-01-06T12:00'],
    ['مساء الأربعاء', 'مساء الأربعاء', THURSDAY, '2022-01-05T18:00/2022-01-06T00:00'],
    ['مساء يوم الأربعاء', 'مساء يوم الأربعاء', THURSDAY, '2022-01-05T18:00/2022-01-06T00:00'],
    ['ظهر الثلاثاء', 'ظهر الثلاثاء', THURSDAY, '2022-01-04T12:00/2022-01-04T15:00'],
    ['عصر الاثنين', 'عصر الاثنين', THURSDAY, '2022-01-03T15:00/2022-01-03T18:00'],
    ['فجر اليوم', 'فجر اليوم', THURSDAY, '2022-01-06T03:00/2022-01-06T06:00'],
    ['صباح اليوم', 'صباح اليوم', THURSDAY, '2022-01-06T06:00/2022-01-06T12:00'],
    ['ومساء أمس', 'ومساء أمس', THURSDAY, '2022-01-05T18:00/2022-01-06T00:00'],
    ['with the weekday in apposition', 'مساء أمس الأربعاء', THURSDAY, '2022-01-05T18:00/2022-01-06T00:00'],
    ['صباح اليوم الخميس', 'صباح اليوم الخميس', THURSDAY, '2022-01-06T06:00/2022-01-06T12:00'],
    ['مساء أمس across a month', 'مساء أمس', '2022-03-01', '2022-02-28T18:00/2022-03-01T00:00'],
    ['ليلة أمس', 'ليلة أمس', THURSDAY, '2022-01-05T18:00/2022-01-06T06:00'],
    ['صباح الغد', 'صباح الغد', THURSDAY, '2022-01-07T06:00/2022-01-07T12:00'],
    ['الليلة الماضية', 'الليلة الماضية', THURSDAY, '2022-01-05T18:00/2022-01-06T06:00'],
    ['الليلة الماضية on New Year', 'الليلة الماضية', '2022-01-01', '2021-12-31T18:00/2022-01-01T06:00'],
    ['ليل الخميس', 'ليل الخميس', THURSDAY, '2022-01-06T18:00/2022-01-07T06:00'],
    ['ليل الأربعاء الخميس', 'ليل الأربعاء الخميس', THURSDAY, '2022-01-05T18:00/2022-01-06T06:00'],
    ['ليلة الأربعاء إلى الخميس', 'ليلة الأربعاء إلى الخميس', THURSDAY, '2022-01-05T18:00/2022-01-06T06:00'],
    ['ليل الأربعاء-الخميس', 'ليل الأربعاء-الخميس', THURSDAY, '2022-01-05T18:00/2022-01-06T06:00'],
    ['صباح الخميس الماضي', 'صباح الخميس الماضي', THURSDAY, '2021-12-30T06:00/2021-12-30T12:00'],
    ['مساء الأحد المقبل', 'مساء الأحد المقبل', THURSDAY, '2022-01-09T18:00/2022-01-10T00:00'],
    ['هذا الصباح', 'هذا الصباح', THURSDAY, '2022-01-06T06:00/2022-01-06T12:00'],
    ['الليلة', 'الليلة', THURSDAY, '2022-01-06T18:00/2022-01-07T06:00'],
    ['before a date', 'صباح 5 يناير', THURSDAY, '2022-01-05T06:00/2022-01-05T12:00'],
  ])('%s', (_label, text, anchor, value) => {
    expect(only(text, anchor)).toEqual([text, value, 'part-of-day']);
  });

  it('does not read «تلك الليلة» as tonight', () => {
    expect(findTimes('في تلك الليلة', THURSDAY)).toEqual([]);
  });
});

describe('findTimes: weekdays', () => {
  it.each([
    ['الخميس', THURSDAY, '2022-01-06'],
    ['الجمعة', THURSDAY, '2021-12-31'],
    ['يوم الأحد', THURSDAY, '2022-01-02'],
    ['والسبت', THURSDAY, '2022-01-01'],
    ['الإثنين', THURSDAY, '2022-01-03'],
    ['الخميس الماضي', THURSDAY, '2021-12-30'],
    ['الخميس المقبل', THURSDAY, '2022-01-13'],
    ['الجمعة المقبلة', THURSDAY, '2022-01-07'],
    ['الأربعاء القادم', THURSDAY, '2022-01-12'],
    ['الثلاثاء الماضي', '2024-03-01', '2024-02-27'],
  ])('%s (anchor %s)', (text, anchor, value) => {
    expect(only(text, anchor)).toEqual([text, value, 'day']);
  });
});

describe('findTimes: weeks, months, years', () => {
  it.each([
    ['الأسبوع الماضي', THURSDAY, '2021-W52', 'week'],
    ['الأسبوع المقبل', THURSDAY, '2022-W02', 'week'],
    ['للأسبوع المقبل', THURSDAY, '2022-W02', 'week'],
    ['هذا الأسبوع', THURSDAY, '2022-W01', 'week'],
    ['الأسبوع الماضي', '2022-01-01', '2021-W51', 'week'], // 1 January 2022 is in ISO week 2021-W52
    ['الأسبوع المقبل', '2020-12-31', '2021-W01', 'week'],
    ['الشهر الماضي', THURSDAY, '2021-12', 'month'],
    ['الشهر المقبل', '2022-12-15', '2023-01', 'month'],
    ['الشهر الجاري', THURSDAY, '2022-01', 'month'],
    ['العام الماضي', THURSDAY, '2021', 'year'],
    ['العام المقبل', THURSDAY, '2023', 'year'],
    ['العام المقبل', '2020-12-31', '2021', 'year'],
    ['السنة الماضية', THURSDAY, '2021', 'year'],
    ['هذا العام', THURSDAY, '2022', 'year'],
    ['العام الجاري', THURSDAY, '2022', 'year'],
  ])('%s (anchor %s)', (text, anchor, value, granularity) => {
    expect(only(text, anchor)).toEqual([text, value, granularity]);
  });

  it.each([
    ['في يناير الماضي', 'يناير الماضي', THURSDAY, '2021-01'],
    ['في يناير الماضي', 'يناير الماضي', '2022-03-10', '2022-01'],
    ['في مارس المقبل', 'مارس المقبل', THURSDAY, '2022-03'],
    ['في ديسمبر المقبل', 'ديسمبر المقبل', '2022-12-20', '2023-12'],
    ['في ديسمبر', 'ديسمبر', THURSDAY, '2021-12'],
    ['في فبراير', 'فبراير', THURSDAY, '2022-02'],
    ['في شهر آب', 'شهر آب', '2022-09-01', '2022-08'],
    ['منذ تشرين الأول الماضي', 'تشرين الأول الماضي', THURSDAY, '2021-10'],
    ['مطلع جانفي الجاري', 'جانفي الجاري', THURSDAY, '2022-01'],
    ['خلال أيار/مايو المقبل', 'أيار/مايو المقبل', THURSDAY, '2022-05'],
    ['منذ كانون الأول/ديسمبر الماضي', 'كانون الأول/ديسمبر الماضي', THURSDAY, '2021-12'],
    ['بحلول نهاية آب/أغسطس', 'آب/أغسطس', '2022-09-01', '2022-08'],
    ['نهاية مارس/آذار', 'مارس/آذار', THURSDAY, '2022-03'],
  ])('%s', (text, span, anchor, value) => {
    expect(only(text, anchor)).toEqual([span, value, 'month']);
  });

  it.each([['مارس الرئيس ضغوطا كبيرة'], ['زار آب الأسرة'], ['يناير']])('a bare month-like word is not a month: %s', (text) => {
    expect(findTimes(text, THURSDAY)).toEqual([]);
  });

  it.each([
    ['عام 2021', 'عام 2021', '2021'],
    ['في العام 2021', 'العام 2021', '2021'],
    ['منذ عام 2011', 'عام 2011', '2011'],
    ['وفي 2019 أعلنت', '2019', '2019'],
    ['منذ ٢٠١١', '٢٠١١', '2011'],
    ['خلال سنة 2020م', 'سنة 2020م', '2020'],
  ])('year: %s', (text, span, value) => {
    expect(only(text)).toEqual([span, value, 'year']);
  });

  it.each([['شارك 2500 متظاهر'], ['في 1443 هـ'], ['في 12 مسيرة']])('not a year: %s', (text) => {
    expect(findTimes(text, THURSDAY).filter((t) => t.granularity === 'year')).toEqual([]);
  });
});

describe('findTimes: counted spans', () => {
  it.each([
    ['قبل يومين', THURSDAY, '2022-01-04', 'day'],
    ['منذ يومين', THURSDAY, '2022-01-04', 'day'],
    ['قبل يوم', THURSDAY, '2022-01-05', 'day'],
    ['قبل ثلاثة أيام', THURSDAY, '2022-01-03', 'day'],
    ['قبل 3 أيام', '2022-03-02', '2022-02-27', 'day'],
    ['قبل ٣ أيام', '2024-03-02', '2024-02-28', 'day'],
    ['منذ عشرة أيام', THURSDAY, '2021-12-27', 'day'],
    ['قبل نحو أسبوعين', THURSDAY, '2021-W51', 'week'],
    ['منذ أسبوعين', THURSDAY, '2021-W51', 'week'],
    ['قبل شهرين', THURSDAY, '2021-11', 'month'],
    ['منذ ثلاثة أشهر', THURSDAY, '2021-10', 'month'],
    ['قبل عامين', THURSDAY, '2020', 'year'],
    ['منذ 20 عامًا', THURSDAY, '2002', 'year'],
    ['بعد يومين', THURSDAY, '2022-01-08', 'day'],
    ['بعد أسبوع', THURSDAY, '2022-W02', 'week'],
  ])('%s', (text, anchor, value, granularity) => {
    expect(only(text, anchor)).toEqual([text, value, granularity]);
  });

  it('resolves hours against an anchor with a clock time, keeping its offset', () => {
    expect(only('قبل ساعتين', '2022-01-06T01:30:00+03:00')).toEqual(['قبل ساعتين', '2022-01-05T23:30:00+03:00', 'instant']);
  });

  it.each([['قبل عام من الانتخابات'], ['بعد يومين من الهجوم'], ['قبل يوم الخميس'], ['منذ سنوات']])(
    'a span tied to another event (or uncounted) is not resolved against the anchor: %s',
    (text) => {
      expect(findTimes(text, THURSDAY).filter((t) => t.text.startsWith('قبل') || t.text.startsWith('بعد') || t.text.startsWith('منذ'))).toEqual([]);
    },
  );

  it.each([
    ['خلال الأيام الثلاثة الماضية', THURSDAY, '2022-01-03/2022-01-06'],
    ['في الأيام الخمسة المقبلة', THURSDAY, '2022-01-06/2022-01-11'],
    ['خلال الـ24 ساعة الماضية', THURSDAY, '2022-01-05/2022-01-06'],
    ['خلال الساعات الـ48 الماضية', THURSDAY, '2022-01-04/2022-01-06'],
    ['خلال الأسابيع الثلاثة الماضية', THURSDAY, '2021-12-16/2022-01-06'],
    ['خلال الأشهر الستة الماضية', '2022-08-31', '2022-02-28/2022-08-31'],
    ['خلال الأيام الثلاثة الماضية', '2022-03-02', '2022-02-27/2022-03-02'],
  ])('%s (anchor %s)', (text, anchor, value) => {
    expect(only(text, anchor)).toEqual([text, value, 'interval']);
  });
});

describe('findTimes: clock times', () => {
  it.each([
    ['الساعة العاشرة صباحًا', '2022-01-06T10:00:00', 'hour'],
    ['الساعة العاشرة مساءً', '2022-01-06T22:00:00', 'hour'],
    ['الساعة الثانية ظهرا', '2022-01-06T14:00:00', 'hour'],
    ['الساعة الحادية عشرة ليلا', '2022-01-06T23:00:00', 'hour'],
    ['الساعة الثامنة والنصف مساء', '2022-01-06T20:30:00', 'instant'],
    ['الساعة الثامنة إلا ربعا صباحا', '2022-01-06T07:45:00', 'instant'],
    ['الساعة 10:30', '2022-01-06T10:30:00', 'instant'],
    ['الساعة ١٠:٣٠ مساء', '2022-01-06T22:30:00', 'instant'],
    ['الساعة الـ10 صباحا', '2022-01-06T10:00:00', 'hour'],
    ['الساعة 7,30 ت غ', '2022-01-06T07:30:00+00:00', 'instant'],
    ['الساعة الثامنة والنصف مساء بتوقيت مكة', '2022-01-06T20:30:00+03:00', 'instant'],
    ['10:30 صباحا', '2022-01-06T10:30:00', 'instant'],
    ['22:15 بتوقيت غرينتش', '2022-01-06T22:15:00+00:00', 'instant'],
  ])('%s', (text, value, granularity) => {
    expect(only(text)).toEqual([text, value, granularity]);
  });

  it.each([
    ['الساعة العاشرة من مساء الخميس', '2022-01-06T22:00:00', 'hour'],
    ['الساعة العاشرة من صباح أمس', '2022-01-05T10:00:00', 'hour'],
    ['الساعة العاشرة مساء الأربعاء', '2022-01-05T22:00:00', 'hour'],
    ['أمس الساعة 10:30', '2022-01-05T10:30:00', 'instant'],
    ['صباح الخميس الماضي عند الساعة التاسعة', '2021-12-30T09:00:00', 'hour'],
    ['في 3 يناير الساعة 10:15', '2022-01-03T10:15:00', 'instant'],
  ])('a clock joins its day: %s', (text, value, granularity) => {
    const [t] = findTimes(text, THURSDAY);
    expect(findTimes(text, THURSDAY)).toHaveLength(1);
    expect([t?.value, t?.granularity]).toEqual([value, granularity]);
  });

  it.each([['النتيجة 2:1'], ['الآية 10:30 من السورة']])('a bare ratio is not a time: %s', (text) => {
    expect(findTimes(text, THURSDAY)).toEqual([]);
  });
});

describe('findTimes: explicit dates', () => {
  it.each([
    ['وقع في 6 يناير 2022', '6 يناير 2022', '2022-01-06', 'day'],
    ['الخميس 6 كانون الثاني 2022', 'الخميس 6 كانون الثاني 2022', '2022-01-06', 'day'],
    ['في ٦ جانفي ٢٠٢٢', '٦ جانفي ٢٠٢٢', '2022-01-06', 'day'],
    ['بتاريخ 06/01/2022', '06/01/2022', '2022-01-06', 'day'],
    ['الموافق 3 جمادى الآخرة 1443 هـ', '3 جمادى الآخرة 1443 هـ', '2022-01-06', 'day'],
    ['في يناير 2021', 'يناير 2021', '2021-01', 'month'],
    ['في 6 يناير 2022 - 10:30 م', '6 يناير 2022 - 10:30 م', '2022-01-06T22:30:00', 'instant'],
  ])('%s', (text, span, value, granularity) => {
    expect(only(text)).toEqual([span, value, granularity]);
  });

  it.each([
    ['في 6 يناير', THURSDAY, '6 يناير', '2022-01-06'],
    ['في 20 ديسمبر', THURSDAY, '20 ديسمبر', '2021-12-20'],
    ['في 10 يناير', THURSDAY, '10 يناير', '2022-01-10'],
    ['في 20 ديسمبر المقبل', THURSDAY, '20 ديسمبر المقبل', '2022-12-20'],
    ['في 10 يناير الماضي', THURSDAY, '10 يناير الماضي', '2021-01-10'],
    ['في 29 فبراير', '2024-03-10', '29 فبراير', '2024-02-29'],
    ['في 2 كانون الثاني', '2021-12-30', '2 كانون الثاني', '2022-01-02'],
  ])('yearless %s (anchor %s)', (text, anchor, span, value) => {
    expect(only(text, anchor)).toEqual([span, value, 'day']);
  });

  it('keeps explicit dates when the anchor is null, and nulls relative ones', () => {
    const found = findTimes('قال أمس إن هجوم 6 يناير 2022 وقع صباح الخميس', null);
    expect(found.map((t) => [t.text, t.value, t.granularity])).toEqual([
      ['أمس', null, 'day'],
      ['6 يناير 2022', '2022-01-06', 'day'],
      ['صباح الخميس', null, 'part-of-day'],
    ]);
  });

  it('treats an unreadable anchor as null', () => {
    expect(findTimes('أمس', 'not a date')[0]?.value).toBeNull();
    expect(findTimes('أمس', '2022-02-30')[0]?.value).toBeNull();
  });

  it('accepts a date-time anchor and uses its calendar day', () => {
    expect(findTimes('أمس', '2022-01-06T01:00:00+03:00')[0]?.value).toBe('2022-01-05');
  });
});

describe('findTimes: corpus-driven regressions', () => {
  it.each([
    ['قالت الوزارة اليوم الخميس إن', 'اليوم الخميس', '2022-01-06'],
    ['توفي أمس الأربعاء في', 'أمس الأربعاء', '2022-01-05'],
    ['توفي أمس، الأربعاء، في', 'أمس، الأربعاء', '2022-01-05'],
    ['وقالت بالأمس الأربعاء', 'بالأمس الأربعاء', '2022-01-05'],
  ])('a day word and its weekday are one expression: %s', (text, span, value) => {
    expect(only(text)).toEqual([span, value, 'day']);
  });

  it.each([['تتحسن الأوضاع يومًا بعد يوم'], ['يزداد عامًا بعد عام']])('«X بعد X» is not a date: %s', (text) => {
    expect(findTimes(text, THURSDAY)).toEqual([]);
  });

  it.each([['أعلن ذلك بعد يوم واحد من الاتفاق'], ['عاد بعد عام ونصف من اختفائه']])('a count tied to an event: %s', (text) => {
    expect(findTimes(text, THURSDAY)).toEqual([]);
  });

  it.each([['بعد صلاة الجمعة تجمع المصلون'], ['ألقى خطبة الجمعة']])('the Friday prayer is not a dated Friday: %s', (text) => {
    expect(findTimes(text, THURSDAY)).toEqual([]);
  });

  it.each([['غاب خلال الأيام الثلاثة السابقة لزيارته'], ['في الأسبوع التالي للهجوم'], ['في الخميس السابق على الاقتراع']])(
    '«السابق/التالي» tied to an event: %s',
    (text) => {
      expect(findTimes(text, THURSDAY)).toEqual([]);
    },
  );

  it('does not read «الليلة نفسها» as tonight', () => {
    expect(findTimes('عاد في الليلة نفسها', THURSDAY)).toEqual([]);
  });

  it.each([
    ['بعد ظهر الخميس', '2022-01-06T15:00/2022-01-06T18:00'],
    ['صبيحة الأربعاء', '2022-01-05T06:00/2022-01-05T12:00'],
  ])('%s', (text, value) => {
    expect(only(text)).toEqual([text, value, 'part-of-day']);
  });

  it('reads minutes in digits after an hour word', () => {
    expect(only('عند الساعة التاسعة و45 دقيقة صباحا')).toEqual(['الساعة التاسعة و45 دقيقة صباحا', '2022-01-06T09:45:00', 'instant']);
  });

  it('leaves the space after a zone out of the span', () => {
    expect(only('في الساعة 20.00 بتوقيت جرينتش مساء')[0]).toBe('الساعة 20.00 بتوقيت جرينتش');
  });
});

describe('findTimes: a sentence', () => {
  it('finds every expression in order, with spans into the original text', () => {
    const text = 'وقالت الشرطة أمسِ إن المحتجين تجمعوا مساء الأربعاء، وإن الاحتجاجات مستمرة منذ أسبوعين، وستُعقد جلسة الأحد المقبل.';
    const found = findTimes(text, THURSDAY);
    expect(found.map((t) => [t.text, t.value])).toEqual([
      ['أمسِ', '2022-01-05'],
      ['مساء الأربعاء', '2022-01-05T18:00/2022-01-06T00:00'],
      ['منذ أسبوعين', '2021-W51'],
      ['الأحد المقبل', '2022-01-09'],
    ]);
    for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.text);
  });

  it('returns nothing for empty or non-string text', () => {
    expect(findTimes('', THURSDAY)).toEqual([]);
    expect(findTimes(undefined as unknown as string, THURSDAY)).toEqual([]);
  });
});

describe('resolveWeekday', () => {
  it.each([
    [4, 'past', '2022-01-06'],
    [4, 'future', '2022-01-06'],
    [4, 'nearest', '2022-01-06'],
    [0, 'past', '2022-01-02'],
    [0, 'future', '2022-01-09'],
    [0, 'nearest', '2022-01-09'],
    [3, 'nearest', '2022-01-05'],
    [5, 'past', '2021-12-31'],
    [5, 'future', '2022-01-07'],
  ] as const)('weekday %d, %s, from Thursday 2022-01-06', (weekday, direction, value) => {
    expect(resolveWeekday(THURSDAY, weekday, direction)).toBe(value);
  });

  it('crosses a leap day', () => {
    expect(resolveWeekday('2024-03-01', 4, 'past')).toBe('2024-02-29');
  });

  it.each([
    ['not-a-date', 4],
    [THURSDAY, 7],
    [THURSDAY, 1.5],
  ])('throws E_DATE on anchor %j, weekday %d', (anchor, weekday) => {
    expect(() => resolveWeekday(anchor, weekday, 'past')).toThrow(MarsadError);
    try {
      resolveWeekday(anchor, weekday, 'past');
    } catch (error) {
      expect((error as MarsadError).code).toBe('E_DATE');
    }
  });
});

describe('isoWeek', () => {
  it.each([
    [{ year: 2022, month: 1, day: 1 }, '2021-W52'],
    [{ year: 2022, month: 1, day: 3 }, '2022-W01'],
    [{ year: 2020, month: 12, day: 31 }, '2020-W53'],
    [{ year: 2019, month: 12, day: 30 }, '2020-W01'],
  ])('%o → %s', (date, week) => {
    expect(isoWeek(date)).toBe(week);
  });
});

describe('findTimes: future cues', () => {
  it.each([
    ['ستقام المباراة السبت', 'السبت', '2022-01-08'],
    ['وسيلتقي الوزيران يوم الأحد', 'يوم الأحد', '2022-01-09'],
    ['من المقرر أن يصل صباح الخميس', 'صباح الخميس', '2022-01-06T06:00/2022-01-06T12:00'],
    ['من المقرر أن يصل صباح الأربعاء', 'صباح الأربعاء', '2022-01-12T06:00/2022-01-12T12:00'],
    ['ستعقد الانتخابات في ديسمبر', 'ديسمبر', '2022-12'],
    ['ستعقد القمة في 3 يناير', '3 يناير', '2023-01-03'],
    ['ستعقد القمة في 6 يناير', '6 يناير', '2022-01-06'],
    ['بدأ الرئيس جولة خليجية على أن يختتمها في الرياض يوم السبت', 'يوم السبت', '2022-01-08'],
  ])('%s', (text, span, value) => {
    const [t] = findTimes(text, THURSDAY);
    expect([t?.text, t?.value]).toEqual([span, value]);
  });

  it.each([
    ['أقيمت المباراة السبت', '2022-01-01'],
    ['فاز مانشستر سيتي السبت', '2022-01-01'],
    ['ستقام المباراة. وكان الفريق قد تدرب السبت', '2022-01-01'],
    ['اعترض على أنه استبعد السبت', '2022-01-01'],
  ])('no cue (or a cue in another sentence) keeps the past: %s', (text, value) => {
    expect(findTimes(text, THURSDAY)[0]?.value).toBe(value);
  });

  it('merges «بعد غد» with its weekday', () => {
    expect(only('ستقام بعد غد السبت')).toEqual(['بعد غد السبت', '2022-01-08', 'day']);
  });
});

describe('findTimes: pathological input', () => {
  // Regression: «6», 20,000 spaces, «يناير» once took 8 s (a «\\s*,?\\s*» separator backtracked quadratically).
  it.each([
    ['a long space run inside a date', '6' + ' '.repeat(20000) + 'يناير'],
    ['a long space run after a month', 'في يناير' + ' '.repeat(20000) + 'x'],
    ['thousands of matches', 'قالت الشرطة أمس إن المحتجين تجمعوا مساء الأربعاء 5 يناير. '.repeat(3000)],
  ])('%s stays fast', (_label, text) => {
    const t0 = performance.now();
    findTimes(text, THURSDAY);
    expect(performance.now() - t0).toBeLessThan(10_000);
  });
});

describe('findTimes: fuzz', () => {
  const VALUE = /^(\d{4}(-W\d{2}|-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2}([+-]\d{2}:\d{2})?)?)?)?)?)(\/\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?)?$/;
  const pieces = fc.constantFrom(
    'أمس', 'وأمس', 'أول', 'من', 'صباح', 'مساء', 'ليل', 'الخميس', 'الأربعاء', 'يوم', 'الماضي', 'المقبل', 'الأسبوع',
    'قبل', 'منذ', 'بعد', 'يومين', 'ثلاثة', 'أيام', 'خلال', 'الأيام', 'الثلاثة', 'الماضية', 'الساعة', 'العاشرة',
    'والنصف', 'صباحًا', '10:30', '٦', 'يناير', '2022', 'في', 'عام', 'هـ', 'جمادى الآخرة', '1443', '/', '-', '،', ' ', 'َ', 'ـ',
  );
  const texts = fc.oneof(fc.string(), fc.array(pieces, { maxLength: 15 }).map((a) => a.join(' ')), fc.array(pieces, { maxLength: 15 }).map((a) => a.join('')));
  const anchors = fc.oneof(fc.constant(null), fc.constant(THURSDAY), fc.constant('2024-02-29T23:30:00+03:00'), fc.string());

  it('never throws; spans are ordered, disjoint, in range and match their text; values are ISO', () => {
    fc.assert(
      fc.property(texts, anchors, (text, anchor) => {
        const found = findTimes(text, anchor);
        let last = 0;
        for (const t of found) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(t.start, t.end)).toBe(t.text);
          if (t.value !== null) expect(t.value).toMatch(VALUE);
          last = t.end;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
