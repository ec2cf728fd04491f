/**
 * Who must hear about which audit events. A rule names a severity floor and optional filters;
 * every stored event that passes them is alerted to the rule's recipients (and chat room).
 */
import { AppError, ErrorCode } from '../app-error.js';
import type { ChainedAuditEvent } from '../audit-chain.js';
import { SEVERITY_ORDER } from '../audit/severity-band.js';

/** Severities a rule can ask for: INFO findings never page anyone. */
export type AlertSeverityFloor = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

/** One alert rule from configuration. */
export interface AlertRule {
  /** Unique among the rules: it is part of every alert's dedupe key. */
  readonly name: string;
  readonly minSeverity: AlertSeverityFloor;
  /** Events scoring below this are left out; events without a score (cold start) still match. */
  readonly minRiskScore?: number;
  /** Only these violation types (billing-domain.md §3.3) when given. */
  readonly violationTypes?: readonly string[];
  /** E-mail recipients; empty for a chat-only rule. */
  readonly recipients: readonly string[];
  /** Also post to the chat webhook. */
  readonly chat?: boolean;
}

/** The events one rule picked, in the order they were given. */
export interface AlertRuleMatch {
  readonly rule: AlertRule;
  readonly events: readonly ChainedAuditEvent[];
}

/** True when the event passes every filter of the rule. */
export function ruleMatchesEvent(rule: AlertRule, event: ChainedAuditEvent): boolean {
  if (SEVERITY_ORDER.indexOf(event.severity) < SEVERITY_ORDER.indexOf(rule.minSeverity)) return false;
  if (rule.minRiskScore !== undefined && event.riskScore !== null && event.riskScore < rule.minRiskScore) {
    return false;
  }
  if (rule.violationTypes !== undefined && !rule.violationTypes.includes(event.violationType)) return false;
  return true;
}

/**
 * Per rule, the events it matches. Rules matching nothing are left out, so every returned match
 * becomes exactly one digest per channel.
 */
export function matchAlertRules(
  events: readonly ChainedAuditEvent[],
  rules: readonly AlertRule[],
): AlertRuleMatch[] {
  return rules.flatMap((rule) => {
    const matched = events.filter((event) => ruleMatchesEvent(rule, event));
    return matched.length > 0 ? [{ rule, events: matched }] : [];
  });
}

/**
 * Rejects rules that would alert wrongly or never: duplicate or blank names (the name keys the
 * at-most-once record), rules with no channel, and an empty violation-type list (which would
 * silently match nothing). Throws AppError CONFIG_INVALID listing every problem.
 */
export function checkAlertRules(rules: readonly AlertRule[]): void {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const label = JSON.stringify(rule.name);
    if (rule.name.trim() === '') problems.push('an alert rule has a blank name');
    else if (seen.has(rule.name)) problems.push(`alert rule ${label} is defined twice`);
    seen.add(rule.name);
    if (rule.recipients.length === 0 && rule.chat !== true) {
      problems.push(`alert rule ${label} has no recipients and no chat`);
    }
    if (rule.violationTypes?.length === 0) problems.push(`alert rule ${label} lists no violation types`);
    if (rule.minRiskScore !== undefined && !Number.isFinite(rule.minRiskScore)) {
      problems.push(`alert rule ${label} has a non-numeric minRiskScore`);
    }
  }
  if (problems.length > 0) {
    throw new AppError(ErrorCode.CONFIG_INVALID, `Invalid alert rules: ${problems.join('; ')}.`, {
      hint: 'Give each alert rule a unique name and at least one recipient or chat: true.',
    });
  }
}
