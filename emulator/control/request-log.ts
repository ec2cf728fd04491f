// Every API request the emulator answered, for tests that check what a client sent (how many calls,
// which routes, whether it stayed in budget). Entries are capped so a long demo run stays bounded;
// the counters keep counting past the cap.

export interface RequestLogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  route: string;
  user: string | null;
  status: number;
  errorCode?: number;
  /** Rate-limit units charged (0 when the request was rejected before charging). */
  weight: number;
}

export interface RequestCounts {
  total: number;
  byRoute: Record<string, number>;
  byStatus: Record<string, number>;
  rateLimited: number;
  unitsByUser: Record<string, number>;
}

const MAX_ENTRIES = 50_000;

function emptyCounts(): RequestCounts {
  return { total: 0, byRoute: {}, byStatus: {}, rateLimited: 0, unitsByUser: {} };
}

export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private nextSeq = 1;
  private tally = emptyCounts();

  record(entry: Omit<RequestLogEntry, 'seq'>): RequestLogEntry {
    const full: RequestLogEntry = { seq: this.nextSeq, ...entry };
    this.nextSeq += 1;
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    const tally = this.tally;
    tally.total += 1;
    tally.byRoute[entry.route] = (tally.byRoute[entry.route] ?? 0) + 1;
    tally.byStatus[String(entry.status)] = (tally.byStatus[String(entry.status)] ?? 0) + 1;
    if (entry.errorCode === 4003) tally.rateLimited += 1;
    if (entry.user !== null && entry.weight > 0) {
      tally.unitsByUser[entry.user] = (tally.unitsByUser[entry.user] ?? 0) + entry.weight;
    }
    return full;
  }

  since(seq: number): RequestLogEntry[] {
    return this.entries.filter((entry) => entry.seq > seq);
  }

  counts(): RequestCounts {
    return structuredClone(this.tally);
  }

  /** Forgets entries and counters; sequence numbers keep rising so `since` stays unambiguous. */
  clear(): void {
    this.entries = [];
    this.tally = emptyCounts();
  }
}
