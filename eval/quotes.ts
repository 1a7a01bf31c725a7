// `npm run eval -- quotes`: quote precision/recall/F1 (speaker + direct/reported), and channel/relay accuracy.
import type { EvalOptions } from './run.js';
import { loadGold, prf, runGold } from './events-gold.js';

export async function runQuotesEval(options: EvalOptions): Promise<void> {
  const { log } = options;
  const gold = loadGold();
  let tp = 0, fp = 0, fn = 0; // prettier-ignore
  const channel = { ok: 0, n: 0 };
  const via = { ok: 0, n: 0 };
  for (const article of gold) {
    const { quotes } = runGold(article);
    const unused = [...quotes];
    for (const g of article.quotes) {
      const k = unused.findIndex((q) => q.speaker.entity === g.speaker && q.direct === g.direct);
      if (k < 0) {
        fn++;
        continue;
      }
      const q = unused.splice(k, 1)[0]!;
      tp++;
      if (g.channel !== undefined) {
        channel.n++;
        if (q.channel === g.channel) channel.ok++;
      }
      if (g.via !== undefined) {
        via.n++;
        if (q.via.length === g.via.length && q.via.every((v) => g.via!.includes(v))) via.ok++;
      }
    }
    fp += unused.length;
  }
  log(`quotes (speaker + direct) ${prf(tp, fp, fn)}  over ${gold.length} articles`);
  log(`channel accuracy on matched quotes: ${channel.n === 0 ? '-' : (channel.ok / channel.n).toFixed(2)} (${channel.ok}/${channel.n})`);
  log(`relay accuracy on matched quotes: ${via.n === 0 ? '-' : (via.ok / via.n).toFixed(2)} (${via.ok}/${via.n})`);
}
