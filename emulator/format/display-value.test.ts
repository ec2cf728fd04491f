import { describe, expect, it } from 'vitest';
import type { ColumnRecord } from '../state/state-types.js';
import { displayValueFor } from './display-value.js';

const column = (overrides: Partial<ColumnRecord>): ColumnRecord => ({
  id: 1,
  title: 'c',
  type: 'TEXT_NUMBER',
  primary: false,
  currency: false,
  width: 150,
  ...overrides,
});
const names = (email: string) => (email === 'jane@example.com' ? 'Jane Roe' : email);

describe('displayValueFor', () => {
  it('formats money columns as US currency', () => {
    expect(displayValueFor(column({ currency: true }), 1250, names)).toBe('$1,250.00');
    expect(displayValueFor(column({ currency: true }), 1234.5678, names)).toBe('$1,234.57');
    expect(displayValueFor(column({ currency: true }), -5, names)).toBe('-$5.00');
  });

  it('prints plain numbers and booleans as text', () => {
    expect(displayValueFor(column({}), 2.1, names)).toBe('2.1');
    expect(displayValueFor(column({}), true, names)).toBe('true');
  });

  it('shows contact names for known users', () => {
    expect(displayValueFor(column({ type: 'CONTACT_LIST' }), 'jane@example.com', names)).toBe('Jane Roe');
    expect(displayValueFor(column({ type: 'CONTACT_LIST' }), 'x@example.com', names)).toBe('x@example.com');
  });

  it('gives dates and checkboxes no displayValue', () => {
    expect(displayValueFor(column({ type: 'DATE' }), '2026-09-01', names)).toBeUndefined();
    expect(displayValueFor(column({ type: 'CHECKBOX' }), true, names)).toBeUndefined();
  });
});
