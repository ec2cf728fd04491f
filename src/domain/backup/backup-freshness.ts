// The backup alarm of issue #9: billing evidence is only safe while some verified backup is young
// enough. 26 hours = a daily schedule plus two hours of slack for a slow run.

export const DEFAULT_BACKUP_MAX_AGE_HOURS = 26;

/** The latest verified backup as the check needs it. */
export interface VerifiedBackupFact {
  readonly id: string;
  readonly finishedAt: string;
}

export type BackupFreshness =
  | { readonly fresh: true; readonly latest: VerifiedBackupFact; readonly ageHours: number }
  | {
      readonly fresh: false;
      readonly latest: VerifiedBackupFact | undefined;
      readonly ageHours: number | null;
      readonly message: string;
      /** The same stale episode keeps one key, so it alerts once; a new verified backup ends it. */
      readonly dedupeKey: string;
    };

/** Whether a verified backup younger than `maxAgeHours` exists at `now`. */
export function backupFreshness(
  latest: VerifiedBackupFact | undefined,
  now: Date,
  maxAgeHours: number,
): BackupFreshness {
  if (!latest) {
    return {
      fresh: false,
      latest,
      ageHours: null,
      message: 'No verified backup exists: billing evidence would not survive a lost disk.',
      dedupeKey: 'backup-stale:none',
    };
  }
  const ageHours = (now.getTime() - Date.parse(latest.finishedAt)) / 3_600_000;
  if (ageHours < maxAgeHours) return { fresh: true, latest, ageHours };
  return {
    fresh: false,
    latest,
    ageHours,
    message: `The newest verified backup (${latest.id}) is ${Math.floor(ageHours)} hours old; none is younger than ${maxAgeHours} hours.`,
    dedupeKey: `backup-stale:${latest.id}`,
  };
}
