// The publish phase of a cycle: skip entirely when nothing can have changed, otherwise read the
// target sheet and publish; remember the target's version only when nothing is left to repair.
import { reportIdentityKey } from '../domain/report-identity.js';
import type { CycleDependencies, CycleOptions } from './run-report-cycle.js';
import type { CycleSummary } from './cycle-summary.js';
import { publishWeeklyReports } from './publish-weekly-reports.js';
import type { PlannedReport } from './publish-weekly-reports.js';
import { readTargetRows } from './read-target-rows.js';

export async function publishReportsPhase(
  deps: CycleDependencies,
  planned: readonly PlannedReport[],
  options: CycleOptions & { targetSheetId: number; deadline: Date },
  summary: CycleSummary,
): Promise<void> {
  const { targetSheetId, deadline } = options;
  const findings = summary.findings;
  const published = new Map(
    (await deps.reports.listPublishedReports()).map((p) => [p.identityKey, p.contentHash]),
  );
  const anyChanged = planned.some(
    (p) => published.get(reportIdentityKey(p.identity)) !== p.report.contentHash,
  );
  const knownTarget = await deps.sheets.getSheet(targetSheetId);
  const targetVersion = await deps.source.sheetVersion(targetSheetId);
  if (!anyChanged && knownTarget?.version != null && knownTarget.version === targetVersion) {
    // Nothing changed on our side and nobody touched the target sheet since our last publish.
    summary.reports.unchanged = planned.length;
    summary.reports.skippedPublish = true;
    return;
  }
  const target = await readTargetRows(deps.source, targetSheetId, options.synonyms);
  const attachments = await deps.source.listRowAttachments(targetSheetId);
  const result = await publishWeeklyReports(
    {
      target: deps.source,
      reports: deps.reports,
      render: deps.render,
      ...(deps.archive ? { archive: deps.archive } : {}),
      progress: deps.progress.phase('publish'),
    },
    planned,
    {
      targetSheetId,
      targetRows: target,
      attachments,
      dryRun: options.dryRun,
      runId: options.runId,
      now: deps.now,
      deadline,
    },
  );
  const { findings: publishFindings, saved, ...counts } = result;
  Object.assign(summary.reports, counts);
  summary.savedReports = saved;
  findings.push(
    ...publishFindings.map((f) => ({
      kind: f.kind,
      message: f.message,
      loud: f.kind === 'upload-failed',
    })),
  );
  const leftWork =
    publishFindings.some((f) => f.kind === 'upload-failed' || f.kind === 'delete-failed') ||
    result.deferred > 0;
  if (!options.dryRun) {
    // Remember the version our own writes left, so an untouched target is not re-listed next run —
    // unless something is left to repair, which the next run must then look for.
    const after = leftWork ? undefined : await deps.source.sheetVersion(targetSheetId);
    await deps.sheets.upsertSheet({
      id: targetSheetId,
      name: target.name,
      role: 'target',
      locationPath: knownTarget?.locationPath ?? null,
      version: after ?? null,
      columnMap: knownTarget?.columnMap ?? {},
      missingColumns: [],
      status: 'active',
      lastSyncedAt: deps.now().toISOString(),
      lastSeenAt: deps.now().toISOString(),
    });
  }
}
