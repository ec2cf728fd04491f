/**
 * The Reports page reads one page of published reports, newest week first (issue #10's dashboard
 * at scale: 29,640 reports were sent in one reply). An index in the page's order lets the first
 * pages read only their rows instead of sorting every report.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreMigration } from './store-migration.js';

export const publishedReportsPageIndex: StoreMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await sql`create index published_reports_page_idx
      on published_reports (week_ending desc, work_request, identity_key)`.execute(db);
  },
};
