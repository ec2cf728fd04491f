import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { CorrectionRequest, CorrectionStep } from '../../../domain/corrections/correction-state.js';
import { storeInternals } from '../store-internals.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

function request(id: string, requestedBy: string, minute: number): CorrectionRequest {
  return {
    id,
    requestedAt: `2025-08-20T10:${String(minute).padStart(2, '0')}:00.000Z`,
    requestedBy,
    sheetId: 4_000_000_000_001,
    rowId: 7_000_000_000_002,
    field: 'price',
    newValue: '50.00',
    reason: 'contract rate',
    currentValue: '45.95',
    sheetName: 'Crew A',
    workRequest: '89708709',
    weekEnding: '2025-08-17',
    eventId: null,
  };
}

function step(requestId: string, stepNo: number, kind: CorrectionStep['kind'], at: string): CorrectionStep {
  return {
    requestId,
    stepNo,
    kind,
    actor: 'admin@example.com',
    at,
    comment: kind === 'rejected' ? 'no evidence' : null,
    details: { unlock: { changed: [1] } },
  };
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`correction requests on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('keeps a request with its steps in order, and its status is the latest step', async () => {
      await store().corrections.saveRequest(request('c1', 'auditor@example.com', 1));
      await store().corrections.appendStep(step('c1', 1, 'approved', '2025-08-20T11:00:00.000Z'));
      await store().corrections.appendStep(step('c1', 2, 'applied', '2025-08-20T11:00:05.000Z'));
      const record = await store().corrections.getCorrection('c1');
      expect(record?.request).toEqual(request('c1', 'auditor@example.com', 1));
      expect(record?.steps.map((s) => [s.stepNo, s.kind])).toEqual([
        [1, 'approved'],
        [2, 'applied'],
      ]);
      expect(record?.steps[0]?.details).toEqual({ unlock: { changed: [1] } });
      expect(await store().corrections.getCorrection('missing')).toBeUndefined();
    });

    it('lets only one of two deciders take the same step', async () => {
      await store().corrections.saveRequest(request('c1', 'auditor@example.com', 1));
      await store().corrections.appendStep(step('c1', 1, 'approved', '2025-08-20T11:00:00.000Z'));
      await expect(
        store().corrections.appendStep(step('c1', 1, 'rejected', '2025-08-20T11:00:01.000Z')),
      ).rejects.toMatchObject({ code: 'CONFLICT' });
      await expect(
        store().corrections.appendStep(step('nope', 1, 'approved', '2025-08-20T11:00:01.000Z')),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('lists newest first, by requester in any case, by status, and the approvals since an instant', async () => {
      await store().corrections.saveRequest(request('c1', 'auditor@example.com', 1));
      await store().corrections.saveRequest(request('c2', 'Other@Example.com', 2));
      await store().corrections.saveRequest(request('c3', 'auditor@example.com', 3));
      await store().corrections.appendStep(step('c1', 1, 'approved', '2025-08-20T11:00:00.000Z'));
      await store().corrections.appendStep(step('c2', 1, 'rejected', '2025-08-20T11:00:00.000Z'));
      await store().corrections.appendStep(step('c3', 1, 'approved', '2025-08-20T12:00:00.000Z'));
      await store().corrections.appendStep(step('c3', 2, 'applied', '2025-08-20T12:00:01.000Z'));

      const ids = (records: { request: { id: string } }[]) => records.map((r) => r.request.id);
      expect(ids(await store().corrections.listCorrections())).toEqual(['c3', 'c2', 'c1']);
      expect(ids(await store().corrections.listCorrections({ requestedBy: 'AUDITOR@example.com' }))).toEqual([
        'c3',
        'c1',
      ]);
      expect(ids(await store().corrections.listCorrections({ status: 'approved' }))).toEqual(['c1']);
      expect(ids(await store().corrections.listCorrections({ limit: 1 }))).toEqual(['c3']);

      const approved = await store().corrections.listApprovedSince('2025-08-20T11:30:00.000Z');
      expect(approved).toEqual([
        {
          requestId: 'c3',
          sheetId: 4_000_000_000_001,
          rowId: 7_000_000_000_002,
          field: 'price',
          newValue: '50.00',
          requestedBy: 'auditor@example.com',
          approvedBy: 'admin@example.com',
          approvedAt: new Date('2025-08-20T12:00:00.000Z'),
        },
      ]);
    });

    it('refuses to change or delete a request or a step, in the database itself', async () => {
      await store().corrections.saveRequest(request('c1', 'auditor@example.com', 1));
      await store().corrections.appendStep(step('c1', 1, 'approved', '2025-08-20T11:00:00.000Z'));
      const { db } = storeInternals(store());
      await expect(sql`update correction_requests set new_value = '1.00'`.execute(db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from correction_steps`.execute(db)).rejects.toThrow(/append-only/);
      await expect(store().corrections.saveRequest(request('c1', 'x@example.com', 2))).rejects.toMatchObject({
        code: 'CONFLICT',
      });
      expect((await store().corrections.getCorrection('c1'))?.request.newValue).toBe('50.00');
    });
  });
}
