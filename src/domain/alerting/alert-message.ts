/**
 * The words of an alert digest, as plain text and as HTML. Both list the same facts from the
 * events; the HTML escapes every value because descriptions and cell values are typed by people.
 */
import type { ChainedAuditEvent } from '../audit-chain.js';
import { buildAlertDigest, type AlertDigest } from './alert-digest.js';
import { escapeHtml, formatImpact, formatInstantIn, orDash, safeLink } from './alert-format.js';

/** What a digest is composed with beyond its events. */
export interface ComposeAlertOptions {
  /** The organisation's IANA time zone: when a change was made is shown in it. */
  readonly timeZone: string;
  /** The run that found the events, quoted in the subject. */
  readonly runId: string;
  /** The audit chain's signed head (formatCheckpointText), carried outside the database on purpose. */
  readonly checkpointText?: string;
}

/** A composed digest, with the ids of the events it covers (for the at-most-once record). */
export interface ComposedAlert {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly eventIds: readonly string[];
}

/** The facts shown for one event, each already formatted. */
interface EventLines {
  readonly heading: string;
  readonly change: string;
  readonly who: string;
  readonly description: string;
  readonly fix: string | null;
  readonly risk: string | null;
  readonly link: string | null;
}

// Header values are single lines: a newline in a run id must not start a new header or line.
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

function subjectFor(digest: AlertDigest, runId: string): string {
  const count = digest.events.length;
  const needs = count === 1 ? 'billing change needs' : 'billing changes need';
  const bySeverity = digest.severityCounts.map(({ severity, count: n }) => `${n} ${severity}`).join(', ');
  return oneLine(`[Ledgerline] ${count} ${needs} review — ${bySeverity} (run ${runId})`);
}

function linesFor(event: ChainedAuditEvent, timeZone: string): EventLines {
  const column = event.columnName ?? 'Row';
  return {
    heading: `${event.severity} · ${event.violationType} · WR ${orDash(event.workRequest)} · week ending ${orDash(event.weekEnding)}`,
    change: `${column}: ${orDash(event.oldValue)} → ${orDash(event.newValue)} (Δ ${formatImpact(event.deltaCents)})`,
    who: `Changed by ${orDash(event.changedBy)} on ${formatInstantIn(event.changedAt, timeZone)}`,
    description: event.issueDescription,
    fix: event.suggestedFix,
    risk: event.riskScore === null ? null : `Risk score: ${event.riskScore}`,
    link: event.sheetReference,
  };
}

function totalLine(digest: AlertDigest): string {
  const known = digest.events.filter((event) => event.deltaCents !== null).length;
  const total = `Total impact: ${formatImpact(digest.totalImpactCents)}`;
  return known === digest.events.length
    ? total
    : `${total} (${known} of ${digest.events.length} changes have a known Δ)`;
}

function introLine(ruleName: string, digest: AlertDigest, runId: string): string {
  return `Alert rule "${ruleName}" matched ${plural(digest.events.length, 'billing change', 'billing changes')} in run ${runId}.`;
}

function composeText(ruleName: string, digest: AlertDigest, options: ComposeAlertOptions): string {
  const blocks = digest.events.map((event, index) => {
    const lines = linesFor(event, options.timeZone);
    return [
      `${index + 1}. ${lines.heading}`,
      `   ${lines.change}`,
      `   ${lines.who}`,
      `   ${lines.description}`,
      ...(lines.fix === null ? [] : [`   Suggested fix: ${lines.fix}`]),
      ...(lines.risk === null ? [] : [`   ${lines.risk}`]),
      `   Smartsheet row: ${orDash(lines.link)}`,
    ].join('\n');
  });
  return [
    introLine(ruleName, digest, options.runId),
    '',
    blocks.join('\n\n'),
    '',
    totalLine(digest),
    `Times are shown in ${options.timeZone}.`,
    ...footerText(options.checkpointText),
  ].join('\n');
}

function footerText(checkpointText: string | undefined): string[] {
  if (checkpointText === undefined) return [];
  return [
    '',
    '-- ',
    'Signed audit checkpoint (keep this copy; `ledgerline audit verify` checks it):',
    checkpointText,
  ];
}

function composeHtml(ruleName: string, digest: AlertDigest, options: ComposeAlertOptions): string {
  const items = digest.events.map((event) => {
    const lines = linesFor(event, options.timeZone);
    const href = safeLink(lines.link);
    // A link that is not http(s) is shown as text so a hostile cell cannot become a script URL.
    const row =
      href === null
        ? `Smartsheet row: ${escapeHtml(orDash(lines.link))}`
        : `<a href="${escapeHtml(href)}">Open the Smartsheet row</a>`;
    return [
      '<li style="margin-bottom:12px">',
      `<strong>${escapeHtml(lines.heading)}</strong><br>`,
      `${escapeHtml(lines.change)}<br>`,
      `${escapeHtml(lines.who)}<br>`,
      `${escapeHtml(lines.description)}<br>`,
      lines.fix === null ? '' : `Suggested fix: ${escapeHtml(lines.fix)}<br>`,
      lines.risk === null ? '' : `${escapeHtml(lines.risk)}<br>`,
      row,
      '</li>',
    ].join('');
  });
  const footer =
    options.checkpointText === undefined
      ? ''
      : `<hr><p>Signed audit checkpoint (keep this copy; <code>ledgerline audit verify</code> checks it):</p><pre>${escapeHtml(options.checkpointText)}</pre>`;
  return [
    '<!doctype html><html><body style="font-family:sans-serif">',
    `<p>${escapeHtml(introLine(ruleName, digest, options.runId))}</p>`,
    `<ol>${items.join('')}</ol>`,
    `<p><strong>${escapeHtml(totalLine(digest))}</strong><br>Times are shown in ${escapeHtml(options.timeZone)}.</p>`,
    footer,
    '</body></html>',
  ].join('\n');
}

/**
 * Composes one digest message for a rule's events: subject with counts by severity and the run,
 * then each event most serious first, the total impact and, when given, the signed checkpoint.
 * Throws AppError CONFIG_INVALID for an unknown time zone.
 */
export function composeAlertMessage(
  ruleName: string,
  events: readonly ChainedAuditEvent[],
  options: ComposeAlertOptions,
): ComposedAlert {
  if (events.length === 0) throw new RangeError('An alert digest needs at least one event');
  const digest = buildAlertDigest(events);
  return {
    subject: subjectFor(digest, options.runId),
    text: composeText(ruleName, digest, options),
    html: composeHtml(ruleName, digest, options),
    eventIds: digest.events.map((event) => event.eventId),
  };
}
