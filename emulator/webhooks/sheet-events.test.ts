import { describe, expect, it } from 'vitest';
import { filterForSubscope, type SheetEvent, toCallbackEvent } from './sheet-events.js';

const events: SheetEvent[] = [
  { objectType: 'sheet', eventType: 'updated', id: 1 },
  { objectType: 'row', eventType: 'created', id: 10, causeColumns: [100, 200] },
  { objectType: 'cell', eventType: 'updated', rowId: 10, columnId: 100, causeColumns: [100] },
  { objectType: 'cell', eventType: 'updated', rowId: 10, columnId: 200, causeColumns: [200] },
  { objectType: 'attachment', eventType: 'created', id: 55 },
];

describe('filterForSubscope', () => {
  it('keeps everything without a subscope', () => {
    expect(filterForSubscope(events, undefined)).toHaveLength(5);
    expect(filterForSubscope(events, [])).toHaveLength(5);
  });

  it('keeps only events caused by watched columns, plus the sheet event', () => {
    const kept = filterForSubscope(events, [200]);
    expect(kept.map((e) => `${e.objectType}.${e.eventType}:${e.columnId ?? e.id}`)).toEqual([
      'sheet.updated:1',
      'row.created:10',
      'cell.updated:200',
    ]);
  });

  it('drops the sheet event when nothing watched changed, but always keeps row deletions', () => {
    expect(filterForSubscope(events, [999])).toEqual([]);
    const deletion: SheetEvent[] = [
      { objectType: 'sheet', eventType: 'updated', id: 1 },
      { objectType: 'row', eventType: 'deleted', id: 10 },
    ];
    expect(filterForSubscope(deletion, [999])).toHaveLength(2);
  });
});

describe('toCallbackEvent', () => {
  it('renders the callback shape with the +0000 timestamp and change agent', () => {
    const at = Date.parse('2026-09-02T17:03:15Z');
    expect(
      toCallbackEvent(
        { objectType: 'cell', eventType: 'updated', rowId: 7, columnId: 2 },
        { userId: 9, at, changeAgent: 'x' },
      ),
    ).toEqual({
      objectType: 'cell',
      eventType: 'updated',
      rowId: 7,
      columnId: 2,
      userId: 9,
      timestamp: '2026-09-02T17:03:15.000+0000',
      changeAgent: 'x',
    });
  });
});
