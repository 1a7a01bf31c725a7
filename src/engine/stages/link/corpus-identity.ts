// Cross-document identity for NIL entities: the same unlinked name in many articles gets one corpus id,
// also when articles spell it differently (كاسباروف / كسباروف), so the store can follow it over time.
import type { Entity } from '../../../model/analysis.js';
import { nameKey, skeletonOf } from './keys.js';

export interface CorpusIdentity {
  /** The corpus-level id of an entity: its own id when KB-linked, else the id first given to its name. */
  idOf(entity: Entity): string;
  /** Rewrites the ids of an article's NIL entities in place; returns the same array. */
  assign(entities: Entity[]): Entity[];
}

/**
 * Keeps, per entity type, a map from name skeleton to the first NIL id seen with it. NIL ids are already
 * stable for one spelling (`nil:` + hash of type and folded name); this folds spelling variants together.
 * State is in the returned object, one per corpus (never a module global).
 */
export function createCorpusIdentity(initial: Iterable<[string, string]> = []): CorpusIdentity & { entries(): Array<[string, string]> } {
  const bySkeleton = new Map<string, string>(initial);
  const idOf = (entity: Entity): string => {
    if (!entity.id.startsWith('nil:')) return entity.id;
    const names = entity.mentions.filter((m) => m.kind === 'name').map((m) => nameKey(m.text));
    if (names.length === 0) return entity.id;
    const longest = names.reduce((a, b) => (b.length > a.length ? b : a));
    const key = `${entity.type}:${skeletonOf(longest)}`;
    if (skeletonOf(longest).length < 4) return entity.id;
    const known = bySkeleton.get(key);
    if (known) return known;
    bySkeleton.set(key, entity.id);
    return entity.id;
  };
  return {
    idOf,
    assign(entities) {
      for (const e of entities) e.id = idOf(e);
      return entities;
    },
    entries: () => [...bySkeleton.entries()],
  };
}
