import { describe, expect, it } from 'vitest';
import { changeFactsOf } from './change-facts.js';
import {
  buildAuditContext,
  buildCellChange,
  buildRowCreated,
  buildRowValues,
} from './testing/build-attributed-change.js';

const context = buildAuditContext();

describe('changeFactsOf: which closed week a change touches', () => {
  it.each([
    // The week ending Sunday 2025-08-17 closes at midnight Chicago time (CDT): 05:00Z on Monday.
    ['one millisecond before the close', '2025-08-18T04:59:59.999Z', undefined],
    ['at the close', '2025-08-18T05:00:00.000Z', '2025-08-17'],
  ])('%s', (_name, instant, closedWeek) => {
    const change = buildCellChange('price', '$50.00', { changedAt: new Date(instant) });
    expect(changeFactsOf(change, context).closedWeek).toBe(closedWeek);
  });

  it('waits for the configured grace period', () => {
    const change = buildCellChange('price', '$50.00', { changedAt: new Date('2025-08-18T16:59:59Z') });
    const withGrace = buildAuditContext({ weekClose: { timeZone: 'America/Chicago', graceHours: 12 } });
    expect(changeFactsOf(change, withGrace).closedWeek).toBeUndefined();
  });

  it('files a row under its regrouped week: a Saturday week ending belongs to the Sunday after', () => {
    const facts = changeFactsOf(
      buildCellChange('pole', 'P-9', { row: { weekEnding: '2025-08-16' } }),
      context,
    );
    expect(facts).toMatchObject({ weekBefore: '2025-08-17', closedWeek: '2025-08-17' });
  });

  it('judges an edit by the old week when the week itself changed', () => {
    const facts = changeFactsOf(buildCellChange('weekEnding', '2025-08-24'), context);
    expect(facts).toMatchObject({
      weekBefore: '2025-08-17',
      weekAfter: '2025-08-24',
      closedWeek: '2025-08-17',
    });
    expect(facts.closedWeekTouch).toBe('row-in-closed-week');
  });

  it('judges a created row by the week it lands in', () => {
    expect(changeFactsOf(buildRowCreated(), context).closedWeek).toBe('2025-08-17');
  });

  it('takes the cell values as authoritative when only one row snapshot is given', () => {
    const change = {
      ...buildCellChange('price', '$60.00'),
      rowBefore: undefined,
      rowAfter: buildRowValues({ price: '$60.00' }),
    };
    const facts = changeFactsOf(change, context);
    expect(facts.before?.parsed.priceCents).toBe(4595);
    expect(facts.after?.parsed.priceCents).toBe(6000);
    expect(facts.impact.deltaCents).toBe(1405);
  });
});
