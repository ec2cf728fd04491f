/**
 * Data-quality findings (billing-domain.md §3.3, rule DATA_QUALITY): input that is missing,
 * unreadable or implausible. A finding never stops other rows; it tells someone what to fix.
 */
export const DataQualityCode = {
  /** A value is present but its parser refused it (§1.3: never a silent default). */
  UNPARSEABLE_VALUE: 'UNPARSEABLE_VALUE',
  /** A billable row has no foreman; it is billed under `Unknown Foreman` (§1.4 Decision). */
  UNKNOWN_FOREMAN: 'UNKNOWN_FOREMAN',
  /** The week ending is not the week-end day; the row moved to the next one (§1.5 Decision). */
  WEEK_ENDING_NOT_WEEK_END_DAY: 'WEEK_ENDING_NOT_WEEK_END_DAY',
  /** A Snapshot Date after the organisation's today. */
  FUTURE_SNAPSHOT_DATE: 'FUTURE_SNAPSHOT_DATE',
  /** A date more than 2 years ahead of today. */
  DATE_TOO_FAR_AHEAD: 'DATE_TOO_FAR_AHEAD',
  /** A date more than 10 years before today. */
  DATE_TOO_FAR_BACK: 'DATE_TOO_FAR_BACK',
  /** Two Work Requests sanitise to the same file-safe value; both are quarantined (§2.1). */
  WORK_REQUEST_COLLISION: 'WORK_REQUEST_COLLISION',
  /** A Work Request has no file-safe characters at all; its reports are quarantined (§2.1). */
  WORK_REQUEST_NOT_FILE_SAFE: 'WORK_REQUEST_NOT_FILE_SAFE',
  /**
   * Rows whose report identity cannot be formed: a week ending outside the years a file name
   * carries (2000–2099), or a variant or claimer that is not file-safe (see report-identity.ts).
   */
  REPORT_IDENTITY_INVALID: 'REPORT_IDENTITY_INVALID',
} as const;

export type DataQualityCode = (typeof DataQualityCode)[keyof typeof DataQualityCode];

/**
 * LOW: the bill is unaffected. MEDIUM: what is billed, or where, depends on the problem
 * (a moved week, a placeholder foreman, an unreadable price, a quarantined report).
 */
export type DataQualitySeverity = 'LOW' | 'MEDIUM';

/** One data-quality finding, located as precisely as the problem allows. */
export interface DataQualityFinding {
  readonly code: DataQualityCode;
  readonly severity: DataQualitySeverity;
  readonly message: string;
  readonly sheetId?: number;
  readonly rowId?: number;
  readonly workRequest?: string;
  /** The billing field concerned, when there is one. */
  readonly field?: string;
}
