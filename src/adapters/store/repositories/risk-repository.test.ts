import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { ChangeObservation } from '../../../domain/risk/change-observation.js';
import type { ScoredChange, VerdictEntry } from '../../../ports/store.js';
import { storeInternals } from '../store-internals.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

function observation(id: string, overrides: Partial<ChangeObservation> = {}): ChangeObservation {
  return {
    changeId: id,
    runId: 'run-1',
    sheetId: 7_000_000_000_001,
    rowId: 9_000_000_000_001,
    columnName: 'Units Total Price',
    revision: '2025-08-18T15:00:00.000Z',
    field: 'price',
    sheetName: 'North Crew 11 Billing',
    rowNumber: 12,
    oldValue: '45.95',
    newValue: '65.95',
    sheetReference: null,
    editor: 'crew@example.com',
    editorHuman: true,
    editorCorrector: false,
    editorAuthorised: true,
    changeAgent: null,
    changedAt: '2025-08-18T15:00:00.000Z',
    localHour: 10,
    localWeekday: 0,
    deltaCents: 2000,
    rowPriceCents: 4595,
    unitPriceCents: 6595,
    contractUnitCents: 4595,
    valueRatio: 1.435,
    cu: 'ALB-6-AUR1',
    workRequest: '89708709',
    weekEnding: null,
    hoursAfterClose: 0,
    rules: ['PRICE_OVERRIDE'],
    maxSeverity: 'LOW',
    ...overrides,
  };
}

function scored(id: string, overrides: Partial<ChangeObservation> = {}, risk = 0.4): ScoredChange {
  return {
    observation: observation(id, overrides),
    anomalyScore: 0.61,
    riskScore: risk,
    category: 'correction',
    signature: 'correction|PRICE_OVERRIDE',
    modelId: 'v1',
    explanation: { score: risk, topFeatures: [{ feature: 'hourOfDay', value: 3 }] },
    flagRank: null,
    flagPriority: null,
  };
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`risk store on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('stores each change once, keeping its first scoring, and reads it back intact', async () => {
      expect(await store().risk.recordChanges([scored('c1'), scored('c2')])).toBe(2);
      expect(await store().risk.recordChanges([scored('c1', {}, 0.99), scored('c3')])).toBe(1);

      expect(await store().risk.getChange('c1')).toEqual(scored('c1'));
      expect(await store().risk.getChange('missing')).toBeUndefined();
      expect(await store().risk.countChanges()).toBe(3);
    });

    it('pages changes in changedAt order and filters by run, time and flags', async () => {
      const at = (minute: number) => `2025-08-18T15:${String(minute).padStart(2, '0')}:00.000Z`;
      await store().risk.recordChanges(
        Array.from({ length: 7 }, (_, i) =>
          scored(`c${i}`, { changedAt: at(10 - i), runId: i < 4 ? 'run-a' : 'run-b' }),
        ),
      );
      const first = await store().risk.listChanges({ limit: 3 });
      expect(first.map((c) => c.observation.changeId)).toEqual(['c6', 'c5', 'c4']);
      const last = first[2]!.observation;
      const next = await store().risk.listChanges({
        limit: 10,
        after: { changedAt: last.changedAt, changeId: last.changeId },
      });
      expect(next.map((c) => c.observation.changeId)).toEqual(['c3', 'c2', 'c1', 'c0']);
      expect(await store().risk.countChanges({ runId: 'run-a' })).toBe(4);
      expect(await store().risk.countChanges({ changedFrom: at(8), changedTo: at(10) })).toBe(3);

      await store().risk.setFlags('run-a', [
        { changeId: 'c1', rank: 1, priority: 120.5 },
        { changeId: 'c3', rank: 2, priority: 80 },
      ]);
      const flagged = await store().risk.listChanges({ limit: 10, flaggedOnly: true });
      expect(flagged.map((c) => [c.observation.changeId, c.flagRank, c.flagPriority])).toEqual([
        ['c3', 2, 80],
        ['c1', 1, 120.5],
      ]);
      // Flagging the run again replaces its flags.
      await store().risk.setFlags('run-a', [{ changeId: 'c0', rank: 1, priority: 5 }]);
      expect(
        (await store().risk.listChanges({ limit: 10, flaggedOnly: true })).map((c) => c.observation.changeId),
      ).toEqual(['c0']);
    });

    it("lists the chosen editors' activity since a time, unknown editors included on request", async () => {
      await store().risk.recordChanges([
        scored('a1', { editor: 'ann@example.com', changedAt: '2025-08-18T10:00:00.000Z' }),
        scored('a2', { editor: 'ann@example.com', changedAt: '2025-06-01T10:00:00.000Z' }),
        scored('b1', { editor: 'bob@example.com', changedAt: '2025-08-18T11:00:00.000Z' }),
        scored('n1', { editor: null, changedAt: '2025-08-18T12:00:00.000Z' }),
      ]);
      const ids = async (editors: (string | null)[]) =>
        (await store().risk.listActivity({ changedFrom: '2025-08-01T00:00:00Z', editors }))
          .map((a) => a.changeId)
          .sort();
      expect(await ids(['ann@example.com'])).toEqual(['a1']);
      expect(await ids(['ann@example.com', null])).toEqual(['a1', 'n1']);
      expect(await ids([])).toEqual([]);
      const [activity] = await store().risk.listActivity({
        changedFrom: '2025-08-01T00:00:00Z',
        editors: ['bob@example.com'],
      });
      expect(activity).toEqual({
        changeId: 'b1',
        editor: 'bob@example.com',
        sheetId: 7_000_000_000_001,
        changedAt: '2025-08-18T11:00:00.000Z',
      });
    });

    it('re-scores a change after a late rule', async () => {
      await store().risk.recordChanges([scored('c1')]);
      const rescored = {
        ...scored('c1', { rules: ['PRICE_OVERRIDE', 'DUPLICATE_UNIT'] }, 0.8),
        category: 'suspicious_override',
      };
      await store().risk.rescoreChanges([rescored]);
      expect(await store().risk.getChange('c1')).toEqual(rescored);
    });

    it('keeps model versions newest first and returns the parameters of the latest', async () => {
      expect(await store().risk.latestModel()).toBeUndefined();
      const model = (id: string, createdAt: string) => ({
        id,
        createdAt,
        trainedFrom: '2025-06-01T00:00:00Z',
        trainedTo: '2025-08-01T00:00:00Z',
        sampleCount: 1200,
        parameters: `{"id":"${id}"}`,
        metrics: { trainingMs: 140 },
      });
      await store().risk.saveModel(model('v1', '2025-08-04T03:00:00Z'));
      await store().risk.saveModel(model('v2', '2025-08-11T03:00:00Z'));
      expect(await store().risk.latestModel()).toEqual({
        ...model('v2', '2025-08-11T03:00:00.000Z'),
        trainedFrom: '2025-06-01T00:00:00.000Z',
        trainedTo: '2025-08-01T00:00:00.000Z',
      });
      expect((await store().risk.listModels({ limit: 5 })).map((m) => m.id)).toEqual(['v2', 'v1']);
      await expect(store().risk.saveModel(model('v2', '2025-08-12T03:00:00Z'))).rejects.toThrow();
    });

    it('appends verdicts and refuses to change or delete them', async () => {
      const verdict = (decidedAt: string, v: VerdictEntry['verdict']): VerdictEntry => ({
        changeId: 'c1',
        verdict: v,
        reviewer: 'auditor@example.com',
        comment: 'checked with the foreman',
        decidedAt,
        signature: 'suspicious_override|POST_CLOSE_EDIT',
        runId: 'run-1',
      });
      await store().risk.recordVerdict(verdict('2025-08-19T10:00:00.000Z', 'false_alarm'));
      await store().risk.recordVerdict(verdict('2025-08-20T10:00:00.000Z', 'confirmed'));
      expect(await store().risk.listVerdicts()).toEqual([
        verdict('2025-08-19T10:00:00.000Z', 'false_alarm'),
        verdict('2025-08-20T10:00:00.000Z', 'confirmed'),
      ]);
      const internals = storeInternals(store());
      await expect(sql`update risk_verdicts set verdict = 'confirmed'`.execute(internals.db)).rejects.toThrow(
        /append-only/,
      );
      await expect(sql`delete from risk_verdicts`.execute(internals.db)).rejects.toThrow(/append-only/);
    });
  });
}
