import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccessReviewFacts, AccountFacts, ShareFacts } from './build-access-review.js';
import { buildAccessReviewSubjects, recommend } from './build-access-review.js';
import { SHEET_ACCESS_LEVELS, accessRank } from './sheet-access-level.js';

const NOW = new Date('2026-11-01T06:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();

function account(overrides: Partial<AccountFacts> = {}): AccountFacts {
  return {
    email: 'auditor@example.com',
    name: 'Ada Auditor',
    role: 'auditor',
    disabled: false,
    mfaEnabled: true,
    lastLoginAt: daysAgo(2),
    ...overrides,
  };
}

function share(overrides: Partial<ShareFacts> = {}): ShareFacts {
  return {
    sheetId: 1,
    sheetName: 'Crew North',
    type: 'USER',
    email: 'foreman@example.com',
    name: 'Fran Foreman',
    accessLevel: 'EDITOR',
    scope: 'ITEM',
    ...overrides,
  };
}

function facts(overrides: Partial<AccessReviewFacts> = {}): AccessReviewFacts {
  return {
    accounts: [],
    shares: [],
    sheetActivity: new Map(),
    pastDecisions: new Map(),
    ...overrides,
  };
}

const build = (f: AccessReviewFacts) => buildAccessReviewSubjects(f, { now: NOW });

describe('buildAccessReviewSubjects: accounts', () => {
  it('keeps a recently active, reviewed account with MFA', () => {
    const [subject] = build(
      facts({
        accounts: [account()],
        pastDecisions: new Map([
          ['account:auditor@example.com', { decision: 'keep', decidedAt: daysAgo(20) }],
        ]),
      }),
    );
    expect(subject).toMatchObject({
      key: 'account:auditor@example.com',
      kind: 'account',
      flags: [],
      recommendation: 'keep',
      lastActivitySource: 'login',
      lastDecision: 'keep',
    });
  });

  it('flags an account never logged in as inactive and never reviewed, and recommends revoking it', () => {
    const [subject] = build(facts({ accounts: [account({ lastLoginAt: null })] }));
    expect(subject?.flags).toEqual(['inactive', 'review-overdue']);
    expect(subject?.recommendation).toBe('revoke');
    expect(subject?.reasons.join(' ')).toContain('last never');
  });

  it('counts inactivity only past the threshold: 90 days is active, 91 is not', () => {
    const at = (days: number) =>
      build(facts({ accounts: [account({ lastLoginAt: daysAgo(days) })] }))[0]?.flags;
    expect(at(90)).not.toContain('inactive');
    expect(at(91)).toContain('inactive');
  });

  it('flags an admin unused for 31 days as privileged-unused and recommends a downgrade', () => {
    const [subject] = build(facts({ accounts: [account({ role: 'admin', lastLoginAt: daysAgo(31) })] }));
    expect(subject?.flags).toContain('privileged-unused');
    expect(subject?.recommendation).toBe('downgrade');
    const [viewer] = build(facts({ accounts: [account({ role: 'viewer', lastLoginAt: daysAgo(31) })] }));
    expect(viewer?.flags).not.toContain('privileged-unused');
  });

  it('asks for MFA on an active account without it', () => {
    const [subject] = build(
      facts({
        accounts: [account({ mfaEnabled: false })],
        pastDecisions: new Map([
          ['account:auditor@example.com', { decision: 'keep', decidedAt: daysAgo(1) }],
        ]),
      }),
    );
    expect(subject?.flags).toEqual(['mfa-off']);
    expect(subject?.recommendation).toBe('enable-mfa');
  });

  it('keeps a disabled account without flags: there is nothing left to revoke', () => {
    const [subject] = build(
      facts({ accounts: [account({ disabled: true, lastLoginAt: null, mfaEnabled: false })] }),
    );
    expect(subject?.flags).toEqual([]);
    expect(subject?.recommendation).toBe('keep');
  });

  it('uses thresholds given as parameters', () => {
    const [subject] = buildAccessReviewSubjects(
      facts({ accounts: [account({ lastLoginAt: daysAgo(10) })] }),
      {
        now: NOW,
        thresholds: { inactiveDays: 7, reviewIntervalDays: 90, privilegedUnusedDays: 3 },
      },
    );
    expect(subject?.flags).toContain('inactive');
  });
});

describe('buildAccessReviewSubjects: Smartsheet shares', () => {
  it('lists each person once with every sheet, the highest level and their newest edit', () => {
    const subjects = build(
      facts({
        shares: [
          share({ sheetId: 1, sheetName: 'Crew North', accessLevel: 'EDITOR' }),
          share({ sheetId: 2, sheetName: 'Crew South', accessLevel: 'VIEWER', scope: 'WORKSPACE' }),
          share({ sheetId: 2, sheetName: 'Crew South', accessLevel: 'EDITOR_SHARE' }),
        ],
        sheetActivity: new Map([['foreman@example.com', daysAgo(3)]]),
      }),
    );
    expect(subjects).toHaveLength(1);
    expect(subjects[0]).toMatchObject({
      key: 'smartsheet:foreman@example.com',
      accessLevel: 'EDITOR_SHARE',
      lastActivityAt: daysAgo(3),
      lastActivitySource: 'sheet-edit',
      sheets: [
        { sheetId: 1, sheetName: 'Crew North', accessLevel: 'EDITOR', scope: 'ITEM' },
        { sheetId: 2, sheetName: 'Crew South', accessLevel: 'EDITOR_SHARE', scope: 'ITEM' },
      ],
    });
  });

  it('counts a Ledgerline login of the same e-mail as activity', () => {
    const [, editor] = build(
      facts({
        accounts: [account({ email: 'Foreman@Example.com', lastLoginAt: daysAgo(5) })],
        shares: [share()],
        sheetActivity: new Map([['foreman@example.com', daysAgo(200)]]),
      }),
    );
    expect(editor).toMatchObject({ lastActivityAt: daysAgo(5), lastActivitySource: 'login' });
    expect(editor?.flags).not.toContain('inactive');
  });

  it('recommends revoking the shares of a person whose account is disabled', () => {
    const [, editor] = build(
      facts({
        accounts: [account({ email: 'foreman@example.com', disabled: true })],
        shares: [share()],
        sheetActivity: new Map([['foreman@example.com', daysAgo(1)]]),
      }),
    );
    expect(editor?.flags).toContain('disabled-but-shared');
    expect(editor?.recommendation).toBe('revoke');
  });

  it('never recommends revoking an owner, and only a review for an inactive viewer', () => {
    const subjects = build(
      facts({
        shares: [
          share({ email: 'owner@example.com', accessLevel: 'OWNER' }),
          share({ email: 'viewer@example.com', accessLevel: 'VIEWER' }),
        ],
      }),
    );
    expect(subjects.map((s) => [s.email, s.flags, s.recommendation])).toEqual([
      ['owner@example.com', ['inactive', 'privileged-unused', 'review-overdue'], 'review'],
      ['viewer@example.com', ['inactive', 'review-overdue'], 'review'],
    ]);
  });

  it('lists a group share for review', () => {
    const [group] = build(
      facts({
        shares: [share({ type: 'GROUP', email: null, name: 'Billing Office', accessLevel: 'EDITOR' })],
      }),
    );
    expect(group).toMatchObject({
      key: 'smartsheet-group:billing office',
      flags: expect.arrayContaining(['group-share']),
    });
  });
});

describe('recommend', () => {
  it('puts revocation before downgrade, MFA and review', () => {
    const plain = { owner: false, readOnly: false };
    expect(recommend(['inactive', 'privileged-unused', 'mfa-off'], plain)).toBe('revoke');
    expect(recommend(['privileged-unused', 'mfa-off'], plain)).toBe('downgrade');
    expect(recommend(['mfa-off', 'review-overdue'], plain)).toBe('enable-mfa');
    expect(recommend(['review-overdue'], plain)).toBe('review');
    expect(recommend([], plain)).toBe('keep');
  });
});

// Properties over random populations of accounts, shares and activity.
const emails = fc.constantFrom('a@x.com', 'b@x.com', 'C@x.com', 'd@x.com', 'e@x.com');
const instant = fc.integer({ min: 0, max: 400 }).map((d) => daysAgo(d));
const shareArb = fc
  .record({
    sheetId: fc.integer({ min: 1, max: 4 }),
    sheetName: fc.constant(''),
    type: fc.constant('USER' as const),
    email: emails,
    name: fc.option(fc.constantFrom('A', 'B'), { nil: null }),
    accessLevel: fc.constantFrom(...SHEET_ACCESS_LEVELS),
    scope: fc.constantFrom('ITEM' as const, 'WORKSPACE' as const),
  })
  .map((s) => ({ ...s, sheetName: `Sheet ${s.sheetId}` }));
const accountArb = fc.record({
  email: emails,
  name: fc.constant('Someone'),
  role: fc.constantFrom('admin' as const, 'auditor' as const, 'viewer' as const),
  disabled: fc.boolean(),
  mfaEnabled: fc.boolean(),
  lastLoginAt: fc.option(instant, { nil: null }),
});
const factsArb = fc.record({
  accounts: fc.uniqueArray(accountArb, { selector: (a) => a.email.toLowerCase(), maxLength: 5 }),
  shares: fc.array(shareArb, { maxLength: 20 }),
  activity: fc.array(fc.tuple(emails, instant), { maxLength: 5 }),
});

describe('buildAccessReviewSubjects properties', () => {
  it('lists every account and every shared person exactly once, with the highest level of their shares', () => {
    fc.assert(
      fc.property(factsArb, ({ accounts, shares, activity }) => {
        const subjects = build(
          facts({
            accounts,
            shares,
            sheetActivity: new Map(activity.map(([e, at]) => [e.toLowerCase(), at])),
          }),
        );
        const keys = subjects.map((s) => s.key);
        expect(new Set(keys).size).toBe(keys.length);
        const people = new Set(shares.map((s) => s.email.toLowerCase()));
        expect(subjects.filter((s) => s.kind === 'account')).toHaveLength(accounts.length);
        expect(
          subjects
            .filter((s) => s.kind === 'smartsheet')
            .map((s) => s.email)
            .sort(),
        ).toEqual([...people].sort());
        for (const subject of subjects.filter((s) => s.kind === 'smartsheet')) {
          const own = shares.filter((s) => s.email.toLowerCase() === subject.email);
          const best = Math.max(...own.map((s) => accessRank(s.accessLevel)));
          expect(accessRank(subject.accessLevel!)).toBe(best);
          expect(subject.sheets.map((s) => s.sheetId)).toEqual(
            [...new Set(own.map((s) => s.sheetId))].sort(),
          );
        }
      }),
    );
  });

  it('gives the same review whatever the order of the facts', () => {
    fc.assert(
      fc.property(factsArb, fc.integer(), ({ accounts, shares, activity }, seed) => {
        const shuffle = <T>(list: readonly T[]) =>
          [...list]
            .map((v, i) => [((i + 1) * (seed | 1)) % 9973, v] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, v]) => v);
        const sheetActivity = new Map(activity.map(([e, at]) => [e.toLowerCase(), at]));
        expect(build(facts({ accounts: shuffle(accounts), shares: shuffle(shares), sheetActivity }))).toEqual(
          build(facts({ accounts, shares, sheetActivity })),
        );
      }),
    );
  });

  it('flags inactive exactly when the last activity is missing or older than 90 days, and never keeps a flagged subject', () => {
    fc.assert(
      fc.property(factsArb, ({ accounts, shares, activity }) => {
        const subjects = build(
          facts({
            accounts,
            shares,
            sheetActivity: new Map(activity.map(([e, at]) => [e.toLowerCase(), at])),
          }),
        );
        for (const subject of subjects) {
          if (subject.disabled) continue;
          const old =
            subject.lastActivityAt === null ||
            NOW.getTime() - Date.parse(subject.lastActivityAt) > 90 * 86_400_000;
          expect(subject.flags.includes('inactive')).toBe(old);
          expect(subject.recommendation === 'keep').toBe(subject.flags.length === 0);
        }
      }),
    );
  });
});
