import { createHash } from 'node:crypto';
import { printedRowValues } from './report-group.js';
import type { ReportGroup } from './report-group.js';
import { reportIdentityKey } from './report-identity.js';

// Bumped whenever the serialisation changes, so old and new hashes never compare equal by accident.
const SERIALISATION_VERSION = 'ledgerline.report-content.v1';

/**
 * The canonical text a report's content hash is taken over (billing-domain.md §2.2): the
 * identity, every header value, each block's title, rows and total, the week total and the row
 * count. Arrays only, in a fixed order, so no object key order can creep in; rows are already in
 * print order (a total order), so the text does not depend on the order rows were read in.
 * Absent values serialise as null, which no printed text can be mistaken for.
 */
export function canonicalReportContent(group: ReportGroup): string {
  const { header } = group;
  return JSON.stringify([
    SERIALISATION_VERSION,
    reportIdentityKey(group.identity),
    [
      header.foreman,
      header.workRequest,
      header.scope ?? null,
      header.workOrder ?? null,
      header.customer ?? null,
      header.job ?? null,
      header.dept ?? null,
      header.billingPeriod.start,
      header.billingPeriod.end,
    ],
    group.blocks.map((block) => [
      block.title,
      block.rows.map((row) => printedRowValues(row).map((value) => value ?? null)),
      block.totalCents,
    ]),
    group.totalCents,
    group.rowCount,
  ]);
}

/**
 * SHA-256 (hex) of the report's canonical content. Equal hashes mean an identical printed
 * report, so an unchanged hash with the attachment present lets publishing skip the upload;
 * any change to a printed field, the identity, a total or the row count changes it.
 */
export function contentHash(group: ReportGroup): string {
  return createHash('sha256').update(canonicalReportContent(group), 'utf8').digest('hex');
}
