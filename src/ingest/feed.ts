// RSS 2.0 / RSS 1.0 / Atom reader: one RawArticle per <item> or <entry>; HTML inside descriptions becomes paragraphs.
import { DomUtils, parseDocument } from 'htmlparser2';
import { MarsadError } from '../model/errors.js';
import { createRawArticle, nonEmpty, toIsoDate, type RawArticle } from './raw-article.js';
import { htmlToParagraphs, nodeText, type DomNode } from './html-text.js';
import { splitCredit } from './text-dump.js';

/** Reads every item of a feed. Throws E_FEED_PARSE when the input has no <rss>, <feed> or <rdf:RDF> root. */
export function parseFeed(xml: string, source = 'feed'): RawArticle[] {
  const doc = parseDocument(xml, { xmlMode: true, decodeEntities: true }) as unknown as DomNode;
  const root = findFirst(doc, (n) => /^(?:rss|feed|rdf:rdf)$/iu.test(n.name ?? ''), 3);
  if (root === null) {
    throw new MarsadError('E_FEED_PARSE', 'Expected an RSS 2.0 (<rss>), RSS 1.0 (<rdf:RDF>) or Atom (<feed>) document, found neither root element.', { source });
  }
  const atom = (root.name ?? '').toLowerCase() === 'feed';
  const channel = atom ? root : (child(root, 'channel') ?? root);
  const outlet = text(child(channel, 'title'));
  const language = text(child(channel, 'language')) ?? nonEmpty(root.attribs?.['xml:lang']);
  const items = findAll(root, (n) => local(n) === (atom ? 'entry' : 'item'));
  return items.map((item, index) => (atom ? readEntry(item, `${source}#item${index + 1}`) : readItem(item, `${source}#item${index + 1}`))).map((raw) => {
    raw.outlet ??= outlet;
    raw.language ??= language === null ? null : language.split(/[-_]/u)[0]!.toLowerCase();
    return raw;
  });
}

function readItem(item: DomNode, source: string): RawArticle {
  const raw = createRawArticle(source);
  raw.title = text(child(item, 'title'));
  raw.url = text(child(item, 'link')) ?? nonEmpty(child(item, 'link')?.attribs?.['href']);
  raw.sourceId = text(child(item, 'guid')) ?? nonEmpty(item.attribs?.['rdf:about']);
  raw.published = toIsoDate(text(child(item, 'pubDate')) ?? text(child(item, 'dc:date')));
  raw.author = authorName(text(child(item, 'dc:creator')) ?? text(child(item, 'author')));
  raw.categories = children(item, 'category').map(text).filter((c): c is string => c !== null);
  const body = child(item, 'content:encoded') ?? child(item, 'description');
  raw.paragraphs = body === null ? [] : bodyParagraphs(rawText(body));
  readMedia(item, raw);
  return raw;
}

function readEntry(entry: DomNode, source: string): RawArticle {
  const raw = createRawArticle(source);
  raw.title = atomText(child(entry, 'title'));
  const links = children(entry, 'link');
  const alternate = links.find((l) => (l.attribs?.['rel'] ?? 'alternate') === 'alternate') ?? links[0];
  raw.url = nonEmpty(alternate?.attribs?.['href']);
  raw.sourceId = text(child(entry, 'id'));
  raw.published = toIsoDate(text(child(entry, 'published')) ?? text(child(entry, 'updated')));
  const author = child(entry, 'author');
  raw.author = author === null ? null : (text(child(author, 'name')) ?? text(author));
  raw.categories = children(entry, 'category')
    .map((c) => nonEmpty(c.attribs?.['label']) ?? nonEmpty(c.attribs?.['term']))
    .filter((c): c is string => c !== null);
  const content = child(entry, 'content') ?? child(entry, 'summary');
  raw.paragraphs = content === null ? [] : atomParagraphs(content);
  readMedia(entry, raw);
  return raw;
}

/** Atom text constructs: type="xhtml" holds markup as child elements, "html" holds escaped markup, "text" plain text. */
function atomParagraphs(node: DomNode): string[] {
  const type = node.attribs?.['type'] ?? 'text';
  if (type === 'xhtml') return htmlToParagraphs(DomUtils.getInnerHTML(node as never));
  const value = rawText(node);
  return type === 'html' ? htmlToParagraphs(value) : bodyParagraphs(value);
}

/** A description is HTML when it holds tags; plain text otherwise, with blank lines between paragraphs. */
function bodyParagraphs(value: string): string[] {
  if (/<\/?[a-z][^>]*>/iu.test(value)) return htmlToParagraphs(value);
  return value.split(/\n\s*\n/u).map((p) => p.replace(/\s+/gu, ' ').trim()).filter((p) => p !== '');
}

function atomText(node: DomNode | null): string | null {
  if (node === null) return null;
  const type = node.attribs?.['type'] ?? 'text';
  return type === 'text' ? text(node) : nonEmpty(htmlToParagraphs(type === 'xhtml' ? DomUtils.getInnerHTML(node as never) : rawText(node)).join(' '));
}

/** media:content / media:thumbnail / enclosure: the caption (media:description or media:title) and media:credit. */
function readMedia(item: DomNode, raw: RawArticle): void {
  const media = findFirst(item, (n) => /^media:(?:content|group|thumbnail)$/u.test(n.name ?? ''), 3) ?? item;
  const credit = text(findFirst(media, (n) => n.name === 'media:credit', 3));
  const caption = text(findFirst(media, (n) => n.name === 'media:description', 3)) ?? (media === item ? null : text(findFirst(media, (n) => n.name === 'media:title', 3)));
  if (caption !== null) {
    const split = credit === null ? splitCredit(caption) : null;
    raw.caption = split?.caption ?? caption;
    raw.photoCredit = credit ?? split?.credit ?? null;
  } else if (credit !== null) {
    raw.photoCredit = credit;
  }
}

/** RSS <author> is often «editor@example.com (اسم الكاتب)»: keep the name. */
function authorName(value: string | null): string | null {
  if (value === null) return null;
  const m = /^\S+@\S+\s*\((.+)\)$/u.exec(value);
  if (m !== null) return nonEmpty(m[1]);
  return /^\S+@\S+$/u.test(value) ? null : value;
}

function local(node: DomNode): string {
  return (node.name ?? '').toLowerCase();
}

function child(node: DomNode, name: string): DomNode | null {
  return (node.children ?? []).find((c) => c.type === 'tag' && local(c) === name.toLowerCase()) ?? null;
}

function children(node: DomNode, name: string): DomNode[] {
  return (node.children ?? []).filter((c) => c.type === 'tag' && local(c) === name.toLowerCase());
}

function findFirst(node: DomNode, test: (n: DomNode) => boolean, maxDepth: number): DomNode | null {
  const stack: Array<[DomNode, number]> = [[node, 0]];
  while (stack.length > 0) {
    const [n, depth] = stack.shift()!;
    if (n !== node && n.type === 'tag' && test(n)) return n;
    if (depth < maxDepth) for (const c of n.children ?? []) stack.push([c, depth + 1]);
  }
  return null;
}

/** Items anywhere under the root (RSS 1.0 puts them beside <channel>, not inside). */
function findAll(node: DomNode, test: (n: DomNode) => boolean): DomNode[] {
  const out: DomNode[] = [];
  const stack: DomNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'tag' && test(n)) {
      out.push(n);
      continue;
    }
    const cs = n.children ?? [];
    for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i]!);
  }
  return out;
}

/** The node's character data, CDATA included, entities decoded, not trimmed. */
function rawText(node: DomNode): string {
  const parts: string[] = [];
  const stack: DomNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push(n.data ?? '');
    const cs = n.children ?? [];
    for (let i = cs.length - 1; i >= 0; i--) stack.push(cs[i]!);
  }
  return parts.join('');
}

function text(node: DomNode | null): string | null {
  return node === null ? null : nonEmpty(nodeText(node));
}
