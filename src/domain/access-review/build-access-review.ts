// The subjects of an access review from what the stores and Smartsheet say, judged at `now`
// (billing-domain.md §4). Pure: the caller gathers accounts, shares, activity and past decisions.
import type {
  AccessDecision,
  AccessFlag,
  AccessReviewSubject,
  AccessReviewThresholds,
  AccountRole,
  Recommendation,
  SubjectSheetAccess,
} from './access-review-subject.js';
import { DEFAULT_ACCESS_REVIEW_THRESHOLDS } from './access-review-subject.js';
import type { SheetAccessLevel } from './sheet-access-level.js';
import { accessRank, canEditCells, highestAccess, isPrivilegedAccess } from './sheet-access-level.js';

const DAY_MS = 86_400_000;

/** A Ledgerline account as the review needs it. */
export interface AccountFacts {
  readonly email: string;
  readonly name: string;
  readonly role: AccountRole;
  readonly disabled: boolean;
  readonly mfaEnabled: boolean;
  readonly lastLoginAt: string | null;
}

/** One share of one source sheet. Group shares carry the group's e-mail or name. */
export interface ShareFacts {
  readonly sheetId: number;
  readonly sheetName: string;
  readonly type: 'USER' | 'GROUP';
  readonly email: string | null;
  readonly name: string | null;
  readonly accessLevel: SheetAccessLevel;
  readonly scope: 'ITEM' | 'WORKSPACE';
}

/** A subject's latest recorded decision, from any earlier review. */
export interface PastDecision {
  readonly decision: AccessDecision;
  readonly decidedAt: string;
}

export interface AccessReviewFacts {
  readonly accounts: readonly AccountFacts[];
  readonly shares: readonly ShareFacts[];
  /** Lower-cased e-mail → the newest `changedAt` of that person's sheet edits (audit events, scored changes). */
  readonly sheetActivity: ReadonlyMap<string, string>;
  /** Subject key → its latest decision. */
  readonly pastDecisions: ReadonlyMap<string, PastDecision>;
}

/** The subject key of an account. */
export function accountSubjectKey(email: string): string {
  return `account:${normaliseEmail(email)}`;
}

/** The subject key of a person, or group, sheets are shared with. */
export function shareSubjectKey(share: Pick<ShareFacts, 'type' | 'email' | 'name'>): string {
  if (share.type === 'GROUP')
    return `smartsheet-group:${(share.email ?? share.name ?? 'unnamed').trim().toLowerCase()}`;
  return `smartsheet:${normaliseEmail(share.email ?? '')}`;
}

/** Code-unit order: the same in every locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function newest(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(a) >= Date.parse(b) ? a : b;
}

/** Whole days and fractions since an instant; Infinity for never. */
function ageDays(instant: string | null, now: Date): number {
  return instant === null ? Infinity : (now.getTime() - Date.parse(instant)) / DAY_MS;
}

function describeAge(instant: string | null, now: Date): string {
  if (instant === null) return 'never';
  return `${Math.floor(ageDays(instant, now))} days ago (${instant.slice(0, 10)})`;
}

interface Judged {
  readonly flags: AccessFlag[];
  readonly reasons: string[];
}

function reviewFlag(
  key: string,
  facts: AccessReviewFacts,
  now: Date,
  t: AccessReviewThresholds,
  into: Judged,
) {
  const past = facts.pastDecisions.get(key);
  if (ageDays(past?.decidedAt ?? null, now) > t.reviewIntervalDays) {
    into.flags.push('review-overdue');
    into.reasons.push(
      past
        ? `Last reviewed ${describeAge(past.decidedAt, now)}, more than ${t.reviewIntervalDays} days ago.`
        : 'Never reviewed.',
    );
  }
}

function activityFlags(
  lastActivityAt: string | null,
  privileged: string | null,
  now: Date,
  t: AccessReviewThresholds,
  into: Judged,
) {
  const age = ageDays(lastActivityAt, now);
  if (age > t.inactiveDays) {
    into.flags.push('inactive');
    into.reasons.push(
      `No activity for more than ${t.inactiveDays} days (last ${describeAge(lastActivityAt, now)}).`,
    );
  }
  if (privileged !== null && age > t.privilegedUnusedDays) {
    into.flags.push('privileged-unused');
    into.reasons.push(`${privileged} without activity in the last ${t.privilegedUnusedDays} days.`);
  }
}

function accountSubject(
  account: AccountFacts,
  facts: AccessReviewFacts,
  now: Date,
  t: AccessReviewThresholds,
): AccessReviewSubject {
  const key = accountSubjectKey(account.email);
  const judged: Judged = { flags: [], reasons: [] };
  let recommendation: Recommendation;
  if (account.disabled) {
    // A disabled account can do nothing; there is nothing to revoke or to review again.
    recommendation = 'keep';
    judged.reasons.push('Keep: the account is already disabled.');
  } else {
    activityFlags(account.lastLoginAt, account.role === 'admin' ? 'Admin role' : null, now, t, judged);
    if (!account.mfaEnabled) {
      judged.flags.push('mfa-off');
      judged.reasons.push('MFA is not enabled.');
    }
    reviewFlag(key, facts, now, t, judged);
    recommendation = recommend(judged.flags, { owner: false, readOnly: false });
    judged.reasons.push(recommendationReason(recommendation, 'account'));
  }
  const past = facts.pastDecisions.get(key);
  return {
    key,
    kind: 'account',
    email: normaliseEmail(account.email),
    name: account.name,
    role: account.role,
    disabled: account.disabled,
    mfaEnabled: account.mfaEnabled,
    lastLoginAt: account.lastLoginAt,
    accessLevel: null,
    sheets: [],
    lastActivityAt: account.lastLoginAt,
    lastActivitySource: account.lastLoginAt === null ? null : 'login',
    lastReviewedAt: past?.decidedAt ?? null,
    lastDecision: past?.decision ?? null,
    flags: judged.flags,
    recommendation,
    reasons: judged.reasons,
  };
}

function shareSubject(
  key: string,
  shares: readonly ShareFacts[],
  facts: AccessReviewFacts,
  accountsByEmail: ReadonlyMap<string, AccountFacts>,
  now: Date,
  t: AccessReviewThresholds,
): AccessReviewSubject {
  const first = shares[0] as ShareFacts;
  const group = first.type === 'GROUP';
  // Per sheet, the highest of its shares (a person may hold a sheet share and a workspace share).
  const bySheet = new Map<number, SubjectSheetAccess>();
  for (const share of shares) {
    const held = bySheet.get(share.sheetId);
    if (!held || accessRank(share.accessLevel) > accessRank(held.accessLevel)) {
      bySheet.set(share.sheetId, {
        sheetId: share.sheetId,
        sheetName: share.sheetName,
        accessLevel: share.accessLevel,
        scope: share.scope,
      });
    }
  }
  const sheets = [...bySheet.values()].sort(
    (a, b) => compareText(a.sheetName, b.sheetName) || a.sheetId - b.sheetId,
  );
  const level = highestAccess(sheets.map((s) => s.accessLevel)) as SheetAccessLevel;
  const email = group
    ? (first.email ?? first.name ?? 'unnamed').trim().toLowerCase()
    : normaliseEmail(first.email ?? '');
  const name = shares.map((s) => s.name).find((n) => n !== null && n.trim() !== '') ?? null;
  const account = group ? undefined : accountsByEmail.get(email);
  const edited = group ? null : (facts.sheetActivity.get(email) ?? null);
  const login = account?.lastLoginAt ?? null;
  const lastActivityAt = newest(edited, login);
  const lastActivitySource =
    lastActivityAt === null ? null : lastActivityAt === edited ? 'sheet-edit' : 'login';

  const judged: Judged = { flags: [], reasons: [] };
  if (account?.disabled) {
    judged.flags.push('disabled-but-shared');
    judged.reasons.push(
      'Their Ledgerline account is disabled, yet source sheets are still shared with them.',
    );
  }
  if (group) {
    judged.flags.push('group-share');
    judged.reasons.push('Shared with a group: review its members in Smartsheet.');
  }
  activityFlags(lastActivityAt, isPrivilegedAccess(level) ? `${level} access` : null, now, t, judged);
  reviewFlag(key, facts, now, t, judged);
  const recommendation = recommend(judged.flags, {
    owner: level === 'OWNER',
    readOnly: !canEditCells(level),
  });
  judged.reasons.push(
    recommendationReason(
      recommendation,
      level === 'OWNER' ? 'owner' : canEditCells(level) ? 'editor' : 'reader',
    ),
  );
  const past = facts.pastDecisions.get(key);
  return {
    key,
    kind: 'smartsheet',
    email,
    name,
    role: null,
    disabled: false,
    mfaEnabled: null,
    lastLoginAt: login,
    accessLevel: level,
    sheets,
    lastActivityAt,
    lastActivitySource,
    lastReviewedAt: past?.decidedAt ?? null,
    lastDecision: past?.decision ?? null,
    flags: judged.flags,
    recommendation,
    reasons: judged.reasons,
  };
}

/**
 * The recommendation for a set of flags, most pressing first: a disabled person still shared, or
 * inactivity → revoke; unused privilege → downgrade; no MFA → enable-mfa; anything else flagged →
 * review; nothing → keep. Two exceptions send it to a person instead: an owner cannot be revoked
 * or downgraded (ownership must be transferred), and Smartsheet reports no reads, so a reader's
 * inactivity proves nothing.
 */
export function recommend(
  flags: readonly AccessFlag[],
  subject: { readonly owner: boolean; readonly readOnly: boolean },
): Recommendation {
  const has = (flag: AccessFlag) => flags.includes(flag);
  let recommendation: Recommendation = 'keep';
  if (has('disabled-but-shared')) recommendation = 'revoke';
  else if (has('inactive') && !subject.readOnly) recommendation = 'revoke';
  else if (has('privileged-unused')) recommendation = 'downgrade';
  else if (has('mfa-off')) recommendation = 'enable-mfa';
  else if (flags.length > 0) recommendation = 'review';
  if (subject.owner && (recommendation === 'revoke' || recommendation === 'downgrade')) return 'review';
  return recommendation;
}

function recommendationReason(
  recommendation: Recommendation,
  kind: 'account' | 'owner' | 'editor' | 'reader',
): string {
  switch (recommendation) {
    case 'keep':
      return 'Keep: nothing calls for a change.';
    case 'revoke':
      return kind === 'account' ? 'Revoke: disable the account.' : 'Revoke: remove the sheet shares.';
    case 'downgrade':
      return kind === 'account' ? 'Downgrade: give a lower role.' : 'Downgrade: share as EDITOR or lower.';
    case 'enable-mfa':
      return 'Enable MFA for the account.';
    case 'review':
      if (kind === 'owner')
        return 'Review: an owner cannot be revoked here; transfer ownership if it is no longer needed.';
      if (kind === 'reader')
        return 'Review: Smartsheet does not report reads, so confirm the access is still needed.';
      return 'Review: confirm the access is still needed.';
  }
}

/**
 * Every account and every share identity of the source sheets, judged at `now`:
 * - accounts' activity is their last login;
 * - a sheet subject's activity is the newest of their sheet edits and their Ledgerline login (same e-mail);
 * - flags and recommendation as documented on ACCESS_FLAGS and `recommend`.
 * Subjects come accounts first, then sheet subjects, each by e-mail: the same facts in any order
 * give the same review.
 */
export function buildAccessReviewSubjects(
  facts: AccessReviewFacts,
  options: { readonly now: Date; readonly thresholds?: AccessReviewThresholds },
): AccessReviewSubject[] {
  const thresholds = options.thresholds ?? DEFAULT_ACCESS_REVIEW_THRESHOLDS;
  const accountsByEmail = new Map<string, AccountFacts>();
  for (const account of facts.accounts) accountsByEmail.set(normaliseEmail(account.email), account);
  const accounts = [...accountsByEmail.values()].map((a) =>
    accountSubject(a, facts, options.now, thresholds),
  );

  const sharesByKey = new Map<string, ShareFacts[]>();
  // A canonical order first, so which of equal shares names a subject never depends on input order.
  const ordered = [...facts.shares].sort(
    (a, b) =>
      a.sheetId - b.sheetId ||
      compareText(a.scope, b.scope) ||
      accessRank(b.accessLevel) - accessRank(a.accessLevel) ||
      compareText(a.name ?? '', b.name ?? '') ||
      compareText(a.email ?? '', b.email ?? ''),
  );
  for (const share of ordered) {
    if (share.type === 'USER' && (share.email === null || share.email.trim() === '')) continue;
    const key = shareSubjectKey(share);
    const list = sharesByKey.get(key) ?? [];
    list.push(share);
    sharesByKey.set(key, list);
  }
  const shared = [...sharesByKey].map(([key, shares]) =>
    shareSubject(key, shares, facts, accountsByEmail, options.now, thresholds),
  );
  const byKey = (a: AccessReviewSubject, b: AccessReviewSubject) => compareText(a.key, b.key);
  return [...accounts.sort(byKey), ...shared.sort(byKey)];
}
