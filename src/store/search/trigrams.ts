// Character trigrams of folded names: what the FTS5 trigram index matches, and the similarity we rank its candidates by.

/** The distinct trigrams of a folded name, padded with spaces so the first and last letters weigh as much as the middle. */
export function trigramsOf(folded: string): Set<string> {
  const out = new Set<string>();
  const s = folded.trim();
  if (s.length < 3) return out;
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

/**
 * Jaccard similarity of two trigram sets: «كاسباروف» and «كسباروف» share «سبا بار ارو روف» (4 of 7),
 * while unrelated names of the same length share none.
 */
export function trigramSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return shared / (a.size + b.size - shared);
}
