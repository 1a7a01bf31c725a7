// Nests overlapping highlight spans (entities, quotes, events) into a tree the reader renders as nested <span>s.
//
// The rule: spans are clamped to the text and empty ones dropped. Kinds rank event < quote < entity, and a span is
// never cut by one of a lower rank: an event's evidence that ends inside a quote («قال الوزير إن المحتجين "أغلقوا
// الطريق"») is cut at the quote's edge instead, so the quote and the names inside it stay whole. Pieces are then
// taken by start, longer first, and for the same span events outside quotes outside entities; each nests inside
// the innermost open piece containing its start, and a piece that runs past that piece's end (two events whose
// evidence crosses) is split there. Adjacent pieces of one span under the same parent are joined again. So
// highlights always nest and never overlap, and every character of every span is covered by exactly one piece of it.

export type HighlightKind = 'entity' | 'quote' | 'event';

/** A span to highlight, end-exclusive, with what it is and a reference back to the fact it shows. */
export interface Annotation<R = unknown> {
  start: number;
  end: number;
  kind: HighlightKind;
  /** Entity type (PER, GPE, …), PLOVER event type (PROTEST, …), or quote kind (direct, indirect). */
  type: string;
  ref: R;
}

export interface TextNode {
  kind: 'text';
  start: number;
  end: number;
}

export interface MarkNode<R = unknown> {
  kind: 'mark';
  start: number;
  end: number;
  annotation: Annotation<R>;
  /** Whether this piece is the annotation's first and last (a split span has pieces that are not both). */
  first: boolean;
  last: boolean;
  children: Array<HighlightNode<R>>;
}

export type HighlightNode<R = unknown> = TextNode | MarkNode<R>;

const KIND_RANK: Record<HighlightKind, number> = { event: 0, quote: 1, entity: 2 };

interface Piece<R> {
  start: number;
  end: number;
  annotation: Annotation<R>;
  /** The annotation's clamped span, to tell its first and last pieces. */
  from: number;
  to: number;
  /** Order of the annotation in the input, so equal spans keep a stable order. */
  order: number;
}

function comparePieces<R>(a: Piece<R>, b: Piece<R>): number {
  return (
    a.start - b.start ||
    b.end - a.end ||
    KIND_RANK[a.annotation.kind] - KIND_RANK[b.annotation.kind] ||
    a.order - b.order
  );
}

/** Inserts `piece` into the sorted `queue` after every piece that sorts before or equal to it. */
function insertSorted<R>(queue: Array<Piece<R>>, piece: Piece<R>, from: number): void {
  let low = from;
  let high = queue.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (comparePieces(queue[mid]!, piece) <= 0) low = mid + 1;
    else high = mid;
  }
  queue.splice(low, 0, piece);
}

/** Fills the gaps between `children` inside [start, end) with text nodes, joining adjacent pieces of one span. */
function withText<R>(start: number, end: number, children: Array<MarkNode<R>>): Array<HighlightNode<R>> {
  const joined: Array<MarkNode<R>> = [];
  for (const child of children) {
    const last = joined[joined.length - 1];
    if (last && last.annotation === child.annotation && last.end === child.start) {
      joined[joined.length - 1] = { ...last, end: child.end, last: child.last, children: [...last.children, ...child.children] };
    } else {
      joined.push(child);
    }
  }
  const nodes: Array<HighlightNode<R>> = [];
  let at = start;
  for (const child of joined) {
    if (child.start > at) nodes.push({ kind: 'text', start: at, end: child.start });
    nodes.push({ ...child, children: withText(child.start, child.end, child.children as Array<MarkNode<R>>) });
    at = child.end;
  }
  if (end > at) nodes.push({ kind: 'text', start: at, end });
  return nodes;
}

/** Cuts each span at the edges of the higher-ranked spans that fall strictly inside it. */
function cutByRank<R>(spans: Array<Piece<R>>): Array<Piece<R>> {
  const pieces: Array<Piece<R>> = [];
  for (const span of spans) {
    const rank = KIND_RANK[span.annotation.kind];
    const cuts = new Set<number>();
    for (const other of spans) {
      if (KIND_RANK[other.annotation.kind] <= rank) continue;
      if (other.start > span.start && other.start < span.end) cuts.add(other.start);
      if (other.end > span.start && other.end < span.end) cuts.add(other.end);
    }
    let at = span.start;
    for (const cut of [...cuts].sort((a, b) => a - b)) {
      pieces.push({ ...span, start: at, end: cut });
      at = cut;
    }
    pieces.push({ ...span, start: at, end: span.end });
  }
  return pieces;
}

/** The highlight tree of a text of `length` characters: text and mark nodes covering [0, length) in order. */
export function nestHighlights<R>(length: number, annotations: ReadonlyArray<Annotation<R>>): Array<HighlightNode<R>> {
  const spans: Array<Piece<R>> = [];
  annotations.forEach((annotation, order) => {
    const start = Math.max(0, Math.min(length, Math.trunc(annotation.start)));
    const end = Math.max(0, Math.min(length, Math.trunc(annotation.end)));
    if (Number.isFinite(start) && Number.isFinite(end) && end > start) spans.push({ start, end, annotation, from: start, to: end, order });
  });
  const queue = cutByRank(spans).sort(comparePieces);

  const roots: Array<MarkNode<R>> = [];
  const open: Array<MarkNode<R>> = [];
  for (let i = 0; i < queue.length; i++) {
    const piece = queue[i]!;
    while (open.length > 0 && open[open.length - 1]!.end <= piece.start) open.pop();
    const parent = open[open.length - 1];
    let end = piece.end;
    if (parent && end > parent.end) {
      end = parent.end;
      insertSorted(queue, { ...piece, start: end }, i + 1);
    }
    const node: MarkNode<R> = {
      kind: 'mark',
      start: piece.start,
      end,
      annotation: piece.annotation,
      first: piece.start === piece.from,
      last: end === piece.to,
      children: [],
    };
    (parent ? parent.children : roots).push(node);
    open.push(node);
  }
  return withText(0, length, roots);
}

/** The annotations covering character `offset`, outermost first (the order the reader lists them in). */
export function annotationsAt<R>(annotations: ReadonlyArray<Annotation<R>>, offset: number): Array<Annotation<R>> {
  return annotations
    .filter((a) => a.start <= offset && offset < a.end)
    .sort((a, b) => b.end - b.start - (a.end - a.start) || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
}
