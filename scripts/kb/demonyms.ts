// Nationality adjectives (nisba) from Arabic country names: روسيا → روسي، كازاخستان → كازاخستاني.

const ARTICLE = 'ال';

/**
 * The masculine nisba of a one-word country name, or null when the rule does not apply (multi-word
 * names such as «الولايات المتحدة» need a curated adjective). The article goes first («الصين» → صيني),
 * then a final «يا» or «ا» (روسيا → روسي، فرنسا → فرنسي) or «ة/ه» (السعودية → سعودي) before adding «ي».
 */
export function nisbaOf(countryName: string): string | null {
  let stem = countryName.trim();
  if (stem.includes(' ')) return null;
  if (stem.startsWith(ARTICLE) && stem.length > 4) stem = stem.slice(ARTICLE.length);
  if (stem.endsWith('يا')) stem = stem.slice(0, -2);
  else if (stem.endsWith('ا') || stem.endsWith('ة') || stem.endsWith('ى')) stem = stem.slice(0, -1);
  else if (stem.endsWith('ي')) return null; // «مالي»، «جيبوتي»: the nisba is not formed by adding ي
  if (stem.length < 2) return null;
  return stem + 'ي';
}

/**
 * Every surface form of a masculine adjective: with and without the article, feminine (+ة), and sound
 * plurals (+ون، +ين). Multi-word adjectives inflect each word («كوري جنوبي» → «الكورية الجنوبية»).
 */
export function adjectiveForms(masculine: string): string[] {
  const words = masculine.split(' ');
  const inflect = (suffix: string, article: boolean) =>
    words.map((w) => (article ? ARTICLE : '') + w + suffix).join(' ');
  const forms = new Set<string>();
  for (const suffix of ['', 'ة', 'ون', 'ين']) {
    forms.add(inflect(suffix, false));
    forms.add(inflect(suffix, true));
  }
  return [...forms];
}
