// Tests for cross-document identity of NIL entities.
import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../model/analysis.js';
import { createCorpusIdentity } from './corpus-identity.js';
import { nilId } from './linker.js';
import { nameKey } from './keys.js';

function nil(name: string, type: Entity['type'] = 'PER'): Entity {
  return { id: nilId(type, nameKey(name)), type, name: { ar: name }, kb: null, geo: null, mentions: [{ start: 0, end: name.length, text: name, kind: 'name' }] };
}

describe('createCorpusIdentity', () => {
  it('gives a recurring NIL name one id across articles, spelling variants included', () => {
    const identity = createCorpusIdentity();
    const first = identity.idOf(nil('سيرجي كاسباروف'));
    expect(identity.idOf(nil('سيرجي كاسباروف'))).toBe(first);
    expect(identity.idOf(nil('سيرغي كاسباروف'))).toBe(first);
  });

  it('keeps different names and different types apart', () => {
    const identity = createCorpusIdentity();
    const person = identity.idOf(nil('سيرجي كاسباروف'));
    expect(identity.idOf(nil('نيد برايس'))).not.toBe(person);
    expect(identity.idOf(nil('سيرجي كاسباروف', 'ORG'))).not.toBe(person);
  });

  it('leaves KB-linked ids alone and can be resumed from saved entries', () => {
    const identity = createCorpusIdentity();
    const linked: Entity = { ...nil('قاسم جومارت توكاييف'), id: 'marsad:per/tokayev' };
    expect(identity.idOf(linked)).toBe('marsad:per/tokayev');
    const id = identity.idOf(nil('سيرجي كاسباروف'));
    const resumed = createCorpusIdentity(identity.entries());
    expect(resumed.idOf(nil('سيرغي كاسباروف'))).toBe(id);
  });
});
