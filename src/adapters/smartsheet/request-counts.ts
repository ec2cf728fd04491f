// Counts of what the client sent, for the run summary: every attempt is a request Smartsheet saw
// (and charged), so retries count in the totals as well as on their own.

export interface RequestCountsSnapshot {
  /** Attempts sent to the API, retries included. */
  total: number;
  /** Attempts that repeated an earlier failed attempt. */
  retries: number;
  /** 429 / errorCode 4003 answers received. */
  rateLimited: number;
  /** Budget units spent (heavy calls count 10). */
  units: number;
  /** Attempts per endpoint, keyed `METHOD /path/{template}` (e.g. `GET /sheets/{sheetId}`). */
  byEndpoint: Record<string, number>;
  /** Downloads from pre-signed attachment URLs: not API calls, so not in `total`. */
  fileDownloads: number;
}

export class RequestCounter {
  private total = 0;
  private retries = 0;
  private rateLimited = 0;
  private units = 0;
  private fileDownloads = 0;
  private readonly byEndpoint = new Map<string, number>();

  recordAttempt(endpoint: string, weight: number, isRetry: boolean): void {
    this.total += 1;
    this.units += weight;
    if (isRetry) this.retries += 1;
    this.byEndpoint.set(endpoint, (this.byEndpoint.get(endpoint) ?? 0) + 1);
  }

  recordRateLimited(): void {
    this.rateLimited += 1;
  }

  recordFileDownload(): void {
    this.fileDownloads += 1;
  }

  snapshot(): RequestCountsSnapshot {
    return {
      total: this.total,
      retries: this.retries,
      rateLimited: this.rateLimited,
      units: this.units,
      byEndpoint: Object.fromEntries([...this.byEndpoint].sort(([a], [b]) => a.localeCompare(b))),
      fileDownloads: this.fileDownloads,
    };
  }
}
