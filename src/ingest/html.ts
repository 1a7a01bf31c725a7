// HTML page reader: metadata from <meta>, JSON-LD, <html lang> and <figure>; body from Readability over
// linkedom, with a plain paragraph walk when Readability finds nothing.
import { Readability } from '@mozilla/readability';
import { parseDocument } from 'htmlparser2';
import { parseHTML } from 'linkedom';
import { createRawArticle, nonEmpty, toIsoDate, type RawArticle } from './raw-article.js';
import { htmlToParagraphs, nodeText, nodeToParagraphs, type DomNode } from './html-text.js';
import { splitCredit } from './text-dump.js';

/** The little of the DOM (linkedom's) this module touches; the project compiles without the DOM lib. */
interface MiniElement {
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<MiniElement>;
  querySelector(selector: string): MiniElement | null;
  textContent: string | null;
}
interface MiniDocument extends MiniElement {
  documentElement: MiniElement | null;
}

/** Metadata read from a page before Readability rewrites its DOM. */
interface PageMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
  language: string | null;
  caption: string | null;
  photoCredit: string | null;
}

/**
 * Readability is quadratic in nesting depth (5,000 unclosed <div>s take 6 s, 10,000 take 29 s), so pages
 * deeper or larger than these limits use the plain paragraph walk instead. Real article pages nest < 60 deep.
 */
const READABILITY_MAX_DEPTH = 250;
const READABILITY_MAX_ELEMENTS = 60_000;
const READABILITY_MAX_CHARS = 5_000_000;

/** Reads one HTML article page. Never throws on malformed or truncated markup. */
export function parseHtml(html: string, source = 'html'): RawArticle {
  const raw = createRawArticle(source);
  let meta: PageMeta | null = null;
  let body: string[] = [];
  let readabilityTitle: string | null = null;
  const tree = parseDocument(html, { decodeEntities: true }) as unknown as DomNode;
  const shape = measure(tree);
  const sane = html.length <= READABILITY_MAX_CHARS && shape.depth <= READABILITY_MAX_DEPTH && shape.elements <= READABILITY_MAX_ELEMENTS;
  try {
    // linkedom's selectors recurse too, so a pathological page is read by the plain walk alone.
    if (sane) {
      const { document } = parseHTML(html) as unknown as { document: MiniDocument };
      meta = readMeta(document);
      const article = new Readability(document as never, { charThreshold: 200 }).parse();
      readabilityTitle = nonEmpty(article?.title);
      if (typeof article?.content === 'string') body = htmlToParagraphs(article.content);
      if (meta.author === null) meta.author = nonEmpty(article?.byline);
      if (meta.outlet === null) meta.outlet = nonEmpty(article?.siteName);
      if (meta.published === null) meta.published = toIsoDate(article?.publishedTime);
    }
  } catch {
    // linkedom or Readability can throw on hostile markup; the plain walk below still reads the page.
    body = [];
  }
  if (body.length === 0) body = fallbackParagraphs(tree);

  if (meta !== null) Object.assign(raw, meta);
  if (raw.title === null) raw.title = readabilityTitle;
  raw.title = stripSiteSuffix(raw.title, raw.outlet);
  // Readability keeps the headline as the first block on many pages; it is the title, not body text.
  if (raw.title !== null && body.length > 0 && fold(body[0]!) === fold(raw.title)) {
    raw.removed.push({ kind: 'boilerplate', text: body.shift()! });
  }
  if (raw.caption !== null && body.length > 0) {
    const index = body.findIndex((p) => fold(p) === fold(raw.caption!) || (raw.photoCredit !== null && fold(p) === fold(`${raw.caption!} (${raw.photoCredit})`)));
    if (index >= 0) raw.removed.push({ kind: 'caption', text: body.splice(index, 1)[0]! });
  }
  raw.paragraphs = body;
  return raw;
}

function fold(text: string): string {
  return text.replace(/[\s\u00A0]+/gu, ' ').trim();
}

/** «معارضون يسيطرون… - CNNArabic.com» → «معارضون يسيطرون…» when the suffix names the site. */
function stripSiteSuffix(title: string | null, outlet: string | null): string | null {
  if (title === null) return null;
  const m = /^(.*\S)\s+[-|–—:]\s+([^-|–—]{2,60})$/u.exec(title);
  if (m === null) return title;
  const suffix = m[2]!.toLowerCase().replace(/\.(?:com|net|org)$/u, '');
  const site = (outlet ?? '').toLowerCase();
  if ((site !== '' && (suffix.includes(site) || site.includes(suffix))) || /\.(?:com|net|org)\b/iu.test(m[2]!)) return m[1]!;
  return title;
}

function readMeta(document: MiniDocument): PageMeta {
  const metas = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').toLowerCase();
    const content = nonEmpty(el.getAttribute('content'));
    if (key !== '' && content !== null && !metas.has(key)) metas.set(key, content);
  }
  const ld = readJsonLd(document);
  const get = (...keys: string[]): string | null => {
    for (const k of keys) {
      const v = metas.get(k);
      if (v !== undefined) return v;
    }
    return null;
  };
  const titleEl = nonEmpty(document.querySelector('title')?.textContent);
  const lang = nonEmpty(document.documentElement?.getAttribute('lang') ?? document.documentElement?.getAttribute('xml:lang'));
  const timeEl = document.querySelector('time[datetime]')?.getAttribute('datetime') ?? null;
  const articleAuthor = get('article:author');
  const author = get('author', 'dc.creator', 'byl') ?? (articleAuthor !== null && !/^https?:/u.test(articleAuthor) ? articleAuthor : null) ?? ld.author;
  const figure = readFigure(document);
  const canonical = nonEmpty(document.querySelector('link[rel="canonical"]')?.getAttribute('href'));
  return {
    title: get('og:title', 'twitter:title') ?? ld.headline ?? titleEl,
    outlet: get('og:site_name', 'application-name') ?? ld.publisher,
    author: author?.replace(/^(?:by|بقلم)[:\s]+/iu, '') ?? null,
    published: toIsoDate(get('article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued', 'og:published_time') ?? ld.datePublished ?? timeEl),
    url: canonical ?? get('og:url') ?? ld.url,
    language: lang === null ? null : lang.split(/[-_]/u)[0]!.toLowerCase(),
    caption: figure.caption ?? ld.imageCaption,
    photoCredit: figure.credit,
  };
}

interface LdMeta {
  headline: string | null;
  datePublished: string | null;
  author: string | null;
  publisher: string | null;
  url: string | null;
  imageCaption: string | null;
}

const ARTICLE_TYPES = /^(?:NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|BlogPosting|WebPage)$/u;

/** The first JSON-LD NewsArticle/Article on the page (inside @graph or an array too). */
function readJsonLd(document: MiniDocument): LdMeta {
  const out: LdMeta = { headline: null, datePublished: null, author: null, publisher: null, url: null, imageCaption: null };
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      // Broken JSON-LD is common on news sites; the <meta> tags still hold the metadata.
      continue;
    }
    const queue: unknown[] = [data];
    while (queue.length > 0) {
      const item = queue.shift();
      if (Array.isArray(item)) {
        queue.push(...item);
        continue;
      }
      if (typeof item !== 'object' || item === null) continue;
      const obj = item as Record<string, unknown>;
      if (Array.isArray(obj['@graph'])) queue.push(...(obj['@graph'] as unknown[]));
      const type = obj['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (!types.some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))) continue;
      out.headline ??= nonEmpty(obj['headline']);
      out.datePublished ??= nonEmpty(obj['datePublished']);
      out.url ??= nonEmpty(obj['url']);
      out.author ??= nameOf(obj['author']);
      out.publisher ??= nameOf(obj['publisher']);
      const image = Array.isArray(obj['image']) ? (obj['image'] as unknown[])[0] : obj['image'];
      if (typeof image === 'object' && image !== null) out.imageCaption ??= nonEmpty((image as Record<string, unknown>)['caption']);
    }
  }
  return out;
}

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return nonEmpty(value);
  if (Array.isArray(value)) {
    const names = value.map(nameOf).filter((n): n is string => n !== null);
    return names.length > 0 ? names.join('، ') : null;
  }
  if (typeof value === 'object' && value !== null) return nonEmpty((value as Record<string, unknown>)['name']);
  return null;
}

/** The first figure's caption, and its photo credit: a credit element, or a trailing «(رويترز)». */
function readFigure(document: MiniDocument): { caption: string | null; credit: string | null } {
  const figcaption = document.querySelector('article figcaption') ?? document.querySelector('figure figcaption') ?? document.querySelector('figcaption');
  if (figcaption === null) return { caption: null, credit: null };
  const creditEl = figcaption.querySelector('[class*="credit"], small, cite');
  const creditText = nonEmpty(creditEl?.textContent);
  let caption = nonEmpty(figcaption.textContent);
  if (caption === null) return { caption: null, credit: creditText };
  if (creditText !== null) {
    caption = nonEmpty(caption.replace(creditText, '').replace(/[()\s]+$/u, '')) ?? caption;
    return { caption, credit: creditText.replace(/^[(\s]+|[)\s]+$/gu, '').replace(/^(?:الصورة|تصوير|photo)\s*[:：]\s*/iu, '') };
  }
  const split = splitCredit(caption);
  return split ?? { caption, credit: null };
}

/** Paragraphs of the page body without Readability: <p> elements first, every block when there are none. */
function fallbackParagraphs(doc: DomNode): string[] {
  const ps: string[] = [];
  const stack: DomNode[] = [doc];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'script' || n.type === 'style') continue;
    if (n.type === 'tag' && n.name === 'p') {
      const t = nodeText(n);
      if (t !== '') ps.push(t);
      continue;
    }
    const children = n.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return ps.length > 0 ? ps : nodeToParagraphs(doc);
}

/** Maximum element nesting depth and element count of a parsed page. */
function measure(root: DomNode): { depth: number; elements: number } {
  let depth = 0;
  let elements = 0;
  const stack: Array<[DomNode, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, d] = stack.pop()!;
    if (node.type === 'tag') elements++;
    if (d > depth) depth = d;
    for (const c of node.children ?? []) stack.push([c, d + 1]);
  }
  return { depth, elements };
}
