// What the publish use case hands to a report renderer: one weekly Work Request report as plain,
// already-computed data (every total in integer cents). The renderer only lays it out.

export interface ReportLine {
  pointNumber: string;
  cu: string;
  workType: string;
  description: string;
  uom: string;
  /** Printed with its decimals (1.5 stays 1.5); text as typed when it could not be read (`TBD`). */
  quantity: number | string | undefined;
  scope: string;
  priceCents: number;
}

export interface ReportDayBlock {
  /** `Monday (08/11/2025)`, or `Other dates` for blank or out-of-period snapshot dates. */
  label: string;
  /** YYYY-MM-DD, absent for the `Other dates` block. */
  date?: string;
  lines: ReportLine[];
  totalCents: number;
}

export interface WeeklyReport {
  /** `WR_89708709_WeekEnding_081725.xlsx`, from the one identity function. */
  fileName: string;
  workRequest: string;
  /** YYYY-MM-DD */
  weekEnding: string;
  variant: string;
  claimer?: string;
  /** YYYY-MM-DD, the Monday..Sunday period ending on weekEnding by default. */
  periodStart: string;
  periodEnd: string;
  foreman: string;
  scopeId: string;
  workOrder: string;
  customer: string;
  job: string;
  dept: string;
  blocks: ReportDayBlock[];
  /** Equals the sum of the block totals (DESIGN.md invariant 5). */
  totalCents: number;
  lineCount: number;
  /** SHA-256 of the group's content; written into the workbook's custom properties. */
  contentHash: string;
  /**
   * Printed as "Report Generated On". Derived from the data (the newest row modification), not the
   * wall clock, so the same rows always give byte-identical files.
   */
  generatedAt: string;
}

export interface ReportBranding {
  companyName: string;
  /** PNG or JPEG bytes placed at A1; when absent the company name is printed instead. */
  logo?: { data: Uint8Array; extension: 'png' | 'jpeg' };
  /** IANA zone used to print generatedAt. */
  timeZone: string;
}

export interface ReportRenderer {
  render(report: WeeklyReport, branding: ReportBranding): Promise<Uint8Array>;
}

/** A local copy of every generated workbook (the demo's and an operator's output folder). */
export interface ReportArchive {
  /** Store the bytes under the file name; returns where they went. */
  save(fileName: string, bytes: Uint8Array): Promise<string>;
}
