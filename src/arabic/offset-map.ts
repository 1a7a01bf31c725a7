// Offset maps: every text transform returns its output plus a way back to the input's offsets,
// so a span found in normalised text can always be reported against the original.

/** The result of a text transform: the new text and a map from its offsets to the input's. */
export interface Transformed {
  readonly text: string;
  /**
   * Maps an offset in `text` (0..text.length inclusive) to an offset in the input.
   * A start offset maps to the start of the input unit that produced it; `text.length` maps to the
   * input's length. For an end-exclusive span [s, e) use `toOriginalSpan`.
   */
  toOriginal(offset: number): number;
  /** Maps an end-exclusive span of `text` to the smallest end-exclusive span of the input that covers it. */
  toOriginalSpan(start: number, end: number): [number, number];
}

/**
 * Builds a Transformed step by step: append output characters with the input offsets they came from.
 * `starts[i]` is the input offset of output char i; `ends[i]` is the input end of the unit that produced it.
 */
export class OffsetMapBuilder {
  private out: string[] = [];
  private starts: number[] = [];
  private ends: number[] = [];

  /** Emits `chunk` as produced by input [inStart, inEnd). */
  push(chunk: string, inStart: number, inEnd: number): void {
    for (let i = 0; i < chunk.length; i++) {
      this.out.push(chunk[i] as string);
      this.starts.push(inStart);
      this.ends.push(inEnd);
    }
  }

  finish(inputLength: number): Transformed {
    return createTransformed(this.out.join(''), Int32Array.from(this.starts), Int32Array.from(this.ends), inputLength);
  }
}

/** A Transformed from per-character start/end arrays (each of `text.length`). */
export function createTransformed(text: string, starts: Int32Array, ends: Int32Array, inputLength: number): Transformed {
  const n = text.length;
  const toOriginal = (offset: number): number => {
    if (n === 0 || offset >= n) return offset <= 0 && n > 0 ? (starts[0] as number) : inputLength;
    return starts[Math.max(0, offset)] as number;
  };
  return {
    text,
    toOriginal,
    toOriginalSpan(start, end) {
      const s = toOriginal(start);
      const e = end <= 0 || n === 0 ? s : end > n ? inputLength : (ends[end - 1] as number);
      return [s, Math.max(s, e)];
    },
  };
}

/** The identity transform. */
export function identity(text: string): Transformed {
  return {
    text,
    toOriginal: (offset) => Math.max(0, Math.min(text.length, offset)),
    toOriginalSpan: (start, end) => [Math.max(0, Math.min(text.length, start)), Math.max(0, Math.min(text.length, end))],
  };
}

/** Composes two transforms: `second` was applied to `first.text`. */
export function compose(first: Transformed, second: Transformed): Transformed {
  return {
    text: second.text,
    toOriginal: (offset) => first.toOriginal(second.toOriginal(offset)),
    toOriginalSpan(start, end) {
      const [s, e] = second.toOriginalSpan(start, end);
      return first.toOriginalSpan(s, e);
    },
  };
}
