/**
 * The Violations page's "riskiest first" within a rule code (issue #10, bench/dashboard-api-p95.ts):
 * `code=…&sort=riskScore` orders by risk descending with unscored events last, then seq. An index
 * in exactly that order lets the page read its 50 rows instead of sorting every event of the code
 * (0.9 s at 1,000,000 events on Postgres). Postgres puts NULL first in a descending index unless
 * told; SQLite already sorts NULL lowest (last when descending) and does not accept NULLS LAST in
 * an index, hence one statement per engine for the same order.
 */
import { sql, type Kysely } from 'kysely';
import type { StoreDialect } from '../../../ports/store.js';
import type { StoreMigration } from './store-migration.js';

export const violationRiskOrderIndex: StoreMigration = {
  async up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
    const riskDescending = dialect === 'postgres' ? sql`risk_score desc nulls last` : sql`risk_score desc`;
    await sql`create index audit_events_type_risk_idx
      on audit_events (violation_type, ${riskDescending}, seq desc)`.execute(db);
  },
};
