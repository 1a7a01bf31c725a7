// End to end with the shipped resources: the bundled sample analyses into valid, offset-exact Analyses.
import { describe, expect, it } from 'vitest';
import { Analysis, type Span } from '../../src/model/analysis.js';
import { createAnalyzer } from '../../src/engine/analyzer.js';
import { defaultResourcesDir, loadAnalyzerResources } from '../../src/engine/resources.js';
import { readInputs } from '../../src/ingest/index.js';

function sourceOf(analysis: Analysis, span: Span & { text?: string }): string {
  const { article } = analysis;
  const field = span.field === 'title' ? article.title : span.field === 'caption' ? article.caption : article.text;
  return (field ?? '').slice(span.start, span.end);
}

describe('analyse the bundled sample with the shipped resources', async () => {
  const resources = await loadAnalyzerResources(defaultResourcesDir());
  const analyzer = createAnalyzer(resources, { onError: 'fail' });
  const analyses: Analysis[] = [];
  for await (const r of readInputs(['fixtures/sample'])) {
    if (!r.ok) throw r.error;
    analyses.push(analyzer.analyze(r.article).analysis);
  }

  it('reads every sample article', () => {
    expect(analyses.length).toBeGreaterThanOrEqual(3);
  });

  it('emits output that validates against the contract', () => {
    for (const a of analyses) expect(Analysis.safeParse(a).error).toBeUndefined();
  });

  it('keeps every span exact: the slice equals the span text', () => {
    for (const a of analyses) {
      const spans: Array<Span & { text: string }> = [
        ...a.entities.flatMap((e) => e.mentions),
        ...a.times,
        ...a.quotes.map((q) => q.content),
        ...a.events.map((e) => e.evidence),
      ];
      for (const s of spans) expect(sourceOf(a, s)).toBe(s.text);
    }
  });

  it('finds the people, places and times a reader would', () => {
    const kz = analyses.find((a) => a.article.text.includes('ألماتا'));
    expect(kz).toBeDefined();
    const names = kz!.entities.map((e) => e.name.ar);
    expect(names).toEqual(expect.arrayContaining(['ألماتا', 'كازاخستان']));
    expect(kz!.entities.some((e) => e.type === 'PER' && e.mentions.some((m) => m.text.includes('توكاييف')))).toBe(true);
    expect(kz!.times.find((t) => t.text.includes('أمس'))?.value).toBe('2022-01-06');
  });
});
