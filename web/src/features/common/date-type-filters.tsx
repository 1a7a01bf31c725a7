// Date range and event type inputs (map, timeline), bound to the shared URL filters.
import { useLang } from '../../i18n/lang.js';
import type { Filters } from '../../lib/filters.js';
import { EVENT_TYPE_ORDER } from '../../lib/palette.js';

/**
 * Date range and type inputs bound to the URL filters. Without a range in the URL the inputs show `dateWindow` (the
 * default date window in force); editing one bound then keeps the other as shown, and a type change keeps the
 * default dateWindow, so it is recomputed for the new type.
 */
export function DateTypeFilters({ filters, onChange, dateWindow }: { filters: Filters; onChange: (next: Filters) => void; dateWindow?: { from: string; to: string } | null }) {
  const { t, code } = useLang();
  const shown = filters.from === undefined && filters.to === undefined && dateWindow ? dateWindow : { from: filters.from, to: filters.to };
  const set = (patch: Partial<Filters>) => {
    const next: Filters = { ...filters, ...patch };
    for (const key of Object.keys(patch) as Array<keyof Filters>) if (!patch[key]) delete next[key];
    onChange(next);
  };
  const setDay = (bound: 'from' | 'to', day: string) => {
    const other = bound === 'from' ? 'to' : 'from';
    set({ [bound]: day || undefined, [other]: filters[other] ?? (day ? shown[other] : undefined) });
  };
  return (
    <form className="filters" onSubmit={(e) => e.preventDefault()}>
      <label>
        {t('from')}
        <input data-testid="date-from" type="date" value={shown.from ?? ''} max={shown.to} onChange={(e) => setDay('from', e.target.value)} />
      </label>
      <label>
        {t('to')}
        <input data-testid="date-to" type="date" value={shown.to ?? ''} min={shown.from} onChange={(e) => setDay('to', e.target.value)} />
      </label>
      <label>
        {t('eventType')}
        <select data-testid="type-filter" value={filters.type?.[0] ?? ''} onChange={(e) => set({ type: e.target.value ? [e.target.value] : undefined })}>
          <option value="">{t('allTypes')}</option>
          {EVENT_TYPE_ORDER.map((type) => (
            <option key={type} value={type}>
              {code(type)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
