import { describe, expect, it } from 'vitest';
import { parseCsv } from '../domain/csv.js';
import { buildAuditEvent } from '../../test/support/store-records.js';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import { EXPORT_COLUMNS, csvField, exportAuditEvents } from './export-audit-events.js';

const sqlite = backends[0]!;

describe('exportAuditEvents', () => {
  const store = useTestStore(sqlite);

  it('writes every event as CSV that reads back field by field, across pages', async () => {
    const tricky = 'said "no", then\nchanged it';
    await store().audit.appendEvents([
      buildAuditEvent({ issueDescription: tricky, changedAt: '2026-09-01T10:00:00.000Z' }),
      buildAuditEvent({ oldValue: '=HYPERLINK("x")', changedAt: '2026-09-02T10:00:00.000Z' }),
      buildAuditEvent({ changedAt: '2026-09-03T10:00:00.000Z' }),
    ]);
    let text = '';
    const count = await exportAuditEvents(store().audit, { format: 'csv', pageSize: 2 }, (chunk) => {
      text += chunk;
    });
    expect(count).toBe(3);
    const parsed = parseCsv(text);
    expect(parsed.ok).toBe(true);
    const rows = parsed.ok ? parsed.records.map((r) => r.fields) : [];
    expect(rows[0]).toEqual([...EXPORT_COLUMNS]);
    expect(rows).toHaveLength(4);
    const description = EXPORT_COLUMNS.indexOf('issue_description');
    expect(rows[1]?.[description]).toBe(tricky);
    expect(rows[2]?.[EXPORT_COLUMNS.indexOf('old_value')]).toBe(`'=HYPERLINK("x")`);
  });

  it('exports only events changed since the given instant, as JSON lines', async () => {
    await store().audit.appendEvents([
      buildAuditEvent({ changedAt: '2026-09-01T10:00:00.000Z' }),
      buildAuditEvent({ changedAt: '2026-09-05T10:00:00.000Z' }),
    ]);
    const lines: string[] = [];
    await exportAuditEvents(
      store().audit,
      { format: 'json', since: new Date('2026-09-03T00:00:00Z') },
      (chunk) => {
        lines.push(...chunk.trim().split('\n'));
      },
    );
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string)).toMatchObject({ changed_at: '2026-09-05T10:00:00.000Z', seq: 2 });
  });

  it('quotes what needs quoting and nothing else', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField(null)).toBe('');
    expect(csvField(-12.5)).toBe('-12.5');
    expect(csvField('-12')).toBe(`'-12`);
  });
});
