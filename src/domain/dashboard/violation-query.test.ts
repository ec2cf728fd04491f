import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseViolationQuery, VIOLATION_SORT_KEYS } from './violation-query.js';

const parse = (query: Record<string, unknown>) => parseViolationQuery(query, { timeZone: 'America/Chicago' });

describe('parseViolationQuery', () => {
  it('defaults to the newest events first, 50 a page', () => {
    expect(parse({})).toEqual({ filter: {}, sort: { key: 'seq', order: 'desc' }, page: 1, pageSize: 50 });
  });

  it('reads every filter, lists comma-separated or repeated', () => {
    const spec = parse({
      severity: ['high', 'CRITICAL,HIGH'],
      code: 'post_close_edit, WEEK_MOVED',
      editor: 'Ann@Example.com',
      workRequest: '89708709',
      week: '2025-08-17',
      sheet: '4583173393803140',
      from: '2025-08-11',
      to: '2025-08-17',
      status: 'open',
      sort: 'severity',
      order: 'asc',
      page: '3',
      pageSize: '200',
    });
    expect(spec).toEqual({
      filter: {
        severities: ['HIGH', 'CRITICAL'],
        violationTypes: ['POST_CLOSE_EDIT', 'WEEK_MOVED'],
        editor: 'Ann@Example.com',
        workRequest: '89708709',
        weekEnding: '2025-08-17',
        sheetId: 4_583_173_393_803_140,
        // Whole local days in Chicago (CDT, UTC-5).
        changedFrom: '2025-08-11T05:00:00.000Z',
        changedTo: '2025-08-18T04:59:59.999Z',
        reviewStatus: 'open',
      },
      sort: { key: 'severity', order: 'asc' },
      page: 3,
      pageSize: 200,
    });
  });

  it('takes instants with a zone as they are', () => {
    expect(parse({ from: '2025-08-11T12:00:00+02:00' }).filter.changedFrom).toBe('2025-08-11T10:00:00.000Z');
  });

  it.each([
    [{ severity: 'HUGE' }, 'Invalid severity "HUGE": expected one of INFO, LOW, MEDIUM, HIGH, CRITICAL'],
    [{ code: 'DROP TABLE' }, 'Invalid code "DROP TABLE"'],
    [{ week: '17/08/2025' }, 'Invalid week "17/08/2025"'],
    [{ sheet: '-4' }, 'Invalid sheet "-4"'],
    [{ from: 'yesterday' }, 'Invalid from "yesterday"'],
    [{ from: '2025-08-18', to: '2025-08-17' }, 'Invalid to "2025-08-17": expected a bound not before from'],
    [{ status: 'closed' }, 'Invalid status "closed"'],
    [{ sort: 'editor' }, 'Invalid sort "editor"'],
    [{ order: 'up' }, 'Invalid order "up"'],
    [{ page: '0' }, 'Invalid page "0"'],
    [{ pageSize: '201' }, 'Invalid pageSize "201": expected a whole number from 1 to 200'],
    [{ severty: 'HIGH' }, 'Invalid parameter "severty"'],
  ])('refuses %j naming the parameter', (query, message) => {
    expect(() => parse(query)).toThrow(message);
    try {
      parse(query);
    } catch (error) {
      expect(error).toMatchObject({ code: 'INPUT_INVALID' });
    }
  });

  it('accepts every valid page, size and sort, and refuses every size over the limit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.constantFrom(...VIOLATION_SORT_KEYS),
        fc.constantFrom('asc', 'desc'),
        (page, pageSize, sort, order) => {
          const query = { page: String(page), pageSize: String(pageSize), sort, order };
          if (pageSize > 200) {
            expect(() => parse(query)).toThrow('pageSize');
            return;
          }
          expect(parse(query)).toMatchObject({ page, pageSize, sort: { key: sort, order } });
        },
      ),
    );
  });

  it('never throws anything but a 400 on arbitrary input', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('severity', 'week', 'sheet', 'from', 'to', 'page', 'x'), fc.string()),
        (query) => {
          try {
            parse(query);
          } catch (error) {
            expect(error).toMatchObject({ code: 'INPUT_INVALID' });
          }
        },
      ),
    );
  });
});
