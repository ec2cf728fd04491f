import { describe, expect, it } from 'vitest';
import { buildAuditEventChain } from '../audit-report/testing/build-audit-event-chain.js';
import { alertDedupeKey } from './alert-digest.js';
import { composeAlertMessage } from './alert-message.js';

const options = { timeZone: 'America/Chicago', runId: 'run-42' };

const burst = buildAuditEventChain([
  { severity: 'HIGH', deltaCents: 150_000, workRequest: '1001' },
  { severity: 'CRITICAL', deltaCents: -1_250_000, workRequest: '1002' },
  { severity: 'HIGH', deltaCents: 300_000, workRequest: '1003', riskScore: 0.87 },
]);

describe('composeAlertMessage', () => {
  it('summarises the burst in the subject, by severity, with the run', () => {
    const message = composeAlertMessage('billing-office', burst, options);

    expect(message.subject).toBe(
      '[Ledgerline] 3 billing changes need review — 1 CRITICAL, 2 HIGH (run run-42)',
    );
  });

  it('lists the events most severe first, then by size of impact', () => {
    const message = composeAlertMessage('billing-office', burst, options);

    expect(message.eventIds).toEqual(['evt-2', 'evt-3', 'evt-1']);
    expect(message.text.indexOf('WR 1002')).toBeLessThan(message.text.indexOf('WR 1003'));
    expect(message.text.indexOf('WR 1003')).toBeLessThan(message.text.indexOf('WR 1001'));
  });

  it('shows each fact from the event, the time in the organisation zone and the total', () => {
    const [event] = buildAuditEventChain([{}]);
    const message = composeAlertMessage('billing-office', [event!], options);

    expect(message.subject).toBe('[Ledgerline] 1 billing change needs review — 1 MEDIUM (run run-42)');
    expect(message.text).toContain('MEDIUM · POST_CLOSE_EDIT · WR 89708709 · week ending 2025-08-17');
    expect(message.text).toContain('Units Total Price: 1200.00 → 1500.00 (Δ +$300.00)');
    expect(message.text).toContain('Changed by foreman@example.com on Mon 2025-08-18 08:59:12 CDT');
    expect(message.text).toContain('Price changed after the week closed');
    expect(message.text).toContain('Suggested fix: Confirm the correction with the billing office');
    expect(message.text).toContain(
      'Smartsheet row: https://app.smartsheet.com/sheets/abc?rowId=7260200000000001',
    );
    expect(message.text).toContain('Total impact: +$300.00');
    expect(message.html).toContain('href="https://app.smartsheet.com/sheets/abc?rowId=7260200000000001"');
    expect(message.text).not.toContain('Risk score');
  });

  it('totals only known impacts and says how many were known', () => {
    const events = buildAuditEventChain([
      { deltaCents: 30_000 },
      { deltaCents: null },
      { deltaCents: -5_000 },
    ]);

    const message = composeAlertMessage('r', events, options);

    expect(message.text).toContain('Total impact: +$250.00 (2 of 3 changes have a known Δ)');
    expect(message.text).toContain('(Δ —)');
  });

  it('carries the signed checkpoint in the footer when given', () => {
    const checkpointText = 'ledgerline-checkpoint v1 seq=3 head=abc sig=xyz';

    const message = composeAlertMessage('r', burst, { ...options, checkpointText });

    expect(message.text.trimEnd().endsWith(checkpointText)).toBe(true);
    expect(message.html).toContain(`<pre>${checkpointText}</pre>`);
  });

  it('escapes every value in the HTML and never links a non-http URL', () => {
    const [event] = buildAuditEventChain([
      {
        issueDescription: '<script>alert("x")</script>',
        changedBy: 'mallory"><img src=x onerror=alert(1)>@example.com',
        newValue: '<b>1500</b>',
        sheetReference: 'javascript:alert(1)',
      },
    ]);

    const { html, text } = composeAlertMessage('r', [event!], options);

    expect(html).not.toMatch(/<script|<img|<b>|href="javascript/i);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('Smartsheet row: javascript:alert(1)');
    expect(text).toContain('<script>alert("x")</script>');
  });
});

describe('alertDedupeKey', () => {
  it('is the same for the same events in any order, and differs by rule and channel', () => {
    const key = alertDedupeKey('r', 'email', ['b', 'a']);

    expect(alertDedupeKey('r', 'email', ['a', 'b'])).toBe(key);
    expect(alertDedupeKey('other', 'email', ['a', 'b'])).not.toBe(key);
    expect(alertDedupeKey('r', 'chat', ['a', 'b'])).not.toBe(key);
    expect(alertDedupeKey('r', 'email', ['a'])).not.toBe(key);
  });
});
