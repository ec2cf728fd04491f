// Excel report throughput: renders synthetic weekly reports (5–40 lines each, the same set every
// run) one by one in this thread, then through renderReports on worker threads, and prints
// workbooks per second and the 95th-percentile milliseconds per workbook for each.
//   node --import tsx bench/excel-throughput.ts [--count 2000] [--concurrency N]
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { ExcelReportRenderer } from '../src/adapters/excel/excel-report-renderer.js';
import { renderReports } from '../src/adapters/excel/render-reports-in-parallel.js';
import type { ReportBranding, ReportDayBlock, ReportLine, WeeklyReport } from '../src/ports/report-writer.js';

const { values: args } = parseArgs({
  options: { count: { type: 'string', default: '2000' }, concurrency: { type: 'string' } },
});
const count = Number(args.count);
const cores = availableParallelism();
const concurrency = args.concurrency === undefined ? cores : Number(args.concurrency);

/** mulberry32: a small seeded generator, so every run renders exactly the same reports. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const UNITS = [
  ['ALB-6-AUR1', 'Aluminium bare conductor, 6 AWG', 'FT'],
  ['POLE-40-C3', 'Wood pole 40 ft class 3', 'EA'],
  ['GUY-ANCH-8', 'Guy anchor 8 in, screw type', 'EA'],
  ['XFMR-25-1P', 'Transformer 25 kVA single phase, pole mounted', 'EA'],
  ['UG-COND-2', 'Underground primary conductor 2/0 in conduit', 'FT'],
  ['SVC-DROP-1', 'Service drop triplex 1/0', 'EA'],
] as const;
const WORK_TYPES = ['Install', 'Removal', 'Transfer', 'Inst', 'Rem', 'Xfr'] as const;
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

function syntheticReport(index: number): WeeklyReport {
  const random = seededRandom(index + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const lineCount = 5 + Math.floor(random() * 36);
  const byDay = new Map<number, ReportLine[]>();
  for (let line = 0; line < lineCount; line++) {
    const [cu, description, uom] = pick(UNITS);
    // About one line in twenty has a snapshot date outside the week: the `Other dates` block (7).
    const day = random() < 0.05 ? 7 : Math.floor(random() * 5);
    const dayLines = byDay.get(day) ?? [];
    dayLines.push({
      pointNumber: `P-${100 + line}`,
      cu,
      workType: pick(WORK_TYPES),
      description,
      uom,
      quantity: uom === 'FT' ? Math.round(random() * 4000) / 10 : 1 + Math.floor(random() * 4),
      scope: `SC-${4000 + (index % 300)}`,
      priceCents: 500 + Math.floor(random() * 500_000),
    });
    byDay.set(day, dayLines);
  }
  const blocks: ReportDayBlock[] = [...byDay.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, lines]) => ({
      label: day === 7 ? 'Other dates' : `${DAYS[day]} (08/${String(11 + day).padStart(2, '0')}/2025)`,
      ...(day === 7 ? {} : { date: `2025-08-${String(11 + day).padStart(2, '0')}` }),
      lines,
      totalCents: lines.reduce((sum, line) => sum + line.priceCents, 0),
    }));
  const workRequest = String(89_000_000 + index);
  return {
    fileName: `WR_${workRequest}_WeekEnding_081725.xlsx`,
    workRequest,
    weekEnding: '2025-08-17',
    variant: 'primary',
    periodStart: '2025-08-11',
    periodEnd: '2025-08-17',
    foreman: `Foreman ${index % 40}`,
    scopeId: `SC-${4000 + (index % 300)}`,
    workOrder: `WO-${330_000 + index}`,
    customer: 'Prairie Electric Cooperative',
    job: `J-2025-${index % 900}`,
    dept: String(400 + (index % 20)),
    blocks,
    totalCents: blocks.reduce((sum, block) => sum + block.totalCents, 0),
    lineCount,
    contentHash: index.toString(16).padStart(64, '0'),
    generatedAt: '2025-08-18T19:05:00Z',
  };
}

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

function printLine(mode: string, seconds: number, samples: number[]): void {
  const perSecond = (samples.length / seconds).toFixed(1).padStart(8);
  const p95 = percentile(samples, 0.95).toFixed(2).padStart(7);
  console.log(
    `${mode.padEnd(26)} ${perSecond} workbooks/s   p95 ${p95} ms/workbook   (${seconds.toFixed(1)} s total)`,
  );
}

const branding: ReportBranding = { companyName: 'Linewise Utility Contractors', timeZone: 'America/Chicago' };
const reports = Array.from({ length: count }, (_, index) => syntheticReport(index));
const totalLines = reports.reduce((sum, report) => sum + report.lineCount, 0);
console.log(
  `Excel throughput: ${count} workbooks, ${(totalLines / count).toFixed(1)} lines on average, ` +
    `${cores} cores available, Node ${process.version}`,
);

// Warm-up so both modes meet a JIT-compiled ExcelJS; not counted.
const renderer = new ExcelReportRenderer();
for (const report of reports.slice(0, 20)) await renderer.render(report, branding);

const sequentialMs: number[] = [];
let started = performance.now();
for (const report of reports) {
  const before = performance.now();
  await renderer.render(report, branding);
  sequentialMs.push(performance.now() - before);
}
printLine('sequential (1 thread)', (performance.now() - started) / 1000, sequentialMs);

const parallelMs: number[] = [];
started = performance.now();
await renderReports(reports, branding, {
  concurrency,
  onRendered: ({ renderMs }) => parallelMs.push(renderMs),
});
printLine(`parallel (${concurrency} workers)`, (performance.now() - started) / 1000, parallelMs);
console.log('Parallel time includes starting the workers; its p95 is measured inside each worker.');
