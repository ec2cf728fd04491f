import type { Selectable } from 'kysely';
import type { PublishedReport, ReportStore } from '../../../ports/store.js';
import { instantToDb } from '../column-codecs.js';
import type { PublishedReportsTable } from '../database-schema.js';
import type { SqlContext } from '../sql-context.js';

function fromRow(row: Selectable<PublishedReportsTable>): PublishedReport {
  return {
    identityKey: row.identity_key,
    workRequest: row.work_request,
    weekEnding: row.week_ending,
    variant: row.variant,
    claimer: row.claimer,
    contentHash: row.content_hash,
    fileName: row.file_name,
    targetRowId: row.target_row_id,
    attachmentId: row.attachment_id,
    publishedAt: row.published_at,
    runId: row.run_id,
  };
}

/** The published_reports table behind ReportStore. */
export function createReportRepository({ db }: SqlContext): ReportStore {
  return {
    async getPublishedReport(identityKey) {
      const row = await db
        .selectFrom('published_reports')
        .selectAll()
        .where('identity_key', '=', identityKey)
        .executeTakeFirst();
      return row && fromRow(row);
    },

    async listPublishedReports() {
      const rows = await db
        .selectFrom('published_reports')
        .selectAll()
        .orderBy('work_request')
        .orderBy('week_ending')
        .orderBy('identity_key')
        .execute();
      return rows.map(fromRow);
    },

    async pagePublishedReports(query) {
      const filtered = db
        .selectFrom('published_reports')
        .$if(query.workRequest !== undefined, (q) =>
          q.where('work_request', '=', query.workRequest as string),
        )
        .$if(query.weekEnding !== undefined, (q) => q.where('week_ending', '=', query.weekEnding as string));
      const [rows, counted] = await Promise.all([
        filtered
          .selectAll()
          .orderBy('week_ending', 'desc')
          .orderBy('work_request')
          .orderBy('identity_key')
          .offset(query.offset)
          .limit(query.limit)
          .execute(),
        filtered.select((eb) => eb.fn.countAll<number | string>().as('total')).executeTakeFirstOrThrow(),
      ]);
      return { items: rows.map(fromRow), total: Number(counted.total) };
    },

    async recordPublished(report) {
      const { identity_key, ...fields } = {
        identity_key: report.identityKey,
        work_request: report.workRequest,
        week_ending: report.weekEnding,
        variant: report.variant,
        claimer: report.claimer,
        content_hash: report.contentHash,
        file_name: report.fileName,
        target_row_id: report.targetRowId,
        attachment_id: report.attachmentId,
        published_at: instantToDb(report.publishedAt),
        run_id: report.runId,
      };
      await db
        .insertInto('published_reports')
        .values({ identity_key, ...fields })
        .onConflict((conflict) => conflict.column('identity_key').doUpdateSet(fields))
        .execute();
    },

    async deletePublishedReport(identityKey) {
      const result = await db
        .deleteFrom('published_reports')
        .where('identity_key', '=', identityKey)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
}
