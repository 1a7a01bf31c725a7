// POST /api/analyze (analyse a pasted article, store nothing) and POST /api/articles (analyse and store; needs the token).
import { z } from 'zod';
import type { Article } from '../../model/analysis.js';
import { cleanArticle, createRawArticle, parseHtml, toIsoDate } from '../../ingest/index.js';
import { ApiError } from '../errors.js';
import { defineRoute } from '../route.js';
import { Analysis, StoredResponse } from '../schemas.js';

const ArticleBody = z.object({
  text: z.string().refine((s) => s.trim() !== '', 'text must not be empty').describe('The article: plain text (paragraphs on lines) or an HTML page.'),
  format: z.enum(['text', 'html']).optional().describe('How to read text (default text).'),
  title: z.string().max(2000).nullable().optional(),
  outlet: z.string().max(300).nullable().optional(),
  published: z.string().max(100).nullable().optional().describe('ISO 8601 date or date-time (2024-03-05, 2024-03-05T10:00:00+03:00).'),
  url: z.string().max(2000).nullable().optional(),
});
type ArticleBody = z.output<typeof ArticleBody>;

const given = (value: string | null | undefined): string | null => {
  const t = value?.replace(/\s+/gu, ' ').trim() ?? '';
  return t === '' ? null : t;
};

/** The posted article, read and cleaned as ingest reads a JSONL record (or an HTML page). */
export function articleOf(body: ArticleBody, source: string): Article {
  const raw = body.format === 'html' ? parseHtml(body.text, source) : createRawArticle(source);
  if (body.format !== 'html') raw.paragraphs = body.text.split(/\r?\n/u).filter((line) => line.trim() !== '');
  const title = given(body.title);
  const outlet = given(body.outlet);
  const url = given(body.url);
  if (title !== null) raw.title = title;
  if (outlet !== null) raw.outlet = outlet;
  if (url !== null) raw.url = url;
  const published = given(body.published);
  if (published !== null) {
    const iso = toIsoDate(published);
    if (iso === null) throw new ApiError('E_BAD_REQUEST', `published must be an ISO 8601 date (2024-03-05) or date-time, not «${published.slice(0, 40)}»`);
    raw.published = iso;
  }
  const article = cleanArticle(raw);
  if (article.text.trim() === '') throw new ApiError('E_BAD_REQUEST', 'No article text was left after cleaning (only furniture, or an HTML page without a body).');
  return article;
}

export const analyzeRoutes = [
  defineRoute({
    method: 'POST',
    url: '/api/analyze',
    tag: 'analyze',
    summary: 'Analyse one article (stores nothing; allowed on a read-only server)',
    body: ArticleBody,
    response: Analysis,
    handler: async ({ body, deps }) => (await deps.analyze(articleOf(body, 'api'))).analysis,
  }),
  defineRoute({
    method: 'POST',
    url: '/api/articles',
    tag: 'analyze',
    summary: 'Analyse and store one article (needs Authorization: Bearer <token>); 201 when new, 200 when the same text is stored already',
    body: ArticleBody,
    auth: true,
    response: StoredResponse,
    handler: async ({ body, deps, reply }) => {
      const result = await deps.analyze(articleOf(body, 'api'));
      const { store } = deps;
      const source = `api:${result.analysis.article.id}`;
      const runId = store.beginRun(['api']);
      const [outcome] = store.putArticles([{ analysis: result.analysis, source, signature: result.signature, index: result.index }], runId);
      if (!outcome) throw new ApiError('E_INTERNAL', 'The store returned no outcome for the article.');
      store.finishRun(runId, { ingested: outcome.status === 'ingested' ? 1 : 0, skipped: outcome.status === 'present' ? 1 : 0, failed: 0 });
      reply.code(outcome.status === 'ingested' ? 201 : 200);
      return { ...outcome, analysis: result.analysis };
    },
  }),
];
