// Smartsheet requests per incremental cycle against rows changed (issue #10, bench item 4): the
// emulator's `demo` workspace is synced and published fully once; then, for each k, k billable rows
// spread over the source sheets get a new price (one bulk PUT per sheet, outside the count) and one
// incremental cycle runs. Prints what the emulator's request log saw — total, by route and in
// rate-limit units — and requests per changed row; k = 0 is the unchanged cycle. Figures only.
//
// Run: node --import tsx bench/incremental-requests.ts [k…]   (default 0 1 10 100 1000)
import os from 'node:os';
import { editorToken, startCycleHarness } from '../test/support/report-cycle-harness.js';

const steps = process.argv.slice(2).map(Number);
const ks = steps.length > 0 ? steps : [0, 1, 10, 100, 1_000];

interface RequestCounts {
  total: number;
  byRoute: Record<string, number>;
  rateLimited: number;
  unitsByUser: Record<string, number>;
}

const h = await startCycleHarness({ seed: 'demo' });
try {
  const token = editorToken(h.seed);
  const fullStarted = performance.now();
  await h.control('DELETE', '/requests');
  const full = await h.run();
  const fullCounts = (await h.control('GET', '/requests/counts')) as RequestCounts;
  const rows = await h.store.snapshots.countSnapshots();
  console.log(
    `Smartsheet requests per incremental cycle (emulator seed demo: ${rows.toLocaleString('en-US')} rows on ${h.sourceSheetIds.length} source sheets; ${os.availableParallelism()} cores, Node ${process.version})`,
  );
  console.log(
    `  full cycle: ${fullCounts.total.toLocaleString('en-US')} requests (${units(fullCounts)} units), ${full.status}, ${((performance.now() - fullStarted) / 1000).toFixed(1)} s`,
  );

  // Candidate rows per sheet: billable with a price; each k takes rows no earlier k touched.
  const candidates = new Map<number, { rowId: number; price: number }[]>();
  const priceColumn = new Map<number, number>();
  for (const sheetId of h.sourceSheetIds) {
    const snapshots = await h.store.snapshots.listSnapshots(sheetId);
    candidates.set(
      sheetId,
      snapshots
        .filter((s) => s.billable && typeof s.values.price === 'number')
        .map((s) => ({ rowId: s.rowId, price: Number(s.values.price) })),
    );
    const columns = await h.client.getColumns(sheetId);
    priceColumn.set(sheetId, columns.find((c) => /price/i.test(c.title))!.id);
  }
  const used = new Map<number, number>();

  console.log(
    `  ${'changed rows'.padStart(12)} ${'requests'.padStart(9)} ${'units'.padStart(7)} ${'per row'.padStart(8)} ${'changes'.padStart(8)} ${'seconds'.padStart(8)}  by route`,
  );
  for (const k of ks) {
    const bySheet = new Map<number, { id: number; cells: { columnId: number; value: number }[] }[]>();
    for (let i = 0; i < k; i += 1) {
      const sheetId = h.sourceSheetIds[i % h.sourceSheetIds.length]!;
      const offset = used.get(sheetId) ?? 0;
      const row = candidates.get(sheetId)?.[offset];
      if (!row) throw new Error(`sheet ${sheetId} has too few billable rows for k = ${k}`);
      used.set(sheetId, offset + 1);
      const edits = bySheet.get(sheetId) ?? [];
      edits.push({ id: row.rowId, cells: [{ columnId: priceColumn.get(sheetId)!, value: row.price + 75 }] });
      bySheet.set(sheetId, edits);
    }
    for (const [sheetId, body] of bySheet) {
      const response = await fetch(`${h.emulator.baseUrl}/sheets/${sheetId}/rows`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok)
        throw new Error(`edit of sheet ${sheetId} failed: ${response.status} ${await response.text()}`);
    }
    await h.control('DELETE', '/requests');
    const started = performance.now();
    const summary = await h.run();
    const seconds = (performance.now() - started) / 1000;
    const counts = (await h.control('GET', '/requests/counts')) as RequestCounts;
    const routes = Object.entries(counts.byRoute)
      .sort((a, b) => b[1] - a[1])
      .map(([route, n]) => `${route} ${n}`)
      .join(', ');
    const perRow = k === 0 ? '—' : (counts.total / k).toFixed(2);
    console.log(
      `  ${String(k).padStart(12)} ${String(counts.total).padStart(9)} ${String(units(counts)).padStart(7)} ${perRow.padStart(8)} ${String(summary.audit.changes).padStart(8)} ${seconds.toFixed(1).padStart(8)}  ${routes}${counts.rateLimited > 0 ? ` (${counts.rateLimited} × 429)` : ''}`,
    );
  }
  console.log(
    `  (an unchanged cycle should cost about one version request per source sheet plus discovery; ${h.sourceSheetIds.length} source sheets here)`,
  );
} finally {
  await h.close();
}

function units(counts: RequestCounts): number {
  return Object.values(counts.unitsByUser).reduce((sum, n) => sum + n, 0);
}
