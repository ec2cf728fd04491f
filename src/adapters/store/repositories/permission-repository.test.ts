import { describe, expect, it } from 'vitest';
import { backends, useTestStore } from '../../../../test/support/test-databases.js';

const grant = (email: string, permission = 'billing.correct') => ({
  email,
  permission,
  grantedBy: 'admin@example.com',
  grantedAt: '2025-08-18T14:00:00Z',
});

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`permission store on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('grants a permission once', async () => {
      expect(await store().permissions.grantPermission(grant('Office@Example.com'))).toBe(true);
      expect(await store().permissions.grantPermission(grant('office@example.com'))).toBe(false);
    });

    it('lists the grants of one email by permission', async () => {
      await store().permissions.grantPermission(grant('office@example.com', 'reports.publish'));
      await store().permissions.grantPermission(grant('office@example.com', 'billing.correct'));
      await store().permissions.grantPermission(grant('other@example.com'));

      expect(await store().permissions.listPermissionsFor('OFFICE@example.com')).toEqual([
        { ...grant('office@example.com', 'billing.correct'), grantedAt: '2025-08-18T14:00:00.000Z' },
        { ...grant('office@example.com', 'reports.publish'), grantedAt: '2025-08-18T14:00:00.000Z' },
      ]);
    });

    it('answers whether an email holds a permission', async () => {
      await store().permissions.grantPermission(grant('office@example.com'));

      expect(await store().permissions.hasPermission('Office@example.com', 'billing.correct')).toBe(true);
      expect(await store().permissions.hasPermission('office@example.com', 'reports.publish')).toBe(false);
      expect(await store().permissions.hasPermission('crew@example.com', 'billing.correct')).toBe(false);
    });

    it('revokes a grant and says whether there was one', async () => {
      await store().permissions.grantPermission(grant('office@example.com'));

      expect(await store().permissions.revokePermission('office@example.com', 'billing.correct')).toBe(true);
      expect(await store().permissions.revokePermission('office@example.com', 'billing.correct')).toBe(false);
      expect(await store().permissions.hasPermission('office@example.com', 'billing.correct')).toBe(false);
    });
  });
}
