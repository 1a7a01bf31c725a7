// The filters in force (query, outlet, entity, type, place, dates, story) as chips, each removable.
import { useLang } from '../../i18n/lang.js';
import type { LabelKey } from '../../i18n/labels.js';
import { formatDate } from '../../lib/dates.js';
import { LIST_FILTERS, type Filters, type ListFilter } from '../../lib/filters.js';

const LIST_LABELS: Record<ListFilter, LabelKey> = { outlet: 'outlet', entity: 'entity', type: 'eventType', place: 'place' };

export function ActiveFilters({ filters, onChange, keepQuery = false }: { filters: Filters; onChange: (next: Filters) => void; keepQuery?: boolean }) {
  const { t, code, lang } = useLang();
  const chips: Array<{ key: string; label: string; value: string; remove: () => Filters }> = [];
  if (filters.q && !keepQuery) chips.push({ key: 'q', label: t('query'), value: filters.q, remove: () => ({ ...filters, q: undefined }) });
  for (const key of LIST_FILTERS) {
    for (const value of filters[key] ?? []) {
      chips.push({
        key: `${key}:${value}`,
        label: t(LIST_LABELS[key]),
        value: key === 'type' ? code(value) : value,
        remove: () => {
          const rest = (filters[key] ?? []).filter((v) => v !== value);
          return { ...filters, [key]: rest.length > 0 ? rest : undefined };
        },
      });
    }
  }
  if (filters.from) chips.push({ key: 'from', label: t('from'), value: formatDate(filters.from, lang), remove: () => ({ ...filters, from: undefined }) });
  if (filters.to) chips.push({ key: 'to', label: t('to'), value: formatDate(filters.to, lang), remove: () => ({ ...filters, to: undefined }) });
  if (filters.story) chips.push({ key: 'story', label: t('story'), value: filters.story, remove: () => ({ ...filters, story: undefined }) });
  if (chips.length === 0) return null;
  return (
    <ul className="active-filters" data-testid="active-filters">
      {chips.map((chip) => (
        <li key={chip.key} className="chip">
          <span className="muted">{chip.label}:</span> <bdi>{chip.value}</bdi>
          <button type="button" className="link-button" aria-label={`${t('close')} ${chip.label}`} onClick={() => onChange(chip.remove())}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
