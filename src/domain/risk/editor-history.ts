// An editor's past, as seen from the moment of one of their changes: how much they usually edit,
// whether they have touched this sheet before, how busy the last hour was and how long they had
// been away (billing-domain.md §3.5, "editor's usual edit volume…"). Every answer counts only
// changes strictly before the asked instant, so a change's features never depend on what came
// after it or on when it was processed.

/** The part of a change the editor history needs. */
export interface EditorActivity {
  readonly editor: string | null;
  readonly sheetId: number;
  /** Milliseconds since the epoch. */
  readonly at: number;
}

/** What the history says about an editor just before a change. */
export interface EditorPast {
  /** Changes before the instant. */
  readonly priorChanges: number;
  /** Changes per active UTC day before the instant (0 when there were none). */
  readonly changesPerActiveDay: number;
  /** True when the editor had never changed this sheet before. */
  readonly newToSheet: boolean;
  /** Changes in the hour before the instant. */
  readonly changesLastHour: number;
  /** Days since the editor's previous change; null for a first change. */
  readonly daysSincePrevious: number | null;
}

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

interface Timeline {
  /** Ascending change instants. */
  readonly times: number[];
  /** distinctDays[i]: distinct UTC days among times[0..i]. */
  readonly distinctDays: number[];
  /** First instant per sheet. */
  readonly firstBySheet: Map<number, number>;
}

/** First index in a sorted array whose value is ≥ `value`. */
function lowerBound(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((sorted[mid] as number) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The history of every editor's changes, answering "as of" questions. */
export class EditorHistory {
  private readonly timelines = new Map<string, Timeline>();

  constructor(activities: Iterable<EditorActivity>) {
    const byEditor = new Map<string, EditorActivity[]>();
    for (const activity of activities) {
      const key = activity.editor ?? '';
      const list = byEditor.get(key);
      if (list) list.push(activity);
      else byEditor.set(key, [activity]);
    }
    for (const [editor, list] of byEditor) {
      list.sort((a, b) => a.at - b.at);
      const times: number[] = [];
      const distinctDays: number[] = [];
      const firstBySheet = new Map<number, number>();
      let lastDay = Number.NaN;
      let days = 0;
      for (const { at, sheetId } of list) {
        const day = Math.floor(at / DAY_MS);
        if (day !== lastDay) {
          days++;
          lastDay = day;
        }
        times.push(at);
        distinctDays.push(days);
        if (!firstBySheet.has(sheetId)) firstBySheet.set(sheetId, at);
      }
      this.timelines.set(editor, { times, distinctDays, firstBySheet });
    }
  }

  /** The editor's standing just before `at` (an unknown editor counts as one shared identity). */
  standingAt(editor: string | null, sheetId: number, at: number): EditorPast {
    const timeline = this.timelines.get(editor ?? '');
    if (!timeline) {
      return {
        priorChanges: 0,
        changesPerActiveDay: 0,
        newToSheet: true,
        changesLastHour: 0,
        daysSincePrevious: null,
      };
    }
    const prior = lowerBound(timeline.times, at);
    const activeDays = prior === 0 ? 0 : (timeline.distinctDays[prior - 1] as number);
    const firstOnSheet = timeline.firstBySheet.get(sheetId);
    return {
      priorChanges: prior,
      changesPerActiveDay: activeDays === 0 ? 0 : prior / activeDays,
      newToSheet: firstOnSheet === undefined || firstOnSheet >= at,
      changesLastHour: prior - lowerBound(timeline.times, at - HOUR_MS),
      daysSincePrevious: prior === 0 ? null : (at - (timeline.times[prior - 1] as number)) / DAY_MS,
    };
  }
}
