/** A weekly report whose upload succeeded (billing-domain.md §2.2: recorded only after upload). */
export interface PublishedReport {
  /** The identity of (workRequest, weekEnding, variant, claimer) as one key (§2.1). */
  readonly identityKey: string;
  readonly workRequest: string;
  /** `YYYY-MM-DD`. */
  readonly weekEnding: string;
  readonly variant: string;
  readonly claimer: string | null;
  readonly contentHash: string;
  readonly fileName: string;
  readonly targetRowId: number;
  readonly attachmentId: number;
  readonly publishedAt: string;
  readonly runId: string | null;
}

/** What has been published, so unchanged groups are skipped. */
export interface ReportStore {
  getPublishedReport(identityKey: string): Promise<PublishedReport | undefined>;
  /** Every published report, ordered by work request, week ending, identity key. */
  listPublishedReports(): Promise<PublishedReport[]>;
  /**
   * One page for the dashboard: newest week first, then Work Request, then identity key; `total`
   * counts every report the filter matches.
   */
  pagePublishedReports(query: {
    readonly workRequest?: string;
    readonly weekEnding?: string;
    readonly offset: number;
    readonly limit: number;
  }): Promise<{ readonly items: PublishedReport[]; readonly total: number }>;
  /** Inserts or replaces the record for the report's identity. */
  recordPublished(report: PublishedReport): Promise<void>;
  /** False when nothing was recorded for the identity. */
  deletePublishedReport(identityKey: string): Promise<boolean>;
}
