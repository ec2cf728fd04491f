// End to end: stored-event shapes in, a real SMTP server and a real store behind the ports.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSmtpSender, type SmtpAlertSender } from '../adapters/mail/smtp-sender.js';
import { readMimeMessage } from '../adapters/mail/testing/read-mime-message.js';
import { startSmtpTestServer, type SmtpTestServer } from '../adapters/mail/testing/smtp-test-server.js';
import type { AlertRule } from '../domain/alerting/alert-rule.js';
import { buildAuditEventChain } from '../domain/audit-report/testing/build-audit-event-chain.js';
import type { AlertMessage, AlertSender } from '../ports/alert-sender.js';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import { retryPendingAlerts, sendAlerts, type SendAlertsDeps } from './send-alerts.js';

const rules: AlertRule[] = [
  { name: 'billing-office', minSeverity: 'HIGH', recipients: ['billing@example.com', 'audit@example.com'] },
];
const options = {
  rules,
  timeZone: 'America/Chicago',
  runId: 'run-42',
  checkpointText: 'checkpoint v1 seq=3 sig=abc',
};
const retryPolicy = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 600_000 };

const events = buildAuditEventChain([
  {
    severity: 'HIGH',
    workRequest: '1001',
    deltaCents: 150_000,
    sheetReference: 'https://app.smartsheet.com/r/1',
  },
  {
    severity: 'CRITICAL',
    workRequest: '1002',
    deltaCents: 1_200_000,
    sheetReference: 'https://app.smartsheet.com/r/2',
  },
  {
    severity: 'HIGH',
    workRequest: '1003',
    deltaCents: -250_000,
    sheetReference: 'https://app.smartsheet.com/r/3',
    issueDescription: '<script>steal()</script>',
  },
  { severity: 'LOW', workRequest: '1004', deltaCents: 500 },
]);

/** A chat channel that keeps what it is given. */
function recordingSender(): AlertSender & { messages: AlertMessage[] } {
  const messages: AlertMessage[] = [];
  return { messages, send: async (message) => (messages.push(message), { id: `m${messages.length}` }) };
}

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`sendAlerts on ${backend.dialect}`, () => {
    const store = useTestStore(backend);
    let server: SmtpTestServer;
    let smtp: SmtpAlertSender;
    let clock: Date;
    let deps: SendAlertsDeps;

    beforeEach(async () => {
      server = await startSmtpTestServer({ user: 'alerts', password: 'pw' });
      smtp = createSmtpSender({
        host: '127.0.0.1',
        port: server.port,
        security: 'none',
        user: 'alerts',
        password: 'pw',
        from: 'ledgerline@example.com',
      });
      clock = new Date('2025-08-18T15:00:00.000Z');
      deps = { alerts: store().alerts, senders: { email: smtp }, now: () => clock };
    });
    afterEach(async () => {
      smtp.close();
      await server.close();
    });

    it('sends a burst as one e-mail listing each matching event with its link', async () => {
      const result = await sendAlerts(deps, events, options);

      expect(result).toMatchObject({ sent: 1, skippedDuplicates: 0, failed: 0 });
      expect(server.received).toHaveLength(1);
      expect(server.received[0]?.to).toEqual(['billing@example.com', 'audit@example.com']);
      const mail = readMimeMessage(server.received[0]!.raw);
      expect(mail.subject).toBe(
        '[Ledgerline] 3 billing changes need review — 1 CRITICAL, 2 HIGH (run run-42)',
      );
      for (const [wr, link] of [
        ['1002', '/r/2'],
        ['1003', '/r/3'],
        ['1001', '/r/1'],
      ]) {
        expect(mail.text).toContain(`WR ${wr}`);
        expect(mail.html).toContain(`href="https://app.smartsheet.com${link}"`);
      }
      expect(mail.text).not.toContain('WR 1004');
      expect(mail.text).toContain('Total impact: +$11,000.00');
      expect(mail.text).toContain('checkpoint v1 seq=3 sig=abc');
      expect(mail.html).toContain('&lt;script&gt;steal()&lt;/script&gt;');
      expect(mail.html).not.toContain('<script>');
    });

    it('alerts each event at most once per rule, even inside a later burst', async () => {
      await sendAlerts(deps, events, options);

      const again = await sendAlerts(deps, events, options);
      const [later] = buildAuditEventChain([{ severity: 'HIGH', workRequest: '2001' }], 10);
      const overlapping = await sendAlerts(deps, [...events, later!], options);

      expect(again).toMatchObject({ sent: 0, skippedDuplicates: 3, failed: 0 });
      expect(overlapping).toMatchObject({ sent: 1, skippedDuplicates: 3 });
      expect(server.received).toHaveLength(2);
      const second = readMimeMessage(server.received[1]!.raw);
      expect(second.subject).toBe('[Ledgerline] 1 billing change needs review — 1 HIGH (run run-42)');
      expect(second.text).toContain('WR 2001');
      expect(second.text).not.toContain('WR 1001');
    });

    it('keeps a refused alert for a later attempt and delivers it once the server recovers', async () => {
      server.refuseRecipients = true;

      const first = await sendAlerts(deps, events, { ...options, retryPolicy });

      expect(first).toMatchObject({ sent: 0, failed: 1 });
      expect(first.alerts[0]).toMatchObject({ status: 'retrying', error: expect.stringMatching(/451/) });
      expect(first.alerts[0]?.error).not.toContain('@example.com');
      const due = await store().alerts.listPendingAlerts({ now: '2030-01-01T00:00:00Z', limit: 10 });
      expect(due).toMatchObject([
        {
          status: 'failed',
          attempts: 1,
          nextAttemptAt: '2025-08-18T15:01:00.000Z',
          error: expect.stringMatching(/451/),
        },
      ]);

      // Not yet due: nothing happens.
      expect(await retryPendingAlerts(deps, { retryPolicy })).toEqual({ sent: 0, retrying: 0, gaveUp: 0 });

      server.refuseRecipients = false;
      clock = new Date('2025-08-18T15:01:00.000Z');
      expect(await retryPendingAlerts(deps, { retryPolicy })).toEqual({ sent: 1, retrying: 0, gaveUp: 0 });
      expect(await retryPendingAlerts(deps, { retryPolicy })).toEqual({ sent: 0, retrying: 0, gaveUp: 0 });
      expect(server.received).toHaveLength(1);
      expect(readMimeMessage(server.received[0]!.raw).subject).toContain('3 billing changes need review');
      expect(await sendAlerts(deps, events, options)).toMatchObject({ sent: 0, skippedDuplicates: 3 });
    });

    it('gives up after the last attempt and never re-alerts those events', async () => {
      server.refuseRecipients = true;
      await sendAlerts(deps, events, { ...options, retryPolicy });

      clock = new Date('2025-08-18T15:01:00.000Z');
      expect(await retryPendingAlerts(deps, { retryPolicy })).toEqual({ sent: 0, retrying: 1, gaveUp: 0 });
      clock = new Date('2025-08-18T15:03:00.000Z');
      expect(await retryPendingAlerts(deps, { retryPolicy })).toEqual({ sent: 0, retrying: 0, gaveUp: 1 });

      expect(await store().alerts.listPendingAlerts({ now: '2030-01-01T00:00:00Z', limit: 10 })).toEqual([]);
      server.refuseRecipients = false;
      expect(await sendAlerts(deps, events, options)).toMatchObject({ sent: 0, skippedDuplicates: 3 });
      expect(server.received).toHaveLength(0);
    });

    it('posts to chat as a channel of its own, deduplicated separately from e-mail', async () => {
      const chat = recordingSender();
      const chatRules: AlertRule[] = [{ ...rules[0]!, chat: true }];

      const first = await sendAlerts({ ...deps, senders: { email: smtp, chat } }, events, {
        ...options,
        rules: chatRules,
      });
      const again = await sendAlerts({ ...deps, senders: { email: smtp, chat } }, events, {
        ...options,
        rules: chatRules,
      });

      expect(first.alerts.map((alert) => alert.channel)).toEqual(['email', 'chat']);
      expect(again).toMatchObject({ sent: 0, skippedDuplicates: 6 });
      expect(chat.messages).toHaveLength(1);
      expect(chat.messages[0]).toMatchObject({
        to: [],
        subject: expect.stringContaining('3 billing changes'),
      });
      expect(server.received).toHaveLength(1);
    });

    it('sends an alert a crashed run left recorded but unsent, once its first-send lease is over', async () => {
      const crashing: AlertSender = { send: () => new Promise(() => undefined) };
      void sendAlerts({ ...deps, senders: { email: crashing } }, events, options);
      await expect
        .poll(() => store().alerts.listPendingAlerts({ now: '2030-01-01T00:00:00Z', limit: 10 }))
        .toHaveLength(1);

      expect(await retryPendingAlerts(deps)).toMatchObject({ sent: 0 });
      clock = new Date('2025-08-18T15:05:00.000Z');
      expect(await retryPendingAlerts(deps)).toMatchObject({ sent: 1 });
      expect(server.received).toHaveLength(1);
    });
  });
}
