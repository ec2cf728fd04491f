// The dashboard's figures summed by the database (issue #10), on both engines: each must equal what
// the page computed from the rows themselves before.
import { describe, expect, it } from 'vitest';
import {
  changeSlots,
  editorActivity,
  editorActivityFromTallies,
} from '../../../domain/dashboard/activity-figures.js';
import type { ScoredChange } from '../../../ports/store.js';
import { buildAuditEvent, buildSheet, buildSnapshot } from '../../../../test/support/store-records.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

const WEEK = { changedFrom: '2025-08-11T05:00:00.000Z', changedTo: '2025-08-18T04:59:59.999Z' };

function change(id: string, editor: string | null, changedAt: string, deltaCents: number, risk: number) {
  return {
    observation: {
      changeId: id,
      runId: 'run-1',
      sheetId: 1,
      rowId: Number(id.replace(/\D/g, '')),
      changedAt,
      editor,
      localHour: 14,
      localWeekday: 2,
      deltaCents,
    },
    anomalyScore: null,
    riskScore: risk,
    category: 'routine',
    signature: 'routine',
    modelId: null,
    explanation: {},
    flagRank: null,
    flagPriority: null,
  } as unknown as ScoredChange;
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`dashboard figures on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('counts the run events of a week by severity, leaving out dashboard actions and other weeks', async () => {
      await store().audit.appendEvents([
        buildAuditEvent({ severity: 'HIGH', changedAt: '2025-08-12T10:00:00.000Z' }),
        buildAuditEvent({ severity: 'HIGH', changedAt: '2025-08-17T23:00:00.000Z' }),
        buildAuditEvent({ severity: 'LOW', changedAt: '2025-08-13T10:00:00.000Z' }),
        buildAuditEvent({ severity: 'HIGH', changedAt: '2025-08-13T10:00:00.000Z', runId: null }),
        buildAuditEvent({ severity: 'CRITICAL', changedAt: '2025-08-19T10:00:00.000Z' }),
      ]);

      expect(await store().audit.countRunEventsBySeverity(WEEK)).toEqual({
        INFO: 0,
        LOW: 1,
        MEDIUM: 0,
        HIGH: 2,
        CRITICAL: 0,
      });
    });

    it('tallies run events per editor without regard to case, with their latest change', async () => {
      const events = [
        buildAuditEvent({
          changedBy: 'Foreman@Example.com',
          severity: 'HIGH',
          changedAt: '2025-08-12T10:00:00.000Z',
        }),
        buildAuditEvent({
          changedBy: 'foreman@example.com',
          severity: 'HIGH',
          changedAt: '2025-08-14T10:00:00.000Z',
        }),
        buildAuditEvent({
          changedBy: 'clerk@example.com',
          severity: 'LOW',
          changedAt: '2025-08-13T10:00:00.000Z',
        }),
        buildAuditEvent({ changedBy: null, severity: 'LOW', changedAt: '2025-08-13T10:00:00.000Z' }),
      ];
      await store().audit.appendEvents(events);

      const tallies = await store().audit.tallyRunEventsByEditor(WEEK);

      expect(editorActivityFromTallies(tallies, [])).toEqual(editorActivity(events, []));
      expect(tallies).toContainEqual({
        editor: 'foreman@example.com',
        severity: 'HIGH',
        events: 2,
        lastChangedAt: '2025-08-14T10:00:00.000Z',
      });
    });

    it('sums scored changes per editor as the Editors page did from every change', async () => {
      const changes = [
        change('c1', 'crew@example.com', '2025-08-12T10:00:00.000Z', 2_000, 0.25),
        change('c2', 'crew@example.com', '2025-08-13T10:00:00.000Z', -500, 0.75),
        change('c3', 'lead@example.com', '2025-08-13T11:00:00.000Z', 100, 0.5),
        change('c4', 'lead@example.com', '2025-08-25T11:00:00.000Z', 100, 0.5),
      ];
      await store().risk.recordChanges(changes);
      const inWeek = changes.slice(0, 3).map((c) => ({
        ...c.observation,
        riskScore: c.riskScore,
      }));

      const tallies = await store().risk.tallyChangesByEditor(WEEK);

      expect(editorActivityFromTallies([], tallies)).toEqual(editorActivity([], inWeek));
    });

    it('sums the changes of a range per 15-minute slot, as the process would', async () => {
      // A change without an impact (a new row) counts 0 in its slot's sum.
      const noImpact = change('c4', null, '2025-08-11T05:00:00.000Z', 0, 0.125);
      const changes = [
        change('c2', 'crew@example.com', '2025-08-13T10:14:59.999Z', -500, 0.75),
        change('c1', null, '2025-08-13T10:00:00.000Z', 2_000, 0.25),
        change('c3', null, '2025-08-13T10:15:00.000Z', 7, 0.5),
        { ...noImpact, observation: { ...noImpact.observation, deltaCents: null } },
        change('c9', null, '2025-09-12T10:00:00.000Z', 1, 0.1),
      ];
      await store().risk.recordChanges(changes);

      const slots = await store().risk.sumChangesBySlot(WEEK);

      expect(slots).toEqual([
        { slotStart: '2025-08-11T05:00:00.000Z', changes: 1, riskSum: 0.125, riskMax: 0.125, deltaCents: 0 },
        { slotStart: '2025-08-13T10:00:00.000Z', changes: 2, riskSum: 1, riskMax: 0.75, deltaCents: 1_500 },
        { slotStart: '2025-08-13T10:15:00.000Z', changes: 1, riskSum: 0.5, riskMax: 0.5, deltaCents: 7 },
      ]);
      const inWeek = changes
        .filter((c) => c.observation.changedAt <= WEEK.changedTo)
        .map((c) => ({ ...c.observation, riskScore: c.riskScore }));
      expect(slots).toEqual(changeSlots(inWeek));
    });

    it("changes a sheet's live-row state when a row is stored with a later modifiedAt or deleted", async () => {
      const sheet = buildSheet();
      await store().sheets.upsertSheet(sheet);
      const early = buildSnapshot(sheet.id, { modifiedAt: '2025-08-18T13:00:00.000Z' });
      const late = buildSnapshot(sheet.id, { modifiedAt: '2025-08-18T15:00:00.000Z', billable: false });
      await store().snapshots.upsertSnapshots([early, late]);
      const before = (await store().snapshots.liveRowStates()).get(sheet.id);

      // Stored after a later edit of another row, so the sheet's newest modifiedAt stays the same.
      await store().snapshots.upsertSnapshots([{ ...early, modifiedAt: '2025-08-18T13:00:00.001Z' }]);
      const edited = (await store().snapshots.liveRowStates()).get(sheet.id);
      await store().snapshots.markRowsDeleted(sheet.id, [late.rowId], '2025-08-19T00:00:00.000Z', null);
      const deleted = (await store().snapshots.liveRowStates()).get(sheet.id);

      expect(before).toMatchObject({ rows: 2, billableRows: 1 });
      expect(edited).toMatchObject({ rows: 2, billableRows: 1 });
      expect(edited?.modifiedSum).not.toBe(before?.modifiedSum);
      expect(deleted).toMatchObject({ rows: 1, billableRows: 1 });
      expect(BigInt(deleted?.modifiedSum ?? '0')).toBe(BigInt(Date.parse('2025-08-18T13:00:00.001Z')));
    });

    it('gives the whole log as the total of an unfiltered view', async () => {
      await store().audit.appendEvents([buildAuditEvent(), buildAuditEvent(), buildAuditEvent()]);

      const page = await store().audit.queryEvents(
        {},
        { key: 'seq', order: 'desc' },
        { offset: 0, limit: 2 },
      );

      expect(page.total).toBe(3);
      expect(page.items).toHaveLength(2);
    });
  });
}
