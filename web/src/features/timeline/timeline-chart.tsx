// Stacked bars of events per day by type (SVG); clicking a bar opens the search for that day and type.
import type { TimelineResponse } from '../../api.js';
import { useLang } from '../../i18n/lang.js';
import { formatDate, formatShortDay } from '../../lib/dates.js';
import { eventColor, sortEventTypes } from '../../lib/palette.js';
import { countTicks, labelSlots, stackDays } from '../../lib/stack.js';
import { TypeLegend } from '../common/parts.js';

const WIDTH = 960;
const DEFAULT_HEIGHT = 260;
const MARGIN = { top: 12, right: 16, bottom: 34, left: 40 };

interface Props {
  timeline: TimelineResponse;
  /** Called with the day and type of a clicked bar. */
  onBar?: (day: string, type: string) => void;
  testId?: string;
  barTestId?: string;
  /** Colour for a type (event types by default). */
  color?: (type: string) => string;
  legend?: boolean;
  label?: string;
  /** Height in view-box units (the width is 960). */
  height?: number;
}

export function TimelineChart({ timeline, onBar, testId = 'timeline', barTestId = 'timeline-bar', color = eventColor, legend = true, label, height = DEFAULT_HEIGHT }: Props) {
  const { lang, code, t } = useLang();
  const types = sortEventTypes([...timeline.types, ...timeline.days.flatMap((d) => Object.keys(d.counts))]);
  const segments = stackDays(timeline.days, types);
  const present = sortEventTypes(segments.map((s) => s.type));
  const { max, ticks } = countTicks(Math.max(0, ...timeline.days.map((d) => Object.values(d.counts).reduce((a, b) => a + b, 0))));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const slots = Math.max(1, timeline.days.length);
  const slotW = plotW / slots;
  const barW = Math.max(1, Math.min(48, slotW * 0.8));
  const x = (slot: number) => MARGIN.left + slot * slotW + (slotW - barW) / 2;
  const y = (value: number) => MARGIN.top + plotH - (value / max) * plotH;
  // Axis labels carry the year when the days span more than one («24 Oct 2009» … «31 Oct 2019»).
  const first = timeline.days[0]?.day ?? '';
  const withYear = first.slice(0, 4) !== (timeline.days[timeline.days.length - 1]?.day ?? first).slice(0, 4);
  // On narrow slots the first and last labels end at the plot's edges instead of running past the chart («31 أكتوبر 2019»).
  // In right-to-left text, text-anchor "start" is the right end.
  const rtl = lang === 'ar';
  const labelPlace = (slot: number): { x: number; anchor: 'start' | 'middle' | 'end' } => {
    if (slotW < 60 && slot === 0) return { x: MARGIN.left, anchor: rtl ? 'end' : 'start' };
    if (slotW < 60 && slot === timeline.days.length - 1) return { x: WIDTH - MARGIN.right, anchor: rtl ? 'start' : 'end' };
    return { x: MARGIN.left + slot * slotW + slotW / 2, anchor: 'middle' };
  };
  return (
    <figure className="chart">
      {/* Time runs left to right; on a narrow screen the chart scrolls, starting at the first day and the axis. */}
      <div className="chart-scroll" dir="ltr">
        <svg
          data-testid={testId}
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-label={label ?? t('timelineTitle')}
          direction="ltr"
          preserveAspectRatio="xMidYMid meet"
        >
          {ticks.map((tick) => (
            <g key={tick} className="tick">
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} />
              <text x={MARGIN.left - 6} y={y(tick)} dy="0.35em" textAnchor="end">
                {tick}
              </text>
            </g>
          ))}
          {segments.map((s) => (
            <rect
              key={`${s.day}:${s.type}`}
              data-testid={barTestId}
              data-day={s.day}
              data-type={s.type}
              data-count={s.count}
              x={x(s.slot)}
              width={barW}
              y={y(s.y1)}
              height={Math.max(0.5, y(s.y0) - y(s.y1))}
              fill={color(s.type)}
              className={onBar ? 'bar clickable' : 'bar'}
              onClick={onBar ? () => onBar(s.day, s.type) : undefined}
            >
              <title>{`${formatDate(s.day, lang)} — ${code(s.type)}: ${s.count}`}</title>
            </rect>
          ))}
          {labelSlots(timeline.days.length, Math.max(2, Math.min(8, Math.floor(plotW / (withYear ? 120 : 90))))).map((slot) => {
            const day = timeline.days[slot]!.day;
            const { x: labelX, anchor } = labelPlace(slot);
            return (
              <text
                key={day}
                className="axis-label"
                x={labelX}
                y={height - MARGIN.bottom + 20}
                textAnchor={anchor}
                direction={rtl ? 'rtl' : 'ltr'}
                unicodeBidi="embed"
              >
                {formatShortDay(day, lang, withYear)}
              </text>
            );
          })}
          <line className="axis" x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} />
        </svg>
      </div>
      {legend ? <TypeLegend types={present} /> : null}
    </figure>
  );
}
