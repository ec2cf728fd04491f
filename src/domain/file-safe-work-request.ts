/** Longest Work Request a file name carries (billing-domain.md §2.1). */
export const MAX_FILE_SAFE_LENGTH = 50;

/**
 * A Work Request made safe for file paths (billing-domain.md §2.1): every run of characters
 * outside `[A-Za-z0-9_-]` becomes one `-` (not `_`, which file names must escape), leading and
 * trailing `-` and `_` are dropped (so the result is a valid report-identity part), and it is cut
 * to 50 characters. Undefined when nothing is left. `89708709` is unchanged; `WR 12/3` becomes
 * `WR-12-3`. Distinct inputs can meet (`WR 12`, `WR/12`): see assignFileSafeWorkRequests.
 */
export function sanitiseWorkRequest(workRequest: string): string | undefined {
  const safe = workRequest
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, MAX_FILE_SAFE_LENGTH)
    .replace(/[-_]+$/, '');
  return safe === '' ? undefined : safe;
}

/** The file-safe form of each Work Request, and the ones that cannot have one. */
export interface FileSafeWorkRequests {
  /** Original Work Request → its file-safe form, for every Work Request that may be published. */
  readonly safe: ReadonlyMap<string, string>;
  /** File-safe form → the two or more originals that share it; all of them are quarantined. */
  readonly collisions: ReadonlyMap<string, readonly string[]>;
  /** Work Requests with no file-safe character at all; quarantined. */
  readonly unsafe: readonly string[];
}

/**
 * Sanitises a set of Work Requests and finds the ones that collide (billing-domain.md §2.1):
 * when two different Work Requests sanitise to the same value, neither may be published, since
 * one report would overwrite or delete the other's.
 */
export function assignFileSafeWorkRequests(workRequests: Iterable<string>): FileSafeWorkRequests {
  const originalsBySafe = new Map<string, Set<string>>();
  const unsafe = new Set<string>();
  for (const workRequest of workRequests) {
    const safe = sanitiseWorkRequest(workRequest);
    if (safe === undefined) {
      unsafe.add(workRequest);
      continue;
    }
    const originals = originalsBySafe.get(safe) ?? new Set<string>();
    originals.add(workRequest);
    originalsBySafe.set(safe, originals);
  }
  const safe = new Map<string, string>();
  const collisions = new Map<string, readonly string[]>();
  for (const [safeForm, originals] of originalsBySafe) {
    if (originals.size > 1) collisions.set(safeForm, [...originals].sort());
    else for (const original of originals) safe.set(original, safeForm);
  }
  return { safe, collisions, unsafe: [...unsafe].sort() };
}
