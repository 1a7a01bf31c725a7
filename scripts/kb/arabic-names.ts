// Which Arabic-script strings from GeoNames look like Arabic (not Persian, Urdu, Kurdish or Uyghur) spellings.

/** Letters of the basic Arabic alphabet ء (U+0621) to ي (U+064A), hamza and آ included. */
const ARABIC_LETTER = /^[\u0621-\u063A\u0641-\u064A]$/u;
/** Harakat (U+064B–U+0652) are allowed in a name but carry no letters. */
const HARAKA = /^[\u064B-\u0652]$/u;

/**
 * True when every character is a basic Arabic letter, a haraka, a space or a hyphen, so a string with
 * Persian/Urdu-only letters (پ چ ژ گ ک ی ہ ۇ ە ٱ) is rejected: «آلماتی» (Persian ye) is dropped,
 * «ألماتي» is kept.
 */
export function isArabicPlausible(name: string): boolean {
  if (name.length < 2) return false;
  let letters = 0;
  for (const ch of name) {
    if (ARABIC_LETTER.test(ch)) letters++;
    else if (!(ch === ' ' || ch === '-' || HARAKA.test(ch))) return false;
  }
  return letters >= 2;
}
