/**
 * Recognises a unique-constraint violation from either driver: better-sqlite3 raises SqliteError
 * with code SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY, node-postgres a DatabaseError with SQLSTATE 23505.
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const { code } = error;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
