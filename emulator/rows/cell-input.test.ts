import { describe, expect, it } from 'vitest';
import type { ColumnRecord } from '../state/state-types.js';
import { applyCellWrite, parseCell } from './cell-input.js';

const column = (id: number, type: ColumnRecord['type'], extra: Partial<ColumnRecord> = {}): ColumnRecord => ({
  id,
  title: `c${id}`,
  type,
  primary: false,
  currency: false,
  width: 150,
  ...extra,
});
const columns = new Map(
  [
    column(1, 'TEXT_NUMBER'),
    column(2, 'CHECKBOX'),
    column(3, 'DATE'),
    column(4, 'CONTACT_LIST'),
    column(5, 'MULTI_PICKLIST'),
    column(6, 'TEXT_NUMBER', { systemColumnType: 'AUTO_NUMBER' }),
  ].map((c) => [c.id, c]),
);
const parse = (cell: Record<string, unknown>, numericDates = false) => parseCell(cell, columns, numericDates);

describe('parseCell', () => {
  it('keeps strings as strings in strict mode and converts them when lenient', () => {
    expect(parse({ columnId: 1, value: '1,250' }).write).toEqual({ kind: 'value', value: '1,250' });
    expect(parse({ columnId: 1, value: '1,250', strict: false }).write).toEqual({
      kind: 'value',
      value: 1250,
    });
  });

  it('checks checkbox and date types strictly', () => {
    expect(() => parse({ columnId: 2, value: 'true' })).toThrow(expect.objectContaining({ errorCode: 1042 }));
    expect(() => parse({ columnId: 3, value: '2026-02-30' })).toThrow(
      expect.objectContaining({ errorCode: 1042 }),
    );
    expect(parse({ columnId: 3, value: Date.parse('2026-09-04T00:00:00Z') }, true).write).toEqual({
      kind: 'value',
      value: '2026-09-04',
    });
  });

  it('keeps unreadable text in a date column when lenient', () => {
    expect(parse({ columnId: 3, value: 'next week', strict: false }).write).toEqual({
      kind: 'value',
      value: 'next week',
    });
  });

  it('reads contact and multi-picklist object values', () => {
    expect(
      parse({ columnId: 4, objectValue: { objectType: 'CONTACT', email: 'a@b.c', name: 'A' } }).write,
    ).toEqual({
      kind: 'value',
      value: 'a@b.c',
    });
    expect(
      parse({ columnId: 5, objectValue: { objectType: 'MULTI_PICKLIST', values: ['x', 'y'] } }).write,
    ).toMatchObject({
      value: 'x, y',
      objectValue: { objectType: 'MULTI_PICKLIST', values: ['x', 'y'] },
    });
  });

  it('rejects system columns, unknown columns and a missing columnId', () => {
    expect(() => parse({ columnId: 6, value: 'x' })).toThrow(expect.objectContaining({ errorCode: 1046 }));
    expect(() => parse({ columnId: 99, value: 'x' })).toThrow(expect.objectContaining({ errorCode: 1036 }));
    expect(() => parse({ value: 'x' })).toThrow(expect.objectContaining({ errorCode: 1012 }));
  });

  it('truncates values beyond 4000 characters silently', () => {
    const write = parse({ columnId: 1, value: 'x'.repeat(5000) }).write;
    expect(write.kind === 'value' && typeof write.value === 'string' && write.value.length).toBe(4000);
  });
});

describe('applyCellWrite', () => {
  const text = column(1, 'TEXT_NUMBER');

  it('keeps the previous value under a new formula (formulas are not evaluated)', () => {
    expect(applyCellWrite(text, { value: 14 }, { kind: 'formula', formula: '=2*7' })).toEqual({
      value: 14,
      formula: '=2*7',
    });
  });

  it('drops a formula when a value is written and keeps a hyperlink unless told otherwise', () => {
    const linked = { value: 'x', formula: '=1', hyperlink: { url: 'https://a' } };
    expect(applyCellWrite(text, linked, { kind: 'value', value: 'y' })).toEqual({
      value: 'y',
      hyperlink: { url: 'https://a' },
    });
    expect(applyCellWrite(text, linked, { kind: 'clear', dropHyperlink: true })).toEqual({});
  });
});
