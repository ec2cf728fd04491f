import { text } from 'node:stream/consumers';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { buildAuditEvent } from '../../test/support/store-records.js';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import { exportViolations } from './dashboard-export.js';

const actor = {
  email: 'auditor@example.com',
  origin: { ipAddress: '10.0.0.5', userAgent: 'curl/8.5.0', deviceInfo: 'curl', sessionId: 's-1' },
};

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`violations export on ${backend.dialect}`, () => {
    const store = useTestStore(backend);
    const deps = (maxRows?: number) => ({
      audit: store().audit,
      sheets: store().sheets,
      now: () => new Date('2025-08-20T17:00:00.000Z'),
      newId: () => `export-${Math.random()}`,
      ...(maxRows === undefined ? {} : { maxRows }),
    });

    it('refuses a view larger than the cap, saying how to narrow it, and records nothing', async () => {
      await store().audit.appendEvents([buildAuditEvent(), buildAuditEvent(), buildAuditEvent()]);

      await expect(
        exportViolations(deps(2), { filter: {}, sort: { key: 'seq', order: 'asc' } }, actor),
      ).rejects.toMatchObject({
        code: 'INPUT_INVALID',
        message: expect.stringContaining('holds 3 events, more than the 2'),
      });
      expect(await store().audit.countEvents()).toBe(3);
    });

    it('streams every page of the view as it stood when the export began', async () => {
      await store().audit.appendEvents(Array.from({ length: 1_203 }, () => buildAuditEvent()));

      const csv = await exportViolations(deps(), { filter: {}, sort: { key: 'seq', order: 'desc' } }, actor);
      // Appended after the export began: neither in the file nor shifting its pages.
      await store().audit.appendEvents([buildAuditEvent(), buildAuditEvent()]);
      const lines = (await text(Readable.from(csv.chunks))).split('\r\n').filter((line) => line !== '');

      expect(csv.rowCount).toBe(1_203);
      expect(lines).toHaveLength(1 + 1_203);
      const seqs = lines.slice(1).map((line) => Number(line.split(',')[0]));
      expect(seqs[0]).toBe(1_203);
      expect(seqs.at(-1)).toBe(1);
      expect(new Set(seqs).size).toBe(1_203);
      const [recorded] = (
        await store().audit.listEvents({ violationTypes: ['VIOLATIONS_EXPORTED'], limit: 1 })
      ).events;
      expect(recorded?.seq).toBe(1_204);
      expect(recorded?.details.rowCount).toBe(1_203);
    });
  });
}
