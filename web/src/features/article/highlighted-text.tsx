// Renders a text with its nested highlights as React text nodes inside <span>s (never as HTML).
import { Fragment, useMemo, type CSSProperties, type ReactNode, type SyntheticEvent } from 'react';
import { nestHighlights, type Annotation, type HighlightNode } from '../../lib/highlights.js';
import { entityColor, eventColor } from '../../lib/palette.js';
import type { Fact } from './annotations.js';

const QUOTE_COLOR = '#2e7d32';

export function annotationColor(annotation: Annotation<Fact>): string {
  if (annotation.kind === 'entity') return entityColor(annotation.type);
  if (annotation.kind === 'event') return eventColor(annotation.type);
  return QUOTE_COLOR;
}

function render(text: string, nodes: Array<HighlightNode<Fact>>, active: ReadonlySet<Annotation<Fact>>, focusable: boolean): ReactNode[] {
  return nodes.map((node, i) => {
    const piece = text.slice(node.start, node.end);
    if (node.kind === 'text') return <Fragment key={i}>{piece}</Fragment>;
    const { annotation } = node;
    const className = ['hl', `hl-${annotation.kind}`, node.first ? '' : 'cont-start', node.last ? '' : 'cont-end', active.has(annotation) ? 'active' : '']
      .filter(Boolean)
      .join(' ');
    return (
      <span
        key={i}
        data-testid="highlight"
        data-kind={annotation.kind}
        data-type={annotation.type}
        data-at={node.start}
        className={className}
        style={{ '--hl': annotationColor(annotation) } as CSSProperties}
        // One tab stop per highlight (its first piece): focusing it shows its detail, as a click does.
        tabIndex={focusable && node.first ? 0 : undefined}
      >
        {node.children.length > 0 ? render(text, node.children, active, focusable) : piece}
      </span>
    );
  });
}

interface Props {
  text: string;
  annotations: Array<Annotation<Fact>>;
  /** Annotations shown in the detail now (drawn with an outline). */
  active?: ReadonlySet<Annotation<Fact>>;
  /** The character offset under the pointer (null when it leaves), and the one clicked or tapped. */
  onHover?: (offset: number | null) => void;
  onPick?: (offset: number) => void;
  className?: string;
  testId?: string;
}

function offsetOf(event: SyntheticEvent<HTMLElement>): number | null {
  const target = (event.target as Element).closest('[data-at]');
  const at = target?.getAttribute('data-at');
  return at ? Number(at) : null;
}

function pick(event: SyntheticEvent<HTMLElement>, onPick: (offset: number) => void): void {
  const at = offsetOf(event);
  if (at !== null) onPick(at);
}

export function HighlightedText({ text, annotations, active = new Set(), onHover, onPick, className, testId }: Props) {
  const tree = useMemo(() => nestHighlights(text.length, annotations), [text, annotations]);
  return (
    <div
      className={className}
      data-testid={testId}
      lang="ar"
      dir="rtl"
      onMouseOver={onHover ? (e) => onHover(offsetOf(e)) : undefined}
      onMouseLeave={onHover ? () => onHover(null) : undefined}
      onClick={onPick ? (e) => pick(e, onPick) : undefined}
      onFocus={onPick ? (e) => pick(e, onPick) : undefined}
    >
      {render(text, tree, active, onPick !== undefined)}
    </div>
  );
}
