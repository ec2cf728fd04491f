import type { Command } from 'commander';
import { openReportCycle } from '../app/report-cycle.js';
import { ExitCode } from '../domain/app-error.js';
import { silentProgress } from '../ports/progress.js';
import type { CycleSummary } from '../services/run-report-cycle.js';
import { commandContext } from './cli-context.js';
import { describeLockRun } from './lock-command.js';
import { terminalProgress } from './terminal-progress.js';

export function registerRunCommand(program: Command): void {
  program
    .command('run')
    .description(
      'Run one cycle: discover → sync → plan → publish the weekly reports (what a scheduler calls)',
    )
    .option('--dry-run', 'read and plan everything, write nothing to Smartsheet or the store')
    .option('--json', 'print only the JSON run summary on stdout')
    .option('--no-progress', 'no progress bars even on a terminal')
    .action(async (options: { dryRun?: boolean; json?: boolean; progress: boolean }) => {
      const { config, logger } = commandContext();
      const interactive = process.stderr.isTTY === true && options.progress && !options.json;
      const cycle = await openReportCycle(config, logger, {
        progress: interactive ? terminalProgress() : silentProgress,
      });
      let summary: CycleSummary;
      try {
        summary = await cycle.run({ dryRun: options.dryRun === true });
      } finally {
        await cycle.close();
      }
      process.stdout.write(options.json ? `${JSON.stringify(summary, null, 2)}\n` : describeSummary(summary));
      process.exitCode =
        summary.status !== 'succeeded'
          ? ExitCode.FAILURE
          : violationsReach(summary, config.audit.violationExitSeverity)
            ? ExitCode.VIOLATIONS
            : ExitCode.OK;
    });
}

const SEVERITY_RANK = { info: 0, low: 1, medium: 2, high: 3, critical: 4 } as const;

/** Whether the run stored a finding at or above the configured severity (exit code 3). */
export function violationsReach(
  summary: CycleSummary,
  threshold: 'low' | 'medium' | 'high' | 'critical' | 'off',
): boolean {
  if (threshold === 'off') return false;
  return Object.entries(summary.audit.findings.bySeverity).some(
    ([severity, count]) =>
      count > 0 &&
      SEVERITY_RANK[severity.toLowerCase() as keyof typeof SEVERITY_RANK] >= SEVERITY_RANK[threshold],
  );
}

/** A readable account of a run for a person at a terminal; `--json` gives the full record. */
function describeRisk(risk: NonNullable<CycleSummary['audit']['risk']>): string {
  const scoring = risk.coldStart
    ? `cold start, rules only (${risk.coldStartReason ?? 'no model yet'})`
    : `model ${risk.modelId}${risk.trainedModelId ? ' (trained this run)' : ''}`;
  return `${risk.scored} changes scored, ${scoring}; ${risk.flags} flagged, ${risk.anomalyEvents} as ANOMALOUS_CHANGE`;
}

export function describeSummary(s: CycleSummary): string {
  const seconds = (ms: number | undefined) => `${((ms ?? 0) / 1000).toFixed(1)} s`;
  const outcomes =
    Object.entries(s.sheets.byOutcome)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ') || 'none';
  const rejected =
    Object.entries(s.rows.rejectedByReason)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none';
  const requests =
    Object.entries(s.requests)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || 'none';
  const lines = [
    `Run ${s.runId} ${s.status.toUpperCase()}${s.dryRun ? ' (dry run: nothing written)' : ''} in ${seconds(s.durationsMs.total)}`,
    `  sheets    ${s.sheets.discovered} discovered: ${outcomes}`,
    `  rows      ${s.rows.fetched} fetched, ${s.rows.stored} stored, ${s.rows.accepted} billable, ${s.rows.rejected} rejected (${rejected})`,
    `  changes   ${s.rows.changes.created} created, ${s.rows.changes.updated} updated, ${s.rows.changes.deleted} deleted`,
    `  reports   ${s.reports.groups} groups: ${s.reports.unchanged} unchanged, ${s.reports.generated} generated, ${s.reports.uploaded} uploaded, ${s.reports.deleted} older deleted` +
      (s.dryRun ? `; would upload ${s.reports.wouldUpload}, delete ${s.reports.wouldDelete}` : '') +
      (s.reports.deferred ? `; ${s.reports.deferred} deferred to the next run` : ''),
    `  requests  ${requests}`,
    `  phases    ${Object.entries(s.durationsMs)
      .filter(([k]) => k !== 'total')
      .map(([k, ms]) => `${k} ${seconds(ms)}`)
      .join(', ')}`,
  ];
  if (s.audit.enabled) {
    const f = s.audit.findings;
    const severities =
      Object.entries(f.bySeverity)
        .filter(([, n]) => n > 0)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ') || 'none';
    const types = Object.entries(f.byType)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    lines.push(
      `  audit     ${s.audit.changes} changes judged (${s.audit.historyCalls} cell-history calls): ${f.eventCount} new events — ${severities}${types ? `; ${types}` : ''}`,
    );
    if (f.eventCount > 0)
      lines.push(
        `            impact ${dollars(f.netImpactCents)} net, ${dollars(f.grossImpactCents)} touched; status ${f.status}`,
      );
    if (s.audit.risk) lines.push(`  risk      ${describeRisk(s.audit.risk)}`);
    if (s.audit.publication.checkpoint) lines.push(`  trail     ${s.audit.publication.checkpoint}`);
    if (s.audit.alerts)
      lines.push(
        `  alerts    ${s.audit.alerts.sent} sent, ${s.audit.alerts.failed} failed (retried later), ${s.audit.alerts.skipped} already alerted`,
      );
  } else {
    lines.push(`  audit     off${s.dryRun ? ' (dry run)' : ''}`);
  }
  if (s.dataQualityFindings > 0) lines.push(`  quality   ${s.dataQualityFindings} data-quality findings`);
  if (s.locking) lines.push(`  locks     ${describeLockRun(s.locking)}`);
  for (const finding of s.findings)
    lines.push(`  ${finding.loud ? 'ERROR' : 'note '}     ${finding.message}`);
  if (s.savedReports.length > 0)
    lines.push(`  output    ${s.savedReports.length} workbooks under ${commonFolder(s.savedReports)}`);
  if (s.error) lines.push(`  failed:   ${s.error}`);
  return `${lines.join('\n')}\n`;
}

function dollars(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  return `${sign}$${(Math.abs(cents) / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function commonFolder(paths: readonly string[]): string {
  const parts = paths.map((p) => p.split('/'));
  const first = parts[0] ?? [];
  let length = 0;
  while (length < first.length - 1 && parts.every((p) => p[length] === first[length])) length += 1;
  return first.slice(0, length).join('/') || '/';
}
