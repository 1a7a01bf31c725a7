// A timeline chart cut to the default date window (findDateWindow), with the note that says so and a button to show all dates.
import { useMemo, useState, type ComponentProps } from 'react';
import type { TimelineResponse } from '../../api.js';
import { findDefaultWindow, windowTimeline, type DateWindow } from '../../../../src/model/date-window.js';
import { DateWindowNote } from '../common/date-window-note.js';
import { TimelineChart } from './timeline-chart.js';

/** The default window of a timeline, or null when none applies (a range was asked for) or it leaves nothing out. */
function useDateWindow(timeline: TimelineResponse | null, ranged: boolean): DateWindow | null {
  return useMemo(() => {
    return timeline === null || ranged ? null : findDefaultWindow(timeline.days);
  }, [timeline, ranged]);
}

type Props = ComponentProps<typeof TimelineChart> & {
  /** A date range was asked for: draw every day given. */
  ranged?: boolean;
  /** What "show all dates" does; by default the chart shows all its days in place. */
  onAll?: (range: { from: string; to: string }) => void;
};

export function WindowedTimeline({ timeline, ranged = false, onAll, ...chart }: Props) {
  const [all, setAll] = useState(false);
  const dateWindow = useDateWindow(timeline, ranged || all);
  const shown = useMemo(() => windowTimeline(timeline, dateWindow), [timeline, dateWindow]);
  return (
    <>
      <DateWindowNote dateWindow={dateWindow} onAll={onAll ?? (() => setAll(true))} />
      <TimelineChart timeline={shown} {...chart} />
    </>
  );
}
