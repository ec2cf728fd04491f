import type { BillableRow } from './billable-rule.js';
import type { DataQualityFinding } from './data-quality.js';
import { DataQualityCode } from './data-quality.js';
import { assignFileSafeWorkRequests } from './file-safe-work-request.js';
import { buildReportGroup } from './report-group.js';
import type { ReportGroup } from './report-group.js';
import { createReportIdentity, PRIMARY_VARIANT, reportIdentityKey } from './report-identity.js';
import type { ReportIdentity } from './report-identity.js';

/** The variant and claimer a row is reported under. */
export interface ReportPartition {
  readonly variant: string;
  readonly claimer?: string | undefined;
}

/** How rows are partitioned into variants and claimers; the first release has one partition. */
export interface GroupingOptions {
  readonly partitionOf?: (row: BillableRow) => ReportPartition;
}

/** Rows that cannot be published, and why; each comes with a finding. */
export interface QuarantinedRows {
  readonly workRequest: string;
  readonly reason: string;
  readonly rows: readonly BillableRow[];
}

/** The reports of a run and the rows held back from them. */
export interface GroupingResult {
  /** Ordered by identity key, so runs over the same rows produce the same sequence. */
  readonly groups: readonly ReportGroup[];
  readonly quarantined: readonly QuarantinedRows[];
  readonly findings: readonly DataQualityFinding[];
}

const PRIMARY_PARTITION: ReportPartition = { variant: PRIMARY_VARIANT };

/**
 * Groups billable rows into weekly reports by identity (billing-domain.md §2.1–2.3): Work
 * Request (file-safe form), week ending, variant and claimer. Work Requests that collide after
 * sanitising, or have no file-safe form, are quarantined with a finding, as are rows whose
 * identity cannot be formed (a week ending outside 2000–2099). Nothing is dropped silently.
 */
export function groupBillableRows(
  rows: readonly BillableRow[],
  options: GroupingOptions = {},
): GroupingResult {
  const partitionOf = options.partitionOf ?? (() => PRIMARY_PARTITION);
  const fileSafe = assignFileSafeWorkRequests(new Set(rows.map((row) => row.workRequest)));
  const findings: DataQualityFinding[] = [];
  const held = new Map<string, QuarantinedRows & { rows: BillableRow[] }>();
  const hold = (row: BillableRow, reason: string) => {
    const key = `${row.workRequest}\n${reason}`;
    const entry = held.get(key) ?? { workRequest: row.workRequest, reason, rows: [] };
    entry.rows.push(row);
    held.set(key, entry);
    return entry;
  };

  for (const [safeForm, originals] of fileSafe.collisions) {
    for (const workRequest of originals) {
      findings.push({
        code: DataQualityCode.WORK_REQUEST_COLLISION,
        severity: 'MEDIUM',
        workRequest,
        field: 'workRequest',
        message: `Work Requests ${originals.map((wr) => JSON.stringify(wr)).join(', ')} all sanitise to "${safeForm}"; their reports are quarantined.`,
      });
    }
  }
  for (const workRequest of fileSafe.unsafe) {
    findings.push({
      code: DataQualityCode.WORK_REQUEST_NOT_FILE_SAFE,
      severity: 'MEDIUM',
      workRequest,
      field: 'workRequest',
      message: `Work Request ${JSON.stringify(workRequest)} has no letters, digits, "-" or "_"; its reports are quarantined.`,
    });
  }

  const unsafe = new Set(fileSafe.unsafe);
  const byParts = new Map<string, { identity: ReportIdentity; key: string; rows: BillableRow[] }>();
  const invalidIdentities = new Set<QuarantinedRows>();
  for (const row of rows) {
    const safeForm = fileSafe.safe.get(row.workRequest);
    if (safeForm === undefined) {
      const collides = !unsafe.has(row.workRequest);
      hold(
        row,
        collides
          ? 'Work Request collides with another after sanitising'
          : 'Work Request has no file-safe form',
      );
      continue;
    }
    const partition = partitionOf(row);
    // Most rows join an existing group: find it by the raw parts before checking them again.
    const partsKey = JSON.stringify([safeForm, row.weekEnding, partition.variant, partition.claimer ?? null]);
    const existing = byParts.get(partsKey);
    if (existing) {
      existing.rows.push(row);
      continue;
    }
    const identity = createReportIdentity({
      workRequest: safeForm,
      weekEnding: row.weekEnding,
      variant: partition.variant,
      claimer: partition.claimer,
    });
    if (!identity.ok) {
      invalidIdentities.add(hold(row, identity.reason));
      continue;
    }
    byParts.set(partsKey, { identity: identity.value, key: reportIdentityKey(identity.value), rows: [row] });
  }
  for (const { workRequest, reason, rows: heldRows } of invalidIdentities) {
    findings.push({
      code: DataQualityCode.REPORT_IDENTITY_INVALID,
      severity: 'MEDIUM',
      workRequest,
      message: `${heldRows.length} billable row(s) of Work Request ${JSON.stringify(workRequest)} cannot form a report identity (${reason}); quarantined.`,
    });
  }

  const groups = [...byParts.values()]
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ identity, rows: groupRows }) => buildReportGroup(identity, groupRows));
  return { groups, quarantined: [...held.values()], findings };
}
