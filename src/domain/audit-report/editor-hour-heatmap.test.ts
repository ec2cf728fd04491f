import { describe, expect, it } from 'vitest';
import { buildAuditEventChain } from './testing/build-audit-event-chain.js';
import { editorHourHeatmap } from './editor-hour-heatmap.js';
import { placeAuditEvent } from './placed-audit-event.js';

const ZONE = 'America/Chicago';

describe('editorHourHeatmap', () => {
  it('adds absolute impact into the editor row and local hour column', () => {
    const placed = buildAuditEventChain([
      { changedBy: 'ann@example.com', changedAt: '2025-08-18T14:10:00Z', deltaCents: -5_000 },
      { changedBy: 'ann@example.com', changedAt: '2025-08-18T14:50:00Z', deltaCents: 2_000 },
      { changedBy: 'bob@example.com', changedAt: '2025-08-19T03:00:00Z', deltaCents: 100 },
    ]).map((event) => placeAuditEvent(event, ZONE));

    const heatmap = editorHourHeatmap(placed, ['ann@example.com', 'bob@example.com']);

    expect(heatmap.editors).toEqual(['ann@example.com', 'bob@example.com']);
    expect(heatmap.cells[0]?.[9]).toBe(7_000); // 14:xx UTC is 09:xx CDT
    expect(heatmap.cells[1]?.[22]).toBe(100); // 03:00 UTC is 22:00 CDT the evening before
    expect(heatmap.cells.flat().reduce((a, b) => a + b, 0)).toBe(7_100);
  });

  it('folds the editors past the row limit into one row, keeping every cent', () => {
    const editors = ['a', 'b', 'c', 'd'].map((name) => `${name}@example.com`);
    const placed = buildAuditEventChain(
      editors.map((changedBy, index) => ({ changedBy, deltaCents: (index + 1) * 100 })),
    ).map((event) => placeAuditEvent(event, ZONE));

    const heatmap = editorHourHeatmap(placed, editors, 3);

    expect(heatmap.editors).toEqual(['a@example.com', 'b@example.com', 'Other editors (2)']);
    expect(heatmap.cells[2]?.reduce((a, b) => a + b, 0)).toBe(300 + 400);
    expect(heatmap.cells.every((row) => row.length === 24)).toBe(true);
  });
});
