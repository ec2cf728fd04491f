// A year of a large deployment's audit data, generated deterministically for the dashboard
// benchmark: source sheets with their live rows, audit events spread over the year in the order
// runs would have appended them (mixed severities, rule codes, editors, Work Requests), one scored
// change per event for the recent window the Overview and Editors pages read, cycle runs every two
// hours and the weekly reports those runs published. Nothing here touches a store.
import type { AuditEventRecord, AuditSeverity, JsonObject } from '../../src/domain/audit-chain.js';
import type { ChangeObservation } from '../../src/domain/risk/change-observation.js';
import type { PublishedReport, RowSnapshot, ScoredChange, SheetRecord } from '../../src/ports/store.js';

const DAY_MS = 86_400_000;
const SHEET_BASE = 4_583_173_393_000_000;
const ROW_BASE = 7_260_200_000_000_000;
const COLUMN_BASE = 9_100_000_000_000;

/** The rule codes a cycle stores, with how often each fires and the severities it gets. */
const RULES: readonly {
  code: string;
  weight: number;
  severities: readonly AuditSeverity[];
  column: string | null;
}[] = [
  {
    code: 'POST_CLOSE_EDIT',
    weight: 30,
    severities: ['MEDIUM', 'HIGH', 'CRITICAL'],
    column: 'Units Total Price',
  },
  { code: 'PRICE_OVERRIDE', weight: 12, severities: ['HIGH', 'CRITICAL'], column: 'Units Total Price' },
  {
    code: 'PRICE_RATE_MISMATCH',
    weight: 14,
    severities: ['LOW', 'MEDIUM', 'HIGH'],
    column: 'Units Total Price',
  },
  { code: 'UNAUTHORIZED_EDITOR', weight: 6, severities: ['HIGH', 'CRITICAL'], column: 'Quantity' },
  { code: 'UNCOMPLETED_AFTER_CLOSE', weight: 5, severities: ['MEDIUM', 'HIGH'], column: 'Units Completed?' },
  { code: 'WEEK_MOVED', weight: 5, severities: ['MEDIUM'], column: 'Weekly Reference Logged Date' },
  { code: 'BILLED_ROW_DELETED', weight: 3, severities: ['HIGH'], column: null },
  { code: 'DUPLICATE_UNIT', weight: 7, severities: ['LOW', 'MEDIUM'], column: 'CU' },
  { code: 'AUTHORIZED_CORRECTION', weight: 10, severities: ['INFO'], column: 'Units Total Price' },
  { code: 'DATA_QUALITY', weight: 8, severities: ['INFO', 'LOW'], column: 'Snapshot Date' },
];
const RULE_TOTAL = RULES.reduce((sum, rule) => sum + rule.weight, 0);

export interface CorpusSize {
  readonly events: number;
  readonly sheets: number;
  readonly rows: number;
  readonly workRequests: number;
  readonly editors: number;
  /** Days of scored changes (one per event) before `now`. */
  readonly changeDays: number;
  /** Days the events span before `now`. */
  readonly days: number;
}

export const DEFAULT_CORPUS: CorpusSize = {
  events: 1_000_000,
  sheets: 90,
  rows: 150_000,
  workRequests: 3_000,
  editors: 120,
  changeDays: 90,
  days: 365,
};

/** mulberry32: the same corpus on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The Sunday on or after a day (the default week-end day). */
const sundayOnOrAfter = (ms: number) => {
  const day = new Date(ms).getUTCDay();
  return isoDate(ms + ((7 - day) % 7) * DAY_MS);
};
const uuidOf = (prefix: number, n: number) => {
  const hex = (n.toString(16) + prefix.toString(16)).padStart(32, '0').slice(-32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export class SyntheticAuditCorpus {
  readonly sheets: SheetRecord[];
  readonly workRequests: string[];
  readonly editors: string[];
  readonly start: number;
  private readonly random = seededRandom(20_261_010);

  constructor(
    readonly size: CorpusSize,
    readonly now: Date,
  ) {
    this.start = now.getTime() - size.days * DAY_MS;
    this.sheets = Array.from({ length: size.sheets }, (_, i) => ({
      id: SHEET_BASE + i * 17,
      name: `Billing ${['North', 'South', 'East', 'West', 'Metro', 'Rural'][i % 6]} Crew ${i + 1}`,
      role: 'source' as const,
      locationPath: `Billing/${['Overhead', 'Underground'][i % 2]}`,
      version: 1_000 + i,
      columnMap: Object.fromEntries(
        ['workRequest', 'weekEnding', 'snapshotDate', 'completed', 'price', 'quantity', 'cu', 'foreman'].map(
          (field, c) => [field, COLUMN_BASE + i * 100 + c],
        ),
      ),
      missingColumns: [],
      status: 'active' as const,
      lastSyncedAt: new Date(now.getTime() - 3_600_000).toISOString(),
      lastSeenAt: new Date(now.getTime() - 3_600_000).toISOString(),
    }));
    this.workRequests = Array.from({ length: size.workRequests }, (_, i) => String(89_000_000 + i * 37));
    this.editors = Array.from(
      { length: size.editors },
      (_, i) => `${['foreman', 'clerk', 'lead', 'inspector'][i % 4]}.${i + 1}@example.com`,
    );
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)]!;
  }

  /** The live rows of every sheet, their weeks spread over the year, ~70 % of them billable. */
  *snapshots(batch: number): Generator<RowSnapshot[]> {
    const perSheet = Math.ceil(this.size.rows / this.sheets.length);
    let pending: RowSnapshot[] = [];
    for (let n = 0; n < this.size.rows; n += 1) {
      const sheet = this.sheets[Math.floor(n / perSheet)]!;
      const rowIndex = n % perSheet;
      const at = this.start + this.random() * (this.now.getTime() - this.start);
      const weekEnding = sundayOnOrAfter(at);
      const completed = this.random() < 0.75;
      const quantity = 1 + Math.floor(this.random() * 12);
      const price = Math.round(quantity * (40 + this.random() * 900) * 100) / 100;
      pending.push({
        sheetId: sheet.id,
        rowId: ROW_BASE + sheet.id - SHEET_BASE + rowIndex * 1_000,
        rowNumber: rowIndex + 1,
        modifiedAt: new Date(at).toISOString(),
        contentHash: uuidOf(3, n).replaceAll('-', ''),
        values: {
          workRequest: this.workRequests[(n * 7) % this.workRequests.length]!,
          weekEnding,
          snapshotDate: isoDate(at),
          completed,
          price,
          quantity,
          cu: `CU-${100 + (n % 300)}`,
          workType: n % 3 === 0 ? 'Underground' : 'Overhead',
          description: `Install unit ${n % 300}`,
          uom: 'EA',
          pole: `P-${n % 5_000}`,
          foreman: this.editors[n % this.editors.length]!.split('@')[0]!,
          dept: 'Distribution',
          scope: 'Maintenance',
          workOrder: `WO-${n % 9_000}`,
          job: null,
          customer: 'Utility Co',
          area: ['North', 'South', 'East', 'West'][n % 4]!,
        },
        billable: completed,
        deletedAt: null,
        lastRunId: 'cycle-seed',
      });
      if (pending.length === batch) {
        yield pending;
        pending = [];
      }
    }
    if (pending.length > 0) yield pending;
  }

  /** The cycle run id of an instant: one cycle every two hours. */
  runIdAt(ms: number): string {
    return `cycle-${Math.floor(ms / 7_200_000)}`;
  }

  /**
   * The events in batches, in the order runs appended them: event i changed at start + i × span / N
   * (with jitter inside its two-hour cycle), so seq and changedAt rise together as in production.
   * Each event comes with the scored change it was found on when it falls in the changes window.
   */
  *events(batch: number): Generator<{ events: AuditEventRecord[]; changes: ScoredChange[] }> {
    const span = this.now.getTime() - this.start - 3_600_000;
    const changesFrom = this.now.getTime() - this.size.changeDays * DAY_MS;
    let events: AuditEventRecord[] = [];
    let changes: ScoredChange[] = [];
    for (let n = 0; n < this.size.events; n += 1) {
      const changedMs = this.start + Math.floor((n / this.size.events) * span + this.random() * 600_000);
      const event = this.event(n, changedMs);
      events.push(event);
      if (changedMs >= changesFrom) changes.push(this.scoredChangeOf(n, event, changedMs));
      if (events.length === batch) {
        yield { events, changes };
        events = [];
        changes = [];
      }
    }
    if (events.length > 0) yield { events, changes };
  }

  private ruleFor(): (typeof RULES)[number] {
    let roll = this.random() * RULE_TOTAL;
    for (const rule of RULES) {
      roll -= rule.weight;
      if (roll < 0) return rule;
    }
    return RULES[0]!;
  }

  private event(n: number, changedMs: number): AuditEventRecord {
    const rule = this.ruleFor();
    const sheet = this.pick(this.sheets);
    const rowIndex = Math.floor(this.random() * Math.ceil(this.size.rows / this.sheets.length));
    const rowId = ROW_BASE + sheet.id - SHEET_BASE + rowIndex * 1_000;
    const editor = this.pick(this.editors);
    const severity = this.pick(rule.severities);
    const oldCents = Math.round(100 * (40 + this.random() * 4_000));
    const deltaCents = Math.round((this.random() - 0.35) * oldCents);
    const changedAt = new Date(changedMs).toISOString();
    const runStartMs = Math.floor(changedMs / 7_200_000) * 7_200_000 + 7_200_000;
    const weekEnding = sundayOnOrAfter(changedMs - Math.floor(this.random() * 3) * 7 * DAY_MS);
    const risk = Math.round(this.random() ** 2 * 10_000) / 10_000;
    const workRequest = this.workRequests[Math.floor(this.random() ** 1.5 * this.workRequests.length)]!;
    const runId = this.runIdAt(changedMs + 7_200_000);
    const details: JsonObject = {
      changeKind: rule.column === null ? 'row' : 'cell',
      field: 'price',
      sheetName: sheet.name,
      reasons: [`${rule.code}: ${severity.toLowerCase()} finding on ${rule.column ?? 'the row'}`],
      risk: {
        score: risk,
        category: risk > 0.5 ? 'suspicious' : 'routine',
        top: ['hoursAfterClose', 'valueRatio'],
      },
    };
    return {
      eventId: uuidOf(1, n),
      revision: `rev-${n}`,
      runId,
      timestamp: new Date(Math.max(runStartMs, changedMs + 1_000)).toISOString(),
      sheetId: sheet.id,
      rowId,
      workRequest,
      columnName: rule.column,
      violationType: rule.code,
      oldValue: (oldCents / 100).toFixed(2),
      newValue: ((oldCents + deltaCents) / 100).toFixed(2),
      deltaCents,
      changedBy: editor,
      changedAt,
      weekEnding,
      isHistorical: false,
      auditRunId: runId,
      severity,
      issueDescription: `${rule.code.replaceAll('_', ' ').toLowerCase()} on Work Request ${workRequest}`,
      suggestedFix: 'Confirm the change with the billing office',
      sheetReference: `https://app.smartsheet.com/sheets/${sheet.id}?rowId=${rowId}`,
      ipAddress: null,
      deviceInfo: null,
      sessionId: null,
      userAgent: null,
      riskScore: risk,
      anomalyScore: Math.round(this.random() * 10_000) / 10_000,
      predictedCategory: risk > 0.5 ? 'suspicious' : 'routine',
      details,
    };
  }

  private scoredChangeOf(n: number, event: AuditEventRecord, changedMs: number): ScoredChange {
    const local = new Date(changedMs - 5 * 3_600_000);
    const observation: ChangeObservation = {
      changeId: uuidOf(2, n),
      runId: event.runId ?? 'cycle-seed',
      sheetId: event.sheetId ?? 0,
      rowId: event.rowId ?? 0,
      columnName: event.columnName,
      revision: event.revision,
      field: 'price',
      sheetName: String(event.details.sheetName),
      rowNumber: 1 + (n % 1_600),
      oldValue: event.oldValue,
      newValue: event.newValue,
      sheetReference: event.sheetReference,
      editor: event.changedBy,
      editorHuman: true,
      editorCorrector: event.violationType === 'AUTHORIZED_CORRECTION',
      editorAuthorised: event.violationType !== 'UNAUTHORIZED_EDITOR',
      changeAgent: null,
      changedAt: event.changedAt ?? new Date(changedMs).toISOString(),
      localHour: local.getUTCHours(),
      localWeekday: (local.getUTCDay() + 6) % 7,
      deltaCents: event.deltaCents,
      rowPriceCents: Math.round(Number(event.oldValue) * 100),
      unitPriceCents: null,
      contractUnitCents: null,
      valueRatio: Number(event.newValue) / Math.max(0.01, Number(event.oldValue)),
      cu: `CU-${100 + (n % 300)}`,
      workRequest: event.workRequest,
      weekEnding: event.weekEnding as ChangeObservation['weekEnding'],
      hoursAfterClose: Math.round(this.random() * 400),
      rules: [event.violationType],
      maxSeverity: event.severity,
    };
    return {
      observation,
      anomalyScore: event.anomalyScore,
      riskScore: event.riskScore ?? 0,
      category: event.predictedCategory ?? 'routine',
      signature: `${event.violationType}:price`,
      modelId: null,
      explanation: event.details.risk as JsonObject,
      flagRank: null,
      flagPriority: null,
    };
  }

  /** One published report per (Work Request, week) a crew billed: `perWeek` Work Requests a week. */
  *reports(perWeek: number): Generator<PublishedReport> {
    for (let week = 0; week < Math.floor(this.size.days / 7); week += 1) {
      const weekEnding = sundayOnOrAfter(this.start + week * 7 * DAY_MS);
      for (let i = 0; i < perWeek; i += 1) {
        const workRequest = this.workRequests[(week * perWeek + i) % this.workRequests.length]!;
        yield {
          identityKey: `${workRequest}|${weekEnding}|primary|`,
          workRequest,
          weekEnding,
          variant: 'primary',
          claimer: null,
          contentHash: uuidOf(4, week * perWeek + i).replaceAll('-', ''),
          fileName: `WR_${workRequest}_WeekEnding_${weekEnding}.xlsx`,
          targetRowId: ROW_BASE + week * 10_000 + i,
          attachmentId: 600_000_000 + week * 10_000 + i,
          publishedAt: new Date(Date.parse(weekEnding) + DAY_MS + 3_600_000).toISOString(),
          runId: this.runIdAt(Date.parse(weekEnding) + DAY_MS),
        };
      }
    }
  }
}
