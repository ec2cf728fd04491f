import { describe, expect, it } from 'vitest';
import { AppError } from '../app-error.js';
import { buildAuditEventChain } from '../audit-report/testing/build-audit-event-chain.js';
import { checkAlertRules, matchAlertRules, type AlertRule } from './alert-rule.js';

const rule = (overrides: Partial<AlertRule> = {}): AlertRule => ({
  name: 'billing-office',
  minSeverity: 'HIGH',
  recipients: ['billing@example.com'],
  ...overrides,
});

const events = buildAuditEventChain([
  { severity: 'CRITICAL', violationType: 'POST_CLOSE_EDIT', riskScore: 0.9 },
  { severity: 'HIGH', violationType: 'PRICE_OVERRIDE', riskScore: 0.2 },
  { severity: 'HIGH', violationType: 'POST_CLOSE_EDIT', riskScore: null },
  { severity: 'MEDIUM', violationType: 'POST_CLOSE_EDIT', riskScore: 0.99 },
  { severity: 'INFO', violationType: 'DATA_QUALITY' },
]);

const idsFor = (rules: AlertRule[]) =>
  matchAlertRules(events, rules).map((match) => [match.rule.name, match.events.map((e) => e.eventId)]);

describe('matchAlertRules', () => {
  it('keeps events at or above the severity floor', () => {
    expect(idsFor([rule()])).toEqual([['billing-office', ['evt-1', 'evt-2', 'evt-3']]]);
    expect(idsFor([rule({ minSeverity: 'LOW' })])[0]?.[1]).toHaveLength(4);
  });

  it('filters on risk score, letting unscored events through', () => {
    expect(idsFor([rule({ minRiskScore: 0.5 })])).toEqual([['billing-office', ['evt-1', 'evt-3']]]);
  });

  it('filters on violation type', () => {
    expect(idsFor([rule({ minSeverity: 'LOW', violationTypes: ['PRICE_OVERRIDE'] })])).toEqual([
      ['billing-office', ['evt-2']],
    ]);
  });

  it('returns one match per rule and leaves out rules matching nothing', () => {
    expect(
      idsFor([
        rule({ name: 'a', minSeverity: 'CRITICAL' }),
        rule({ name: 'b', violationTypes: ['WEEK_MOVED'] }),
      ]),
    ).toEqual([['a', ['evt-1']]]);
  });
});

describe('checkAlertRules', () => {
  it('accepts sound rules', () => {
    expect(() =>
      checkAlertRules([rule(), rule({ name: 'chat-only', recipients: [], chat: true })]),
    ).not.toThrow();
  });

  it('lists every problem at once', () => {
    const check = () =>
      checkAlertRules([
        rule(),
        rule(),
        rule({ name: 'mute', recipients: [] }),
        rule({ name: 'x', violationTypes: [] }),
      ]);
    expect(check).toThrow(AppError);
    expect(check).toThrow(/defined twice.*no recipients and no chat.*lists no violation types/);
  });
});
