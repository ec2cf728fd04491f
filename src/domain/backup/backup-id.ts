// Backup ids name a backup everywhere: its folder, its row in the backups table, the CLI argument.
// They sort by time (so `ls` lists them in order) and carry a random suffix the caller supplies,
// because the domain takes no randomness of its own.

const BACKUP_ID = /^backup-\d{8}T\d{6}Z-[0-9a-f]{6}$/;

/** `backup-20250818T020000Z-3f9a1c` for a backup started at `startedAt`. */
export function backupIdFor(startedAt: Date, suffix: string): string {
  if (!/^[0-9a-f]{6}$/.test(suffix))
    throw new RangeError(`backup id suffix must be 6 hex digits, got ${suffix}`);
  const stamp = startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  return `backup-${stamp}-${suffix}`;
}

/** True for a well-formed backup id; anything else never reaches the file system as a folder name. */
export function isBackupId(text: string): boolean {
  return BACKUP_ID.test(text);
}
