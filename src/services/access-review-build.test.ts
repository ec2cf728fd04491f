import { describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import { buildSheet, buildUser } from '../../test/support/store-records.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { SheetShare } from '../ports/billing-sheets.js';
import { buildAccessReview } from './access-review-build.js';

const NOW = new Date('2026-11-01T12:00:00.000Z');
const share = (email: string, accessLevel: SheetShare['accessLevel']): SheetShare => ({
  type: 'USER',
  email,
  name: null,
  accessLevel,
  scope: 'ITEM',
});

describe('buildAccessReview', () => {
  const store = useTestStore(backends[0]!);

  it('reads the shares of active source sheets only, and reports a sheet it could not read', async () => {
    const s = store();
    const [north, gone, broken] = [
      buildSheet({ name: 'North' }),
      buildSheet({ name: 'Gone' }),
      buildSheet({ name: 'Broken' }),
    ];
    for (const sheet of [north, gone, broken]) await s.sheets.upsertSheet(sheet!);
    await s.sheets.upsertSheet(buildSheet({ name: 'Target', role: 'target' }));
    await s.sheets.upsertSheet(buildSheet({ name: 'Missing', status: 'missing' }));
    await s.users.createUser(
      buildUser({ email: 'ann@example.com', role: 'admin', lastLoginAt: NOW.toISOString() }),
    );
    const asked: number[] = [];
    const source = {
      async sheetShares(sheetId: number) {
        asked.push(sheetId);
        if (sheetId === gone!.id) return undefined;
        if (sheetId === broken!.id)
          throw new AppError(ErrorCode.SMARTSHEET_UNAVAILABLE, 'Smartsheet answered 503');
        return [share('fran@example.com', 'EDITOR'), share('ole@example.com', 'OWNER')];
      },
    };

    const review = await buildAccessReview(
      { users: s.users, sheets: s.sheets, source, accessReviews: s.accessReviews },
      { now: NOW, createdBy: 'ann@example.com', timeZone: 'America/Chicago' },
    );

    expect(asked.sort()).toEqual([north!.id, gone!.id, broken!.id].sort());
    expect(review.period).toBe('2026-11');
    expect(review.subjects.map((x) => x.key)).toEqual([
      'account:ann@example.com',
      'smartsheet:fran@example.com',
      'smartsheet:ole@example.com',
    ]);
    expect(review.sheets.find((x) => x.sheetId === gone!.id)?.problem).toMatch(/gone/);
    expect(review.sheets.find((x) => x.sheetId === broken!.id)?.problem).toBe('Smartsheet answered 503');
    expect(review.sheets.find((x) => x.sheetId === north!.id)).toMatchObject({
      shareCount: 2,
      problem: null,
    });
  });

  it('stores nothing when no sheet could be read: that is an outage, not a review', async () => {
    const s = store();
    await s.sheets.upsertSheet(buildSheet());
    const source = {
      sheetShares: async () => {
        throw new AppError(ErrorCode.SMARTSHEET_AUTH, 'token expired');
      },
    };
    await expect(
      buildAccessReview(
        { users: s.users, sheets: s.sheets, source, accessReviews: s.accessReviews },
        { now: NOW, createdBy: 'scheduler', timeZone: 'UTC' },
      ),
    ).rejects.toThrow('token expired');
    expect(await s.accessReviews.latestReview()).toBeUndefined();
  });
});
