// `npm run eval -- events`: precision/recall/F1 of event types, and of actor/recipient/location, on fixtures/events.
import type { EvalOptions } from './run.js';
import { loadGold, prf, refId, runGold } from './events-gold.js';

export async function runEventsEval(options: EvalOptions): Promise<void> {
  const { log } = options;
  const gold = loadGold();
  const byType = new Map<string, { tp: number; fp: number; fn: number }>();
  const arg = { actor: { ok: 0, n: 0 }, recipient: { ok: 0, n: 0 }, location: { ok: 0, n: 0 }, mode: { ok: 0, n: 0 }, modality: { ok: 0, n: 0 } };
  const count = (type: string) => byType.get(type) ?? (byType.set(type, { tp: 0, fp: 0, fn: 0 }), byType.get(type)!);
  for (const article of gold) {
    const { events } = runGold(article);
    const unused = [...events];
    for (const g of article.events) {
      const k = unused.findIndex((e) => e.type === g.type);
      if (k < 0) {
        count(g.type).fn++;
        continue;
      }
      const e = unused.splice(k, 1)[0]!;
      count(g.type).tp++;
      if (g.mode !== undefined) score(arg.mode, e.mode === g.mode);
      if (g.actor) score(arg.actor, sameSet(e.actor.map(refId), g.actor));
      if (g.recipient) score(arg.recipient, sameSet(e.recipient.map(refId), g.recipient));
      if (g.location) score(arg.location, e.location !== null && refId(e.location) === g.location);
      if (g.modality) score(arg.modality, e.modality === g.modality);
    }
    for (const e of unused) count(e.type).fp++;
  }
  let tp = 0, fp = 0, fn = 0; // prettier-ignore
  for (const [type, c] of [...byType].sort()) {
    log(`${type.padEnd(10)} ${prf(c.tp, c.fp, c.fn)}`);
    tp += c.tp;
    fp += c.fp;
    fn += c.fn;
  }
  log(`ALL        ${prf(tp, fp, fn)}  over ${gold.length} articles`);
  for (const [name, a] of Object.entries(arg)) log(`${name.padEnd(10)} accuracy on matched events: ${a.n === 0 ? '-' : (a.ok / a.n).toFixed(2)} (${a.ok}/${a.n})`);
}

function score(into: { ok: number; n: number }, ok: boolean): void {
  into.n++;
  if (ok) into.ok++;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}
