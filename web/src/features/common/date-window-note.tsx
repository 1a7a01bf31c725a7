// The default date window in words (which days are shown and why, how many events they hold) and a button to show all dates.
import { useLang } from '../../i18n/lang.js';
import { fillLabel } from '../../i18n/labels.js';
import { formatDate } from '../../lib/dates.js';
import { WINDOW_LIMITS, type DateWindow } from '../../../../src/model/date-window.js';

/** Nothing when the window is every day with events (rule `all`): then no event is left out. */
export function DateWindowNote({ dateWindow, onAll }: { dateWindow: DateWindow | null; onAll: (range: { from: string; to: string }) => void }) {
  const { t, lang } = useLang();
  if (dateWindow === null || dateWindow.rule === 'all') return null;
  const why = dateWindow.rule === 'busiest' ? fillLabel(t('windowBusiest'), { days: WINDOW_LIMITS.busiestDays }) : fillLabel(t('windowCentral'), { share: Math.round(WINDOW_LIMITS.centralShare * 100) });
  return (
    <p className="date-window" data-testid="date-window" data-rule={dateWindow.rule} data-from={dateWindow.from} data-to={dateWindow.to}>
      <span dir="auto">
        {fillLabel(t('windowShowing'), { from: formatDate(dateWindow.from, lang), to: formatDate(dateWindow.to, lang) })}: {why}
        {lang === 'ar' ? '، ' : ', '}
        {fillLabel(t('windowEvents'), { events: dateWindow.events, total: dateWindow.total })}.
      </span>{' '}
      <button type="button" className="small" data-testid="date-window-all" onClick={() => onAll({ from: dateWindow.first, to: dateWindow.last })}>
        {t('windowAll')} ({formatDate(dateWindow.first, lang)} – {formatDate(dateWindow.last, lang)})
      </button>
    </p>
  );
}
