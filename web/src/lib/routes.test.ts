import { describe, expect, it } from 'vitest';
import { matchRoute, paths } from './routes.js';

describe('matchRoute', () => {
  it.each([
    ['/', '/', {}],
    ['/stories', '/stories/', {}],
    ['/article/:id', '/article/3fa9c2d1', { id: '3fa9c2d1' }],
    ['/entity/:id', paths.entity('nil:خالد_الأحمد'), { id: 'nil:خالد_الأحمد' }],
    ['/article/:id', '/article', null],
    ['/article/:id', '/story/3fa9c2d1', null],
    ['/entity/:id', '/entity/%E0%A4%A', null],
  ] as const)('%s ~ %s', (pattern, pathname, expected) => {
    expect(matchRoute(pattern, pathname)).toEqual(expected);
  });
});
