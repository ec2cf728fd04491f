import { afterEach, describe, expect, it } from 'vitest';
import { simulateEdits } from '../../emulator/simulator/simulate-edits.js';
import type { GroundTruthLabel } from '../../emulator/simulator/ground-truth-label.js';
import { CHANGES_SHEET } from '../../src/adapters/audit-workbook/changes-sheet.js';
import { renderAuditWorkbook } from '../../src/adapters/audit-workbook/render-audit-workbook.js';
import { SUMMARY_LABELS, SUMMARY_SHEET } from '../../src/adapters/audit-workbook/summary-sheet.js';
import {
  openAuditWorkbook,
  tableBelow,
  valuesByLabel,
} from '../../src/adapters/audit-workbook/testing/read-audit-workbook.js';
import { readPngHeader } from '../../src/adapters/charts/testing/read-png-header.js';
import { EchartsPngRenderer } from '../../src/adapters/charts/echarts-png-renderer.js';
import {
  ed25519SignerFromPrivateKey,
  generateSigningKey,
} from '../../src/adapters/signing/ed25519-signer.js';
import { smartsheetAuditSheet } from '../../src/adapters/smartsheet/smartsheet-audit-sheet.js';
import type { ChainedAuditEvent } from '../../src/domain/audit-chain.js';
import type { SnapshotStore } from '../../src/ports/sheet-store.js';
import { publishAuditOutputs } from '../../src/services/publish-audit-outputs.js';
import type { CycleDependencies } from '../../src/services/run-report-cycle.js';
import { seedEnvironment } from '../../src/cli/demo-environment.js';
import { startCycleHarness } from '../support/report-cycle-harness.js';
import type { CycleHarness } from '../support/report-cycle-harness.js';

let harness: CycleHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const EXPECTED_CODE: Partial<Record<GroundTruthLabel['kind'], string>> = {
  post_close_price_increase: 'POST_CLOSE_EDIT',
  post_close_quantity_bump: 'POST_CLOSE_EDIT',
  billed_row_deleted: 'BILLED_ROW_DELETED',
  week_restamp: 'WEEK_MOVED',
  unauthorized_editor: 'UNAUTHORIZED_EDITOR',
  duplicate_unit: 'DUPLICATE_UNIT',
};

async function allEvents(h: CycleHarness): Promise<ChainedAuditEvent[]> {
  return (await h.store.audit.listEvents({ limit: 100_000 })).events;
}

function auditOutputs(h: CycleHarness): Pick<CycleDependencies, 'publishAudit'> {
  const signer = ed25519SignerFromPrivateKey(generateSigningKey().privateKeyPem);
  const auditSheet = smartsheetAuditSheet(h.client);
  const auditSheetId = seedEnvironment(h.seed).auditSheetId;
  return {
    publishAudit: (events, summary) =>
      publishAuditOutputs(
        {
          audit: h.store.audit,
          signer,
          auditSheet,
          renderWorkbook: (runEvents, figures, checkpointText) =>
            renderAuditWorkbook(runEvents, figures, {
              runId: summary.runId,
              generatedAt: figures.generatedAt,
              timeZone: 'America/Chicago',
              companyName: 'Test',
              checkpointText,
              chartRenderer: new EchartsPngRenderer(),
            }),
        },
        events,
        { runId: summary.runId, now: new Date(summary.startedAt), timeZone: 'America/Chicago', auditSheetId },
      ),
  };
}

const sameValue = (label: unknown, stored: string | null) =>
  label === null || label === undefined || label === ''
    ? stored === null || stored === ''
    : String(label) === stored || Number(label) === Number(stored);

describe('change audit on a labelled simulation', () => {
  it('detects every planted violation with its code, editor, values and delta, and flags no benign edit', async () => {
    const h = (harness = await startCycleHarness({ seed: 'small' }));
    const outputs = auditOutputs(h);
    await h.run({ override: outputs });
    const baseline = (await allEvents(h)).length;
    await h.control('DELETE', '/requests');

    const { labels } = await simulateEdits({
      baseUrl: h.emulator.baseUrl,
      controlUrl: h.emulator.controlUrl,
      seed: h.seed,
      rounds: 2,
      editsPerRound: 20,
      randomSeed: 5,
      plantRate: 0.5,
    });
    const second = await h.run({ override: outputs });
    expect(second.status).toBe('succeeded');
    const events = (await allEvents(h)).slice(baseline);

    const planted = labels.filter((l) => EXPECTED_CODE[l.kind]);
    expect(planted.length).toBeGreaterThan(3);
    for (const label of planted) {
      const code = EXPECTED_CODE[label.kind] as string;
      // A duplicate is reported on the copy with the higher (sheet, row) id, naming the other.
      const other = (e: ChainedAuditEvent) =>
        e.details.duplicateOf as { sheetId?: number; rowId?: number } | undefined;
      const match = events.find(
        (e) =>
          e.violationType === code &&
          ((e.sheetId === label.sheetId && e.rowId === label.rowId) ||
            (code === 'DUPLICATE_UNIT' &&
              other(e)?.sheetId === label.sheetId &&
              other(e)?.rowId === label.rowId)),
      );
      expect(
        match,
        `${label.kind} on row ${label.rowId} (${label.columnTitle}) by ${label.editor}`,
      ).toBeDefined();
      if (code === 'DUPLICATE_UNIT') continue;
      if (code !== 'BILLED_ROW_DELETED') expect(match?.changedBy).toBe(label.editor.toLowerCase());
      if (match?.columnName) {
        expect(sameValue(label.oldValue, match.oldValue), `old value of ${label.kind}`).toBe(true);
        expect(sameValue(label.newValue, match.newValue), `new value of ${label.kind}`).toBe(true);
      }
      if (label.kind === 'post_close_price_increase') {
        expect(match?.deltaCents).toBe(Math.round((Number(label.newValue) - Number(label.oldValue)) * 100));
        expect(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']).toContain(match?.severity);
      }
    }

    // Benign work by authorised staff in open weeks raises nothing above INFO.
    for (const label of labels.filter((l) => !l.planted)) {
      const flagged = events.filter(
        (e) => e.sheetId === label.sheetId && e.rowId === label.rowId && e.severity !== 'INFO',
      );
      expect(flagged, `${label.kind} on row ${label.rowId}`).toEqual([]);
    }

    // At most one cell-history call per changed billing cell (counted by the emulator).
    const counts = (await h.control('GET', '/requests/counts')) as { byRoute: Record<string, number> };
    const historyCalls = counts.byRoute['GET /sheets/{sheetId}/rows/{rowId}/columns/{columnId}/history'] ?? 0;
    expect(historyCalls).toBe(second.audit.historyCalls);
    const changedCells = labels.filter((l) => l.kind !== 'billed_row_deleted').length;
    expect(historyCalls).toBeLessThanOrEqual(changedCells);

    // The audit sheet holds exactly the stored events (plus one summary row per run).
    const sheetRows = await smartsheetAuditSheet(h.client).readRows(
      seedEnvironment(h.seed).auditSheetId as number,
    );
    const stored = await allEvents(h);
    expect(sheetRows.filter((r) => r['Work Request #'] !== 'RUN SUMMARY')).toHaveLength(stored.length);
    expect(sheetRows.filter((r) => r['Work Request #'] === 'RUN SUMMARY')).toHaveLength(2);

    // The run's workbook, as attached in Smartsheet: its figures are the run's stored events.
    const auditSheetId = seedEnvironment(h.seed).auditSheetId as number;
    const workbooks = (await h.source.listRowAttachments(auditSheetId)).filter(
      (a) => a.name === `Audit_${second.runId}.xlsx`,
    );
    expect(workbooks).toHaveLength(1);
    const opened = await openAuditWorkbook(await h.client.downloadAttachment(auditSheetId, workbooks[0]!.id));
    const runEvents = stored.filter((e) => e.auditRunId === second.runId);
    expect(runEvents.length).toBeGreaterThan(3);
    const figures = valuesByLabel(opened.sheet(SUMMARY_SHEET));
    expect(figures.get(SUMMARY_LABELS.changes)).toBe(runEvents.length);
    expect(figures.get(SUMMARY_LABELS.netImpact)).toBeCloseTo(
      runEvents.reduce((n, e) => n + (e.deltaCents ?? 0), 0) / 100,
      2,
    );
    const severityRows = tableBelow(opened.sheet(SUMMARY_SHEET), 'Severity');
    for (const severity of ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO']) {
      expect(severityRows.find((cells) => cells[0] === severity)?.[1]).toBe(
        runEvents.filter((e) => e.severity === severity).length,
      );
    }
    expect(opened.sheet(CHANGES_SHEET).rowCount).toBe(runEvents.length + 1);
    expect(opened.media.size).toBe(4);
    for (const png of opened.media.values()) expect(readPngHeader(png)?.width).toBeGreaterThan(0);

    // Re-running finds nothing new, on the trail or the sheet.
    const third = await h.run({ override: outputs });
    expect(third.audit.findings.eventCount).toBe(0);
    expect(await allEvents(h)).toHaveLength(stored.length);
    const again = await smartsheetAuditSheet(h.client).readRows(
      seedEnvironment(h.seed).auditSheetId as number,
    );
    expect(again.filter((r) => r['Work Request #'] !== 'RUN SUMMARY')).toHaveLength(stored.length);
  });

  it('records each change exactly once when a cycle dies midway and is run again', async () => {
    const h = (harness = await startCycleHarness({ seed: 'small' }));
    await h.run();
    await simulateEdits({
      baseUrl: h.emulator.baseUrl,
      controlUrl: h.emulator.controlUrl,
      seed: h.seed,
      rounds: 1,
      editsPerRound: 25,
      randomSeed: 9,
      plantRate: 0.6,
    });

    // The process dies after the audit of the second changed sheet, before its snapshots are stored.
    let commits = 0;
    const dying: SnapshotStore = {
      ...h.store.snapshots,
      upsertSnapshots: async (rows) => {
        if (rows.length > 0 && ++commits === 2) throw new Error('killed mid-cycle');
        return h.store.snapshots.upsertSnapshots(rows);
      },
    };
    const died = await h.run({ override: { snapshots: dying } });
    expect(died.status).toBe('failed');
    const afterCrash = await allEvents(h);

    const recovered = await h.run();
    expect(recovered.status).toBe('succeeded');
    const events = await allEvents(h);
    const keys = events.map((e) => `${e.sheetId}|${e.rowId}|${e.columnName}|${e.revision}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(events.length).toBeGreaterThanOrEqual(afterCrash.length);
    // A clean third run adds nothing: every change was recorded once.
    await h.run();
    expect(await allEvents(h)).toHaveLength(events.length);
  });
});
