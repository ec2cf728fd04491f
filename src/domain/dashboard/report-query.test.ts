import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportQuery } from './report-query.js';

describe('parseReportQuery', () => {
  it('defaults to the first page of 100, unfiltered', () => {
    expect(parseReportQuery({})).toEqual({ page: 1, pageSize: 100 });
    expect(parseReportQuery({ workRequest: '', week: ' ' })).toEqual({ page: 1, pageSize: 100 });
  });

  it('reads the filters and the page', () => {
    expect(
      parseReportQuery({ workRequest: ' 89708709 ', week: '2025-08-17', page: '3', pageSize: '500' }),
    ).toEqual({ workRequest: '89708709', weekEnding: '2025-08-17', page: 3, pageSize: 500 });
  });

  it.each([
    [{ week: '2025-02-30' }, 'Invalid week "2025-02-30": expected a week ending date YYYY-MM-DD.'],
    [{ page: '-1' }, 'Invalid page "-1": expected a whole number from 1 to'],
    [{ pageSize: '1e2' }, 'Invalid pageSize "1e2": expected a whole number from 1 to 500.'],
    [{ workRequest: 'x'.repeat(101) }, 'expected at most 100 characters'],
    [{ weeks: '2025-08-17' }, 'Invalid parameter "weeks"'],
  ])('refuses %j, naming the parameter and the value', (query, message) => {
    expect(() => parseReportQuery(query)).toThrow(message);
  });

  it('accepts every page and page size in range and refuses every one outside it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 10_000 }),
        fc.integer({ min: -5, max: 1_000 }),
        (page, pageSize) => {
          const query = { page: String(page), pageSize: String(pageSize) };
          if (page < 1 || pageSize < 1 || pageSize > 500) {
            expect(() => parseReportQuery(query)).toThrow(/Invalid page(Size)? /);
            return;
          }
          expect(parseReportQuery(query)).toEqual({ page, pageSize });
        },
      ),
    );
  });
});
