// The Editors page (issue #7): who edits the billing sheets, how much money their changes move,
// how many violations name them, and when they work (changes by local hour and weekday, for an
// ECharts heatmap and bar charts).
import type { ChainedAuditEvent } from '../domain/audit-chain.js';
import { editorActivity, type EditorActivity } from '../domain/dashboard/activity-figures.js';
import type { AuditStore, RiskStore } from '../ports/store.js';
import { storedChanges } from './score-changes.js';

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
const PAGE = 5_000;
export const DEFAULT_EDITOR_DAYS = 90;
export const MAX_EDITOR_DAYS = 366;

/**
 * Activity over the last `days` days: violations from the audit events runs stored (dashboard
 * actions such as reviews are not edits), everything else from the scored changes — one per
 * watched change, flagged or not.
 */
export async function editorsActivity(
  deps: EditorsDeps,
  options: { readonly days: number },
): Promise<EditorsView> {
  const now = deps.now();
  const from = new Date(now.getTime() - options.days * DAY_MS).toISOString();
  const to = now.toISOString();
  const events: Pick<ChainedAuditEvent, 'changedBy' | 'changedAt' | 'severity'>[] = [];
  let fromSeq: number | undefined;
  for (;;) {
    const page = await deps.audit.listEvents({
      changedFrom: from,
      changedTo: to,
      limit: PAGE,
      ...(fromSeq === undefined ? {} : { fromSeq }),
    });
    for (const event of page.events) {
      if (event.runId !== null)
        events.push({ changedBy: event.changedBy, changedAt: event.changedAt, severity: event.severity });
    }
    if (page.nextSeq === null) break;
    fromSeq = page.nextSeq;
  }
  const changes = [];
  for await (const change of storedChanges(deps.risk, { changedFrom: from, changedTo: to })) {
    const o = change.observation;
    changes.push({
      changeId: o.changeId,
      editor: o.editor,
      changedAt: o.changedAt,
      localHour: o.localHour,
      localWeekday: o.localWeekday,
      deltaCents: o.deltaCents,
      riskScore: change.riskScore,
    });
  }
  return { from, to, editors: editorActivity(events, changes) };
}
