// The Editors page (issue #7): who edits the billing sheets, how much money their changes move,
// how many violations name them, and when they work (changes by local hour and weekday, for an
// ECharts heatmap and bar charts).
import { editorActivityFromTallies, type EditorActivity } from '../domain/dashboard/activity-figures.js';
import type { AuditStore, RiskStore } from '../ports/store.js';

export interface EditorsDeps {
  readonly audit: AuditStore;
  readonly risk: RiskStore;
  readonly now: () => Date;
}

export interface EditorsView {
  /** The period covered, ISO-8601 instants. */
  readonly from: string;
  readonly to: string;
  readonly editors: EditorActivity[];
}

const DAY_MS = 86_400_000;
export const DEFAULT_EDITOR_DAYS = 90;
export const MAX_EDITOR_DAYS = 366;

/**
 * Activity over the last `days` days: violations from the audit events runs stored (dashboard
 * actions such as reviews are not edits), everything else from the scored changes — one per
 * watched change, flagged or not. Both are summed by the store (issue #10: 90 days of a large
 * deployment are hundreds of thousands of rows).
 */
export async function editorsActivity(
  deps: EditorsDeps,
  options: { readonly days: number },
): Promise<EditorsView> {
  const now = deps.now();
  const range = {
    changedFrom: new Date(now.getTime() - options.days * DAY_MS).toISOString(),
    changedTo: now.toISOString(),
  };
  const [events, changes] = await Promise.all([
    deps.audit.tallyRunEventsByEditor(range),
    deps.risk.tallyChangesByEditor(range),
  ]);
  return {
    from: range.changedFrom,
    to: range.changedTo,
    editors: editorActivityFromTallies(events, changes),
  };
}
