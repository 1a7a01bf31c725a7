// Tests of sentence splitting: terminators, line breaks, quotes, abbreviations, numbers and URLs.
import { describe, expect, it } from 'vitest';
import { splitSentences } from './sentences.js';

function sentences(text: string): string[] {
  return splitSentences(text).map((s) => text.slice(s.start, s.end));
}

describe('splitSentences', () => {
  const cases: [string, string, string[]][] = [
    ['full stops', 'وصل الوفد إلى القاهرة. وبدأت المحادثات.', ['وصل الوفد إلى القاهرة.', 'وبدأت المحادثات.']],
    ['Arabic question mark', 'هل تنتهي الأزمة؟ لا أحد يعرف.', ['هل تنتهي الأزمة؟', 'لا أحد يعرف.']],
    ['exclamation run', 'يا للهول!!؟ انهار الجسر.', ['يا للهول!!؟', 'انهار الجسر.']],
    ['ellipsis', 'وانتظر الجميع... ثم جاء الخبر.', ['وانتظر الجميع...', 'ثم جاء الخبر.']],
    ['unicode ellipsis', 'وانتظر الجميع… ثم جاء الخبر.', ['وانتظر الجميع…', 'ثم جاء الخبر.']],
    ['two dots are a pause', 'لأول مرة.. فريقان يلتقيان في النهائي', ['لأول مرة.. فريقان يلتقيان في النهائي']],
    ['line break', 'عنوان الخبر\nنص الخبر يبدأ هنا', ['عنوان الخبر', 'نص الخبر يبدأ هنا']],
    ['blank line', 'فقرة أولى بلا نقطة\n\nفقرة ثانية.', ['فقرة أولى بلا نقطة', 'فقرة ثانية.']],
    ['Windows line break', 'سطر أول\r\nسطر ثان', ['سطر أول', 'سطر ثان']],
    ['doctor', 'قال د. محمد علي إن الوضع مستقر.', ['قال د. محمد علي إن الوضع مستقر.']],
    ['engineer and professor', 'حضر م. أحمد و أ. سعاد الاجتماع.', ['حضر م. أحمد و أ. سعاد الاجتماع.']],
    ['company initials', 'وقعت شركة النور ش.م.م. عقدا جديدا.', ['وقعت شركة النور ش.م.م. عقدا جديدا.']],
    ['post box', 'العنوان ص.ب. 1234 الرياض.', ['العنوان ص.ب. 1234 الرياض.']],
    ['era after a year ends', 'ولد عام 1950 م. وتوفي لاحقا.', ['ولد عام 1950 م.', 'وتوفي لاحقا.']],
    ['era initials after a year', 'بني المعبد عام 300 ق.م. وما زال قائما.', ['بني المعبد عام 300 ق.م.', 'وما زال قائما.']],
    ['glued acronym', 'وقالت بي.بي.سي إن الخبر صحيح.', ['وقالت بي.بي.سي إن الخبر صحيح.']],
    ['spaced acronym', 'ونقلت سي. إن. إن عن مسؤول.', ['ونقلت سي. إن. إن عن مسؤول.']],
    ['acronym ends a sentence', 'أكدت ذلك بي.بي.سي. وأضافت أن الوفد وصل.', ['أكدت ذلك بي.بي.سي.', 'وأضافت أن الوفد وصل.']],
    ['leading ellipsis', 'انتهى الاجتماع.\n... ثم عاد الوفد.', ['انتهى الاجتماع.', '... ثم عاد الوفد.']],
    ['numbered list item', '9. وثيقة تأمين السفر', ['9. وثيقة تأمين السفر']],
    ['number at the end', 'وصل عدد الضحايا إلى 12. وأضاف المصدر.', ['وصل عدد الضحايا إلى 12.', 'وأضاف المصدر.']],
    ['professor doctor', 'حاضر أ.د. خالد في الجامعة.', ['حاضر أ.د. خالد في الجامعة.']],
    ['hijri with tatweel', 'في عام 1441 هـ. بدأ المشروع.', ['في عام 1441 هـ.', 'بدأ المشروع.']],
    ['Latin title', 'التقى Mr. Smith بالوزير.', ['التقى Mr. Smith بالوزير.']],
    ['Latin initials', 'أعلن الجيش U.S. Army أمس.', ['أعلن الجيش U.S. Army أمس.']],
    ['decimal number', 'بلغ النمو 3.5 في المئة. وهذا رقم قياسي.', ['بلغ النمو 3.5 في المئة.', 'وهذا رقم قياسي.']],
    ['Arabic decimal', 'بلغ النمو ٣٫٥ بالمئة. وهذا مرتفع.', ['بلغ النمو ٣٫٥ بالمئة.', 'وهذا مرتفع.']],
    ['URL', 'التفاصيل على www.example.com/a.html اليوم. شكرا.', ['التفاصيل على www.example.com/a.html اليوم.', 'شكرا.']],
    [
      'no break inside guillemets',
      'وقال الوزير: «سنعود. لن نستسلم» ثم غادر القاعة.',
      ['وقال الوزير: «سنعود. لن نستسلم» ثم غادر القاعة.'],
    ],
    [
      'no break inside straight quotes',
      'وقال الناطق: "انتهت الجولة. نأمل بالمزيد" وأضاف أن المحادثات مستمرة.',
      ['وقال الناطق: "انتهت الجولة. نأمل بالمزيد" وأضاف أن المحادثات مستمرة.'],
    ],
    [
      'a quote that ends the sentence',
      'وقال الوزير: «لن نتراجع.» وغادر بعدها.',
      ['وقال الوزير: «لن نتراجع.»', 'وغادر بعدها.'],
    ],
    [
      'terminator after the closing quote',
      'وقال الوزير: «سنعود. لن نستسلم». ثم غادر.',
      ['وقال الوزير: «سنعود. لن نستسلم».', 'ثم غادر.'],
    ],
    [
      'an unbalanced quote does not swallow the paragraph',
      'قال المسؤول " إن الأمر انتهى. وبدأت مرحلة جديدة.',
      ['قال المسؤول " إن الأمر انتهى.', 'وبدأت مرحلة جديدة.'],
    ],
    ['closing bracket stays', 'زار الوفد مصر (والأردن.) ثم عاد.', ['زار الوفد مصر (والأردن.)', 'ثم عاد.']],
    ['no terminator at the end', 'وصل الوفد. وبدأت المحادثات', ['وصل الوفد.', 'وبدأت المحادثات']],
  ];
  it.each(cases)('%s', (_name, text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it('returns nothing for blank text', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('  \n \n ')).toEqual([]);
  });

  it('returns trimmed, ordered, non-overlapping spans covering every non-space char', () => {
    const text = '  خبر عاجل\n\n  وصل الوفد إلى دمشق.   قال د. سامي: «نعم».  \nانتهى  ';
    const spans = splitSentences(text);
    let prevEnd = 0;
    const covered = new Array<boolean>(text.length).fill(false);
    for (const s of spans) {
      expect(s.start).toBeGreaterThanOrEqual(prevEnd);
      expect(s.end).toBeGreaterThan(s.start);
      expect(text.slice(s.start, s.end)).toBe(text.slice(s.start, s.end).trim());
      for (let i = s.start; i < s.end; i++) covered[i] = true;
      prevEnd = s.end;
    }
    for (let i = 0; i < text.length; i++) if (!/\s/.test(text[i] as string)) expect(covered[i]).toBe(true);
  });
});
