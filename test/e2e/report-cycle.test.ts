import { afterEach, describe, expect, it } from 'vitest';
import { readContentHash } from '../../src/adapters/excel/content-hash-property.js';
import { centsAt, loadReportSheet, readBlocks } from '../../src/adapters/excel/testing/read-report-sheet.js';
import { parseReportFileName, reportIdentityKey } from '../../src/domain/report-identity.js';
import { editorToken, startCycleHarness } from '../support/report-cycle-harness.js';
import type { CycleHarness } from '../support/report-cycle-harness.js';
import { expectedTotals } from './independent-billing.js';

let harness: CycleHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function attachmentsByName(h: CycleHarness) {
  const list = await h.source.listRowAttachments(h.targetSheetId);
  return list.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
}

async function countRequests(h: CycleHarness) {
  return (await h.control('GET', '/requests/counts')) as { total: number; byRoute: Record<string, number> };
}

describe('reports cycle against the emulator', () => {
  it('publishes one workbook per Work Request and week whose every number matches the sheets', async () => {
    const h = (harness = await startCycleHarness({ seed: 'small' }));
    const summary = await h.run();
    expect(summary.status).toBe('succeeded');

    const sources = await Promise.all(h.sourceSheetIds.map((id) => h.client.getSheet(id)));
    const expected = expectedTotals(sources);
    const published = await h.store.reports.listPublishedReports();
    expect(published).toHaveLength(expected.size);
    expect(summary.reports.uploaded).toBe(expected.size);

    for (const record of published) {
      const identity = parseReportFileName(record.fileName);
      expect(identity.ok && reportIdentityKey(identity.value)).toBe(record.identityKey);
      const want = expected.get(`${record.workRequest}|${record.weekEnding}`);
      expect(want, `${record.fileName} has no independent counterpart`).toBeDefined();
      const bytes = await h.client.downloadAttachment(h.targetSheetId, record.attachmentId);
      const { sheet } = await loadReportSheet(bytes);
      const { blocks, weekTotalCents } = readBlocks(sheet);
      expect(sheet.getCell('G9').value).toBe(record.workRequest);
      expect(centsAt(sheet, 'C8')).toBe(want?.cents);
      expect(weekTotalCents).toBe(want?.cents);
      expect(blocks.reduce((n, b) => n + b.totalCents, 0)).toBe(want?.cents);
      for (const block of blocks)
        expect(block.lines.reduce((n, l) => n + l.priceCents, 0)).toBe(block.totalCents);
      const lines = blocks.flatMap((b) => b.lines.map((l) => l.priceCents)).sort((a, b) => a - b);
      expect(lines).toEqual([...(want?.prices ?? [])].sort((a, b) => a - b));
      expect(await readContentHash(bytes)).toBe(record.contentHash);
    }
  });

  it('uploads nothing on an unchanged second run, with at most 2 requests per source sheet plus discovery', async () => {
    const h = (harness = await startCycleHarness({ seed: 'small' }));
    await h.run();
    await h.control('DELETE', '/requests');
    const second = await h.run();
    expect(second.reports.uploaded).toBe(0);
    expect(second.reports.deleted).toBe(0);
    const counts = await countRequests(h);
    const discovery = Object.entries(counts.byRoute)
      .filter(([route]) => route.includes('/workspaces') || route.includes('/folders'))
      .reduce((n, [, c]) => n + c, 0);
    const sheetReads = counts.total - discovery;
    // One version check per source sheet, and one for the target sheet.
    expect(sheetReads).toBeLessThanOrEqual(2 * h.sourceSheetIds.length + 1);
    expect(counts.byRoute['POST /sheets/{sheetId}/rows/{rowId}/attachments'] ?? 0).toBe(0);
  });

  it('republishes exactly the groups whose rows were edited and removes only their older files', async () => {
    const h = (harness = await startCycleHarness({ seed: 'small' }));
    await h.run();
    const before = await attachmentsByName(h);
    const published = await h.store.reports.listPublishedReports();

    // Five rows in three groups (2 + 2 + 1), each price raised by $1.
    const snapshots = (
      await Promise.all(h.sourceSheetIds.map((id) => h.store.snapshots.listSnapshots(id)))
    ).flat();
    const rowsByGroup = new Map<string, typeof snapshots>();
    for (const s of snapshots.filter((s) => s.billable)) {
      const key = `${String(s.values.workRequest).replace(/\.0$/, '')}|${String(s.values.weekEnding)}`;
      rowsByGroup.set(key, [...(rowsByGroup.get(key) ?? []), s]);
    }
    const groups = [...rowsByGroup.values()]
      .filter((rows) => rows.length >= 2 && typeof rows[0]?.values.price === 'number')
      .slice(0, 3);
    const edited = [
      ...(groups[0] ?? []).slice(0, 2),
      ...(groups[1] ?? []).slice(0, 2),
      ...(groups[2] ?? []).slice(0, 1),
    ];
    expect(edited).toHaveLength(5);
    for (const row of edited) {
      const sheet = await h.client.getSheet(row.sheetId, { rowIds: [row.rowId] });
      const priceColumn = sheet.columns.find((c) => /price/i.test(c.title));
      const cell = sheet.rows[0]?.cells.find((c) => c.columnId === priceColumn?.id);
      const response = await fetch(`${h.emulator.baseUrl}/sheets/${row.sheetId}/rows`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${editorToken(h.seed)}`, 'content-type': 'application/json' },
        body: JSON.stringify([
          { id: row.rowId, cells: [{ columnId: priceColumn?.id, value: Number(cell?.value) + 1 }] },
        ]),
      });
      expect(response.status).toBe(200);
    }

    const second = await h.run();
    expect(second.rows.changes.updated).toBe(5);
    expect(second.reports.uploaded).toBe(3);
    expect(second.reports.deleted).toBe(3);
    const after = await attachmentsByName(h);
    const republished = new Set(
      (await h.store.reports.listPublishedReports())
        .filter((p) => !published.some((q) => q.attachmentId === p.attachmentId))
        .map((p) => p.fileName),
    );
    expect(republished.size).toBe(3);
    // Every other attachment is exactly as before; each republished identity has one new file.
    expect(after.filter((a) => !republished.has(a.name))).toEqual(
      before.filter((a) => !republished.has(a.name)),
    );
    for (const name of republished) expect(after.filter((a) => a.name === name)).toHaveLength(1);
    expect(after).toHaveLength(before.length);
  });
});
