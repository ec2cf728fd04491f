import { afterEach, describe, expect, it } from 'vitest';
import { editorToken, startCycleHarness } from '../support/report-cycle-harness.js';
import type { CycleHarness } from '../support/report-cycle-harness.js';

let harness: CycleHarness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function api(h: CycleHarness, method: string, path: string, body?: unknown) {
  const response = await fetch(`${h.emulator.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${editorToken(h.seed)}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(response.status, `${method} ${path}`).toBe(200);
}

describe('sheets that stop being readable are loud findings', () => {
  it('reports a source sheet that vanished, fails the run, and keeps its rows in the reports', async () => {
    const h = (harness = await startCycleHarness({ seed: 'tiny' }));
    const first = await h.run();
    const [gone] = h.sourceSheetIds;
    await api(h, 'DELETE', `/sheets/${gone}`);

    const second = await h.run();
    expect(second.status).toBe('partial');
    const vanished = second.findings.filter((f) => f.kind === 'sheet-vanished');
    expect(vanished).toHaveLength(1);
    expect(vanished[0]?.loud).toBe(true);
    expect(vanished[0]?.message).toContain(String(gone));
    // Its last known rows still count: no report silently shrinks.
    expect(second.rows.stored).toBe(first.rows.stored);
    expect(second.reports.uploaded).toBe(0);
  });

  it('reports a sheet whose Work Request column no longer maps, without reading its rows', async () => {
    const h = (harness = await startCycleHarness({ seed: 'tiny' }));
    await h.run();
    const sheetId = h.sourceSheetIds[0] as number;
    const columns = await h.client.getColumns(sheetId);
    const workRequest = columns.find((c) => /work request/i.test(c.title));
    await api(h, 'PUT', `/sheets/${sheetId}/columns/${workRequest?.id}`, { title: 'Job Ticket' });

    const second = await h.run();
    expect(second.status).toBe('partial');
    const unmapped = second.findings.find((f) => f.kind === 'sheet-unmapped');
    expect(unmapped?.loud).toBe(true);
    expect(unmapped?.message).toContain('workRequest');
    expect(second.reports.uploaded).toBe(0);
  });
});
