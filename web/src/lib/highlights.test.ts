import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { annotationsAt, nestHighlights, type Annotation, type HighlightKind, type HighlightNode, type MarkNode } from './highlights.js';

function ann(kind: HighlightKind, start: number, end: number, ref = `${kind}${start}-${end}`): Annotation<string> {
  return { kind, start, end, type: kind === 'entity' ? 'PER' : kind === 'event' ? 'PROTEST' : 'direct', ref };
}

/** A compact picture of the tree: text as [s,e], marks as ref{children}. */
function draw(nodes: Array<HighlightNode<string>>): string {
  return nodes
    .map((n) => (n.kind === 'text' ? `[${n.start},${n.end}]` : `${n.annotation.ref}${n.first ? '' : '<'}${n.last ? '' : '>'}{${draw(n.children)}}`))
    .join(' ');
}

describe('nestHighlights', () => {
  it.each([
    ['no spans: one text node', 10, [], '[0,10]'],
    ['one entity in the middle', 10, [ann('entity', 2, 5, 'e')], '[0,2] e{[2,5]} [5,10]'],
    ['an entity inside an event', 20, [ann('entity', 4, 8, 'e'), ann('event', 0, 12, 'v')], 'v{[0,4] e{[4,8]} [8,12]} [12,20]'],
    ['equal spans: event outside quote outside entity', 6, [ann('entity', 0, 6, 'e'), ann('quote', 0, 6, 'q'), ann('event', 0, 6, 'v')], 'v{q{e{[0,6]}}}'],
    ['an event crossing into a quote is cut at the quote edge', 10, [ann('event', 0, 6, 'a'), ann('quote', 4, 10, 'b')], 'a>{[0,4]} b{a<{[4,6]} [6,10]}'],
    ['a quote crossing out of an event is whole; the event is cut', 10, [ann('quote', 0, 6, 'b'), ann('event', 4, 10, 'a')], 'b{[0,4] a>{[4,6]}} a<{[6,10]}'],
    ['crossing spans of one kind: the later one is split at the earlier end', 10, [ann('event', 0, 6, 'a'), ann('event', 4, 10, 'b')], 'a{[0,4] b>{[4,6]}} b<{[6,10]}'],
    ['spans past the text are clamped, empty ones dropped', 5, [ann('entity', 3, 99, 'e'), ann('event', 2, 2, 'x'), ann('quote', -4, 1, 'q')], 'q{[0,1]} [1,3] e{[3,5]}'],
    ['adjacent spans do not nest', 6, [ann('entity', 0, 3, 'a'), ann('entity', 3, 6, 'b')], 'a{[0,3]} b{[3,6]}'],
  ] as const)('%s', (_name, length, spans, expected) => {
    expect(draw(nestHighlights(length, spans))).toBe(expected);
  });

  it('keeps an entity whole across the quote and event it crosses, and joins adjacent pieces', () => {
    const tree = nestHighlights(20, [ann('event', 0, 10, 'v'), ann('quote', 2, 6, 'q'), ann('entity', 4, 15, 'e')]);
    expect(draw(tree)).toBe('v>{[0,2] q>{[2,4]}} e{v<{q<{[4,6]} [6,10]} [10,15]} [15,20]');
  });

  it('splits an event that crosses two nested event ends into three pieces', () => {
    const tree = nestHighlights(20, [ann('event', 0, 10, 'v'), ann('event', 2, 6, 'w'), ann('event', 4, 15, 'x')]);
    expect(draw(tree)).toBe('v{[0,2] w{[2,4] x>{[4,6]}} x<>{[6,10]}} x<{[10,15]} [15,20]');
  });
});

interface Flat {
  start: number;
  end: number;
  path: Array<Annotation<string>>;
}

function flatten(nodes: Array<HighlightNode<string>>, path: Array<Annotation<string>> = [], out: Flat[] = []): Flat[] {
  for (const node of nodes) {
    if (node.kind === 'text') out.push({ start: node.start, end: node.end, path });
    else flatten(node.children, [...path, node.annotation], out);
  }
  return out;
}

function collectMarks(nodes: Array<HighlightNode<string>>, out: Array<MarkNode<string>> = []): Array<MarkNode<string>> {
  for (const node of nodes) {
    if (node.kind === 'mark') {
      out.push(node);
      collectMarks(node.children, out);
    }
  }
  return out;
}

function checkNesting(nodes: Array<HighlightNode<string>>, start: number, end: number): void {
  let at = start;
  for (const node of nodes) {
    expect(node.start).toBe(at);
    expect(node.end).toBeGreaterThan(node.start);
    if (node.kind === 'mark') checkNesting(node.children, node.start, node.end);
    at = node.end;
  }
  expect(at).toBe(end);
}

describe('nestHighlights invariants', () => {
  const span = fc.record({
    kind: fc.constantFrom<HighlightKind>('entity', 'quote', 'event'),
    start: fc.integer({ min: -3, max: 60 }),
    length: fc.integer({ min: -2, max: 40 }),
  });

  it('covers the text in order, nests children inside parents, and covers each span exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50 }), fc.array(span, { maxLength: 25 }), (length, raw) => {
        const spans = raw.map((s, i) => ann(s.kind, s.start, s.start + s.length, `a${i}`));
        const tree = nestHighlights(length, spans);
        checkNesting(tree, 0, length);
        const leaves = flatten(tree);
        for (const a of spans) {
          const start = Math.max(0, Math.min(length, a.start));
          const end = Math.max(0, Math.min(length, a.end));
          const covered = new Set<number>();
          for (const leaf of leaves) {
            const times = leaf.path.filter((p) => p === a).length;
            expect(times).toBeLessThanOrEqual(1);
            if (times === 1) for (let c = leaf.start; c < leaf.end; c++) covered.add(c);
          }
          const expected = end > start ? Array.from({ length: end - start }, (_, k) => start + k) : [];
          expect([...covered].sort((x, y) => x - y)).toEqual(expected);
        }
        // An entity crossing no other entity is one piece, whatever quotes and events cross it.
        const marks = collectMarks(tree);
        for (const a of spans) {
          if (a.kind !== 'entity' || Math.min(length, a.end) <= Math.max(0, a.start)) continue;
          const crossed = spans.some((b) => b !== a && b.kind === 'entity' && b.start < a.end && a.start < b.end && !(b.start <= a.start && a.end <= b.end) && !(a.start <= b.start && b.end <= a.end));
          if (!crossed) expect(marks.filter((m) => m.annotation === a)).toHaveLength(1);
        }
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe('annotationsAt', () => {
  it('lists the spans covering an offset, outermost first', () => {
    const spans = [ann('entity', 4, 8, 'e'), ann('event', 0, 12, 'v'), ann('quote', 2, 10, 'q'), ann('entity', 10, 12, 'f')];
    expect(annotationsAt(spans, 5).map((a) => a.ref)).toEqual(['v', 'q', 'e']);
    expect(annotationsAt(spans, 8).map((a) => a.ref)).toEqual(['v', 'q']);
    expect(annotationsAt(spans, 12)).toEqual([]);
  });
});
