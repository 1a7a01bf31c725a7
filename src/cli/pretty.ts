// A readable, plain-text rendering of an Analysis for people at a terminal.
import type { Analysis } from '../model/analysis.js';

export function formatPretty(analysis: Analysis): string {
  const { article } = analysis;
  const lines: string[] = [];
  const field = (label: string, value: string | null | undefined) => {
    if (value) lines.push(`${label.padEnd(10)} ${value}`);
  };
  field('source', article.source);
  field('title', article.title);
  field('published', article.published);
  field('outlet', article.outlet);
  field('author', article.author);
  field('caption', article.caption);
  field('credit', article.photoCredit);
  lines.push(`${'text'.padEnd(10)} ${article.text.length} chars, ${article.paragraphs.length} paragraphs, ${analysis.sentences.length} sentences`);
  for (const r of article.removed) lines.push(`${'removed'.padEnd(10)} [${r.kind}] ${truncate(r.text, 70)}`);
  for (const e of analysis.entities) {
    const variants = [...new Set(e.mentions.map((m) => m.text))].join('، ');
    lines.push(`${'entity'.padEnd(10)} ${e.type.padEnd(5)} ${e.name.ar}  ×${e.mentions.length}  (${variants})`);
  }
  for (const t of analysis.times) lines.push(`${'time'.padEnd(10)} ${t.text} → ${t.value ?? '?'} (${t.granularity})`);
  for (const q of analysis.quotes) lines.push(`${'quote'.padEnd(10)} ${q.speaker.text}: ${truncate(q.content.text, 60)}`);
  for (const e of analysis.events) lines.push(`${'event'.padEnd(10)} ${e.type} ${truncate(e.evidence.text, 60)}`);
  return lines.join('\n') + '\n';
}

function truncate(s: string, n: number): string {
  const flat = s.replace(/\s+/gu, ' ');
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
}
