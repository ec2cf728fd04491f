import { describe, expect, it } from 'vitest';
import type { AlertRecord, AlertStore } from '../../../ports/store.js';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

type NewAlert = Parameters<AlertStore['recordAlert']>[0];

function alert(id: string, overrides: Partial<NewAlert> = {}): NewAlert {
  return {
    id,
    dedupeKey: `POST_CLOSE_EDIT:${id}`,
    rule: 'POST_CLOSE_EDIT',
    channel: 'email',
    recipients: ['billing@example.com', 'audit@example.com'],
    subject: 'WR 89708709: price changed after close',
    payload: { eventIds: ['evt-1'], deltaCents: 30_000 },
    nextAttemptAt: null,
    createdAt: '2025-08-18T14:00:00.000Z',
    ...overrides,
  };
}

const NOW = '2025-08-18T15:00:00Z';

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`alert store on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('records an alert once per dedupe key', async () => {
      expect(await store().alerts.recordAlert(alert('a1'))).toBe(true);
      expect(await store().alerts.recordAlert(alert('a2', { dedupeKey: 'POST_CLOSE_EDIT:a1' }))).toBe(false);

      const pending = await store().alerts.listPendingAlerts({ now: NOW, limit: 10 });
      expect(pending).toEqual<AlertRecord[]>([
        { ...alert('a1'), status: 'pending', attempts: 0, sentAt: null, error: null },
      ]);
    });

    it('lists due alerts oldest first: new ones, and failed ones whose retry time came', async () => {
      await store().alerts.recordAlert(alert('new', { createdAt: '2025-08-18T14:30:00Z' }));
      await store().alerts.recordAlert(alert('old', { createdAt: '2025-08-18T14:00:00Z' }));
      await store().alerts.recordAlert(alert('scheduled', { nextAttemptAt: '2025-08-18T16:00:00Z' }));
      await store().alerts.recordAlert(alert('retry'));
      await store().alerts.markAlertFailed('retry', {
        error: 'SMTP 421',
        nextAttemptAt: '2025-08-18T14:50:00Z',
      });

      const due = await store().alerts.listPendingAlerts({ now: NOW, limit: 10 });

      expect(due.map((a) => a.id)).toEqual(['old', 'retry', 'new']);
      expect(due[1]).toMatchObject({ status: 'failed', attempts: 1, error: 'SMTP 421' });
    });

    it('marks an alert sent, so it is no longer pending', async () => {
      await store().alerts.recordAlert(alert('a1'));

      await store().alerts.markAlertSent('a1', '2025-08-18T14:01:00Z');

      expect(await store().alerts.listPendingAlerts({ now: NOW, limit: 10 })).toEqual([]);
    });

    it('gives up on a failed alert with no retry time', async () => {
      await store().alerts.recordAlert(alert('a1'));

      await store().alerts.markAlertFailed('a1', { error: 'invalid recipient', nextAttemptAt: null });

      expect(await store().alerts.listPendingAlerts({ now: '2030-01-01T00:00:00Z', limit: 10 })).toEqual([]);
    });
  });
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`alerted event ids on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('finds the events an alert of the same rule and channel already covers, whatever its status', async () => {
      await store().alerts.recordAlert(alert('a1', { payload: { eventIds: ['evt-1', 'evt-2'] } }));
      await store().alerts.recordAlert(
        alert('a2', { dedupeKey: 'k2', payload: { eventIds: ['evt-3'] }, createdAt: '2025-08-18T14:10:00Z' }),
      );
      await store().alerts.markAlertFailed('a2', { error: 'SMTP 550', nextAttemptAt: null });
      await store().alerts.recordAlert(
        alert('other-rule', { dedupeKey: 'k3', rule: 'OTHER', payload: { eventIds: ['evt-4'] } }),
      );
      await store().alerts.recordAlert(
        alert('chat', { dedupeKey: 'k4', channel: 'chat', payload: { eventIds: ['evt-5'] } }),
      );

      const covered = await store().alerts.alertedEventIds({
        rule: 'POST_CLOSE_EDIT',
        channel: 'email',
        eventIds: ['evt-5', 'evt-4', 'evt-3', 'evt-2', 'evt-9'],
      });

      expect(covered).toEqual(['evt-3', 'evt-2']);
    });

    it('answers an empty question without a query, and ignores payloads without event ids', async () => {
      await store().alerts.recordAlert(alert('a1', { payload: { note: 'no ids' } }));

      expect(
        await store().alerts.alertedEventIds({ rule: 'POST_CLOSE_EDIT', channel: 'email', eventIds: [] }),
      ).toEqual([]);
      expect(
        await store().alerts.alertedEventIds({
          rule: 'POST_CLOSE_EDIT',
          channel: 'email',
          eventIds: ['evt-1'],
        }),
      ).toEqual([]);
    });
  });
}
