import { describe, expect, it } from 'vitest';
import {
  approvedCorrectionOf,
  checkApply,
  checkDecision,
  correctionStatusOf,
  type CorrectionRecord,
  type CorrectionStep,
} from './correction-state.js';

const request = {
  id: 'c1',
  requestedAt: '2025-08-20T10:00:00.000Z',
  requestedBy: 'auditor@example.com',
  sheetId: 1,
  rowId: 2,
  field: 'price' as const,
  newValue: '50.00',
  reason: 'contract rate',
  currentValue: '45.95',
  sheetName: 'Crew A',
  workRequest: '89708709',
  weekEnding: '2025-08-17',
  eventId: null,
};

function step(stepNo: number, kind: CorrectionStep['kind'], actor = 'admin@example.com'): CorrectionStep {
  return {
    requestId: 'c1',
    stepNo,
    kind,
    actor,
    at: `2025-08-20T1${stepNo}:00:00.000Z`,
    comment: null,
    details: {},
  };
}

const record = (...steps: CorrectionStep[]): CorrectionRecord => ({ request, steps });

describe('the life of a correction request', () => {
  it('is requested until a step moves it, then takes the latest step', () => {
    expect(correctionStatusOf([])).toBe('requested');
    expect(correctionStatusOf([step(1, 'approved'), step(2, 'failed'), step(3, 'applied')])).toBe('applied');
  });

  it('never lets the requester decide, in any spelling of their e-mail', () => {
    const decision = checkDecision(record(), ' Auditor@Example.com ');
    expect(decision).toEqual({ ok: false, reason: expect.stringMatching(/someone else must approve/) });
  });

  it('lets someone else decide once, as step 1', () => {
    expect(checkDecision(record(), 'admin@example.com')).toEqual({ ok: true, value: { stepNo: 1 } });
    expect(checkDecision(record(step(1, 'rejected')), 'admin@example.com').ok).toBe(false);
  });

  it('applies only an approved request, or one whose application failed', () => {
    expect(checkApply(record()).ok).toBe(false);
    expect(checkApply(record(step(1, 'rejected'))).ok).toBe(false);
    expect(checkApply(record(step(1, 'approved'))).ok).toBe(true);
    expect(checkApply(record(step(1, 'approved'), step(2, 'failed')))).toMatchObject({
      ok: true,
      value: { stepNo: 3 },
    });
    expect(checkApply(record(step(1, 'approved'), step(2, 'applied'))).ok).toBe(false);
  });

  it('tells the audit who approved and when', () => {
    expect(approvedCorrectionOf(record())).toBeUndefined();
    expect(approvedCorrectionOf(record(step(1, 'approved'), step(2, 'applied')))).toEqual({
      requestId: 'c1',
      sheetId: 1,
      rowId: 2,
      field: 'price',
      newValue: '50.00',
      requestedBy: 'auditor@example.com',
      approvedBy: 'admin@example.com',
      approvedAt: new Date('2025-08-20T11:00:00.000Z'),
    });
  });
});
