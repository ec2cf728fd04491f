import type { PermissionStore } from '../../../ports/store.js';
import { instantToDb } from '../column-codecs.js';
import { emailKey } from '../email-key.js';
import type { SqlContext } from '../sql-context.js';

/** The permissions table behind PermissionStore. */
export function createPermissionRepository({ db }: SqlContext): PermissionStore {
  return {
    async grantPermission(grant) {
      const result = await db
        .insertInto('permissions')
        .values({
          email: emailKey(grant.email),
          permission: grant.permission,
          granted_by: grant.grantedBy,
          granted_at: instantToDb(grant.grantedAt),
        })
        .onConflict((conflict) => conflict.columns(['email', 'permission']).doNothing())
        .executeTakeFirst();
      return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
    },

    async revokePermission(email, permission) {
      const result = await db
        .deleteFrom('permissions')
        .where('email', '=', emailKey(email))
        .where('permission', '=', permission)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listPermissionsFor(email) {
      const rows = await db
        .selectFrom('permissions')
        .selectAll()
        .where('email', '=', emailKey(email))
        .orderBy('permission')
        .execute();
      return rows.map((row) => ({
        email: row.email,
        permission: row.permission,
        grantedBy: row.granted_by,
        grantedAt: row.granted_at,
      }));
    },

    async hasPermission(email, permission) {
      const row = await db
        .selectFrom('permissions')
        .select('permission')
        .where('email', '=', emailKey(email))
        .where('permission', '=', permission)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}
