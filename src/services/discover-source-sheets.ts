// Discovery (billing-domain.md §1.1): the configured sheet ids plus every sheet found by walking
// the configured workspaces and folders, minus names matching an exclusion word. A sheet that was a
// source before and is no longer reachable is a loud finding, never a silent drop of billing rows.
import type { BillingSheets, DiscoveredSheet } from '../ports/billing-sheets.js';

export interface DiscoveryOptions {
  sheetIds: readonly number[];
  folderIds: readonly number[];
  workspaceIds: readonly number[];
  /** Case-insensitive words; a walked sheet whose name contains one is skipped (e.g. `Archive`). */
  nameExclude: readonly string[];
}

export interface KnownSourceSheet {
  id: number;
  name: string;
}

export type DiscoveryFindingKind = 'vanished' | 'excluded';

export interface DiscoveryFinding {
  kind: DiscoveryFindingKind;
  sheetId: number;
  sheetName: string;
  message: string;
  /** Loud findings fail the run (configurable); the rest are informational. */
  loud: boolean;
}

export interface DiscoveryResult {
  sheets: DiscoveredSheet[];
  findings: DiscoveryFinding[];
}

/**
 * Find the source sheets of this run.
 * @param known sheets that were sources in earlier runs, so a disappearance can be reported.
 */
export async function discoverSourceSheets(
  source: BillingSheets,
  options: DiscoveryOptions,
  known: readonly KnownSourceSheet[],
): Promise<DiscoveryResult> {
  const found = new Map<number, DiscoveredSheet>();
  const findings: DiscoveryFinding[] = [];
  const excluded = (name: string) =>
    options.nameExclude.find((word) => word && name.toLowerCase().includes(word.toLowerCase()));

  const containers = [
    ...options.workspaceIds.map((id) => ({ kind: 'workspace' as const, id })),
    ...options.folderIds.map((id) => ({ kind: 'folder' as const, id })),
  ];
  for (const container of containers) {
    for (const sheet of await source.sheetsUnder(container)) {
      const word = excluded(sheet.name);
      if (word) {
        findings.push({
          kind: 'excluded',
          sheetId: sheet.id,
          sheetName: sheet.name,
          message: `Skipped '${sheet.name}' (${sheet.location}): its name contains '${word}'`,
          loud: false,
        });
        continue;
      }
      found.set(sheet.id, sheet);
    }
  }

  // Explicitly configured ids are always read (exclusion words apply to walked sheets only); the
  // sync's own read tells whether they still exist.
  const knownById = new Map(known.map((k) => [k.id, k]));
  for (const id of options.sheetIds) {
    if (!found.has(id))
      found.set(id, { id, name: knownById.get(id)?.name ?? `sheet ${id}`, location: 'configured id' });
  }

  for (const sheet of known) {
    if (found.has(sheet.id)) continue;
    findings.push({
      kind: 'vanished',
      sheetId: sheet.id,
      sheetName: sheet.name,
      message: `Source sheet '${sheet.name}' (${sheet.id}) was read before but is no longer found in the configured workspaces, folders or ids`,
      loud: true,
    });
  }
  return {
    sheets: [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id),
    findings,
  };
}
