// Fills a migrated store with the synthetic corpus through the store's own write paths — the
// events through AuditStore.appendEvents, which links the hash chain exactly as a run does, so
// `ledgerline audit verify` holds for the result — and says how long each part took.
import type { Store } from '../../src/ports/store.js';
import { inParallel } from './latency-figures.js';
import type { SyntheticAuditCorpus } from './synthetic-audit-corpus.js';

export interface SeedTimings {
  readonly events: number;
  readonly changes: number;
  readonly snapshots: number;
  readonly runs: number;
  readonly reports: number;
  readonly seconds: Readonly<Record<'sheets' | 'events' | 'runs' | 'reports', number>>;
}

const EVENT_BATCH = 10_000;
const REPORTS_PER_WEEK = 570;

export async function seedDashboardStore(
  store: Store,
  corpus: SyntheticAuditCorpus,
  progress: (line: string) => void,
): Promise<SeedTimings> {
  const timer = () => {
    const started = performance.now();
    return () => (performance.now() - started) / 1000;
  };

  let elapsed = timer();
  for (const sheet of corpus.sheets) await store.sheets.upsertSheet(sheet);
  let snapshots = 0;
  for (const batch of corpus.snapshots(5_000)) {
    await store.snapshots.upsertSnapshots(batch);
    snapshots += batch.length;
  }
  const sheetSeconds = elapsed();

  elapsed = timer();
  let events = 0;
  let changes = 0;
  for (const batch of corpus.events(EVENT_BATCH)) {
    events += (await store.audit.appendEvents(batch.events)).length;
    if (batch.changes.length > 0) changes += await store.risk.recordChanges(batch.changes);
    if (events % 100_000 === 0)
      progress(`  … ${events.toLocaleString('en-US')} events (${elapsed().toFixed(0)} s)`);
  }
  const eventSeconds = elapsed();

  // A cycle every two hours over the period, each with a summary like `ledgerline run` prints.
  elapsed = timer();
  const cycleMs = 7_200_000;
  const runStarts: number[] = [];
  for (let at = Math.ceil(corpus.start / cycleMs) * cycleMs; at < corpus.now.getTime(); at += cycleMs)
    runStarts.push(at);
  await inParallel(runStarts, 8, async (at) => {
    const id = corpus.runIdAt(at);
    await store.runs.startRun({ id, kind: 'cycle', startedAt: new Date(at).toISOString() });
    await store.runs.finishRun(id, {
      finishedAt: new Date(at + 41_000).toISOString(),
      status: 'succeeded',
      summary: {
        sheets: { discovered: corpus.sheets.length, synced: corpus.sheets.length, unchanged: 80 },
        rows: { fetched: 412, changed: 37, deleted: 0 },
        audit: { changes: 37, events: 11, bySeverity: { INFO: 2, LOW: 3, MEDIUM: 4, HIGH: 2, CRITICAL: 0 } },
        reports: { planned: 29_640, published: 14, unchanged: 29_626 },
        requests: { total: 131, byKind: { sheetVersion: 90, rowsModifiedSince: 10, cellHistory: 31 } },
      },
      error: null,
    });
  });
  const runSeconds = elapsed();

  elapsed = timer();
  const reports = [...corpus.reports(REPORTS_PER_WEEK)];
  await inParallel(reports, 8, (report) => store.reports.recordPublished(report));
  const reportSeconds = elapsed();

  return {
    events,
    changes,
    snapshots,
    runs: runStarts.length,
    reports: reports.length,
    seconds: { sheets: sheetSeconds, events: eventSeconds, runs: runSeconds, reports: reportSeconds },
  };
}
