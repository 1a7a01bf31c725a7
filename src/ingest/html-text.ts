// HTML fragment to paragraphs: block elements (p, li, h2–h4, blockquote, div…) and <br> end a paragraph;
// scripts, styles and templates never become text.
import { parseDocument } from 'htmlparser2';

/** Elements whose content is never article text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'head', 'select', 'button', 'form', 'nav', 'canvas', 'video', 'audio']);

/** Elements that start and end a paragraph. */
const BLOCKS = new Set([
  'p', 'div', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section', 'article',
  'aside', 'header', 'footer', 'main', 'figure', 'figcaption', 'table', 'tr', 'td', 'th', 'tbody', 'thead', 'hr', 'address', 'center',
]);

/** The subset of domhandler's node shape this module reads. */
export interface DomNode {
  type: string;
  name?: string;
  data?: string;
  attribs?: Record<string, string>;
  children?: DomNode[];
}

/** Parses an HTML fragment (decoding entities) and returns its paragraphs, trimmed, empty ones dropped. */
export function htmlToParagraphs(html: string): string[] {
  const doc = parseDocument(html, { decodeEntities: true }) as unknown as DomNode;
  return nodeToParagraphs(doc);
}

/** The paragraphs under an already parsed node. */
export function nodeToParagraphs(root: DomNode): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = (): void => {
    const text = current.join('').replace(/[\s\u00A0]+/gu, ' ').trim();
    if (text !== '') paragraphs.push(text);
    current = [];
  };
  // An explicit stack, not recursion: a truncated page can nest thousands of unclosed tags.
  const stack: Array<DomNode | 'end-block'> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'end-block') {
      flush();
      continue;
    }
    if (node.type === 'text') {
      current.push(node.data ?? '');
      continue;
    }
    if (node.type === 'cdata') {
      for (let i = (node.children?.length ?? 0) - 1; i >= 0; i--) stack.push(node.children![i]!);
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') continue;
    const name = node.name?.toLowerCase() ?? '';
    if (node.type === 'script' || node.type === 'style' || SKIPPED.has(name)) continue;
    if (name === 'br') {
      flush();
      continue;
    }
    const block = BLOCKS.has(name);
    if (block) {
      flush();
      stack.push('end-block');
    }
    const children = node.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return paragraphs;
}

/** The text of a node, whitespace folded. */
export function nodeText(node: DomNode): string {
  const parts: string[] = [];
  const stack: DomNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push(n.data ?? '');
    else if (n.type !== 'script' && n.type !== 'style' && n.type !== 'comment') {
      const children = n.children ?? [];
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return parts.join('').replace(/[\s\u00A0]+/gu, ' ').trim();
}
