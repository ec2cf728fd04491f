/**
 * The persistence port: one aggregate of small stores, each shaped by the use cases of one concept.
 * Instants cross this boundary as ISO-8601 UTC strings and money as integer cents.
 */
import type { PermissionStore, SessionStore, UserStore } from './access-store.js';
import type { AccessReviewStore } from './access-review-store.js';
import type { AlertStore } from './alert-store.js';
import type { AuditStore } from './audit-store.js';
import type { BackupStore } from './backup-store.js';
import type { CorrectionStore } from './correction-store.js';
import type { EventReviewStore } from './event-review-store.js';
import type { ReportStore } from './report-store.js';
import type { RiskStore } from './risk-store.js';
import type { RunStore } from './run-store.js';
import type { SheetStore, SnapshotStore } from './sheet-store.js';
import type { InboxStore, WebhookStore } from './webhook-store.js';

export type * from './access-review-store.js';
export type * from './access-store.js';
export type * from './alert-store.js';
export type * from './audit-store.js';
export type * from './backup-store.js';
export type * from './correction-store.js';
export type * from './event-review-store.js';
export type * from './report-store.js';
export type * from './risk-store.js';
export type * from './run-store.js';
export type * from './sheet-store.js';
export type * from './webhook-store.js';

/** The database engine behind a store. */
export type StoreDialect = 'sqlite' | 'postgres';

/** Everything Ledgerline keeps. */
export interface Store {
  readonly sheets: SheetStore;
  readonly snapshots: SnapshotStore;
  readonly runs: RunStore;
  readonly audit: AuditStore;
  readonly reports: ReportStore;
  readonly webhooks: WebhookStore;
  readonly inbox: InboxStore;
  readonly users: UserStore;
  readonly sessions: SessionStore;
  readonly permissions: PermissionStore;
  readonly backups: BackupStore;
  readonly alerts: AlertStore;
  readonly risk: RiskStore;
  readonly accessReviews: AccessReviewStore;
  /** Reviews of audit events (dashboard acknowledge/resolve/revert). */
  readonly reviews: EventReviewStore;
  /** Correction requests for closed weeks and their decisions (issue #12). */
  readonly corrections: CorrectionStore;
  readonly dialect: StoreDialect;
  /** Closes the database connection(s); the store is unusable afterwards. */
  close(): Promise<void>;
}
