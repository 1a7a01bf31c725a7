import { describe, expect, it } from 'vitest';
import { sqrtRadius } from './scale.js';

describe('sqrtRadius', () => {
  it('makes area proportional to count', () => {
    const big = sqrtRadius(100, 100, 2, 20);
    const quarter = sqrtRadius(25, 100, 2, 20);
    expect(big).toBe(20);
    expect(quarter).toBe(10);
    expect((quarter / big) ** 2).toBeCloseTo(0.25);
  });

  it('keeps small counts visible and caps large ones', () => {
    expect(sqrtRadius(1, 10_000, 3, 20)).toBe(3);
    expect(sqrtRadius(500, 100, 3, 20)).toBe(20);
    expect(sqrtRadius(0, 100, 3, 20)).toBe(0);
  });
});
