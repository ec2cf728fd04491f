import { sql, type Selectable, type Updateable } from 'kysely';
import { AppError, ErrorCode } from '../../../domain/app-error.js';
import type { UserRecord, UserRole, UserStore } from '../../../ports/store.js';
import {
  booleanFromDb,
  booleanToDb,
  instantToDb,
  instantToDbNullable,
  jsonFromDb,
  jsonToDb,
} from '../column-codecs.js';
import { isUniqueViolation } from '../constraint-errors.js';
import type { UsersTable } from '../database-schema.js';
import { emailKey } from '../email-key.js';
import type { SqlContext } from '../sql-context.js';

function conflict(error: unknown, email: string | undefined): never {
  if (!isUniqueViolation(error)) throw error;
  throw new AppError(ErrorCode.CONFLICT, 'A user with this id or email already exists', {
    details: email === undefined ? {} : { email },
    cause: error,
  });
}

/** The users table behind UserStore. */
export function createUserRepository({ db, dialect }: SqlContext): UserStore {
  const fromRow = (row: Selectable<UsersTable>): UserRecord => ({
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as UserRole,
    passwordHash: row.password_hash,
    totpSecret: row.totp_secret,
    mfaEnabled: booleanFromDb(row.mfa_enabled),
    totpLastStep: row.totp_last_step,
    recoveryCodes: jsonFromDb<string[]>(dialect, row.recovery_codes),
    failedLogins: row.failed_logins,
    lockedUntil: row.locked_until,
    disabledAt: row.disabled_at,
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

  const getBy = async (column: 'id' | 'email', value: string) => {
    const row = await db.selectFrom('users').selectAll().where(column, '=', value).executeTakeFirst();
    return row && fromRow(row);
  };

  return {
    async createUser(user) {
      const email = emailKey(user.email);
      try {
        await db
          .insertInto('users')
          .values({
            id: user.id,
            email,
            display_name: user.displayName,
            role: user.role,
            password_hash: user.passwordHash,
            totp_secret: user.totpSecret,
            mfa_enabled: booleanToDb(dialect, user.mfaEnabled),
            totp_last_step: user.totpLastStep,
            recovery_codes: jsonToDb(user.recoveryCodes),
            failed_logins: user.failedLogins,
            locked_until: instantToDbNullable(user.lockedUntil),
            disabled_at: instantToDbNullable(user.disabledAt),
            last_login_at: instantToDbNullable(user.lastLoginAt),
            created_at: instantToDb(user.createdAt),
            updated_at: instantToDb(user.updatedAt),
          })
          .execute();
      } catch (error) {
        conflict(error, email);
      }
    },

    getUserById: (id) => getBy('id', id),

    getUserByEmail: (email) => getBy('email', emailKey(email)),

    async listUsers() {
      const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
      return rows.map(fromRow);
    },

    async updateUser(id, changes) {
      const set: Updateable<UsersTable> = { updated_at: instantToDb(changes.updatedAt) };
      if (changes.email !== undefined) set.email = emailKey(changes.email);
      if (changes.displayName !== undefined) set.display_name = changes.displayName;
      if (changes.role !== undefined) set.role = changes.role;
      if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
      if (changes.totpSecret !== undefined) set.totp_secret = changes.totpSecret;
      if (changes.mfaEnabled !== undefined) set.mfa_enabled = booleanToDb(dialect, changes.mfaEnabled);
      if (changes.totpLastStep !== undefined) set.totp_last_step = changes.totpLastStep;
      if (changes.recoveryCodes !== undefined) set.recovery_codes = jsonToDb(changes.recoveryCodes);
      if (changes.failedLogins !== undefined) set.failed_logins = changes.failedLogins;
      if (changes.lockedUntil !== undefined) set.locked_until = instantToDbNullable(changes.lockedUntil);
      if (changes.disabledAt !== undefined) set.disabled_at = instantToDbNullable(changes.disabledAt);
      if (changes.lastLoginAt !== undefined) set.last_login_at = instantToDbNullable(changes.lastLoginAt);
      try {
        const result = await db.updateTable('users').set(set).where('id', '=', id).executeTakeFirst();
        if (result.numUpdatedRows === 0n) return undefined;
      } catch (error) {
        conflict(error, set.email as string | undefined);
      }
      return getBy('id', id);
    },

    async recordFailedLogin(id, failure) {
      // One statement, so concurrent failures cannot overwrite each other's count; the right-hand
      // sides read the row's values from before the update on both engines.
      const lockedUntil =
        dialect === 'postgres'
          ? sql<string>`cast(${instantToDb(failure.lockedUntil)} as timestamptz)`
          : sql<string>`${instantToDb(failure.lockedUntil)}`;
      await db
        .updateTable('users')
        .set((eb) => ({
          failed_logins: eb('failed_logins', '+', 1),
          locked_until: sql<
            string | null
          >`case when ${eb.ref('failed_logins')} + 1 >= ${failure.maxFailures} then ${lockedUntil} else ${eb.ref('locked_until')} end`,
          updated_at: instantToDb(failure.at),
        }))
        .where('id', '=', id)
        .execute();
      return getBy('id', id);
    },

    async claimTotpStep(id, step, at) {
      const result = await db
        .updateTable('users')
        .set({ totp_last_step: step, updated_at: instantToDb(at) })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async consumeRecoveryCode(id, codeHash, at) {
      // Compare-and-set on the whole list: of two requests spending the same code, one wins.
      for (;;) {
        const row = await db
          .selectFrom('users')
          .select('recovery_codes')
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) return false;
        const codes = jsonFromDb<string[]>(dialect, row.recovery_codes);
        const index = codes.indexOf(codeHash);
        if (index < 0) return false;
        const remaining = codes.filter((_, i) => i !== index);
        const before = jsonToDb(codes);
        const result = await db
          .updateTable('users')
          .set({ recovery_codes: jsonToDb(remaining), updated_at: instantToDb(at) })
          .where('id', '=', id)
          .where(
            'recovery_codes',
            '=',
            dialect === 'postgres' ? sql<string>`cast(${before} as jsonb)` : before,
          )
          .executeTakeFirst();
        if (result.numUpdatedRows > 0n) return true;
      }
    },
  };
}
