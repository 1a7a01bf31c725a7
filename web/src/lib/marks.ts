// Splits a text at highlight offsets into plain and marked runs, for <mark> rendering as text (search snippets, titles).

export interface Run {
  text: string;
  mark: boolean;
}

/** The runs of `text` with the (possibly overlapping, unsorted, out-of-range) `highlights` merged and marked. */
export function splitMarks(text: string, highlights: ReadonlyArray<{ start: number; end: number }>): Run[] {
  const spans = highlights
    .map((h) => ({ start: Math.max(0, Math.min(text.length, h.start)), end: Math.max(0, Math.min(text.length, h.end)) }))
    .filter((h) => h.end > h.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const runs: Run[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.end <= at) continue;
    const start = Math.max(span.start, at);
    if (start > at) runs.push({ text: text.slice(at, start), mark: false });
    const last = runs[runs.length - 1];
    if (last?.mark && start === at) last.text += text.slice(start, span.end);
    else runs.push({ text: text.slice(start, span.end), mark: true });
    at = span.end;
  }
  if (at < text.length) runs.push({ text: text.slice(at), mark: false });
  return runs;
}
