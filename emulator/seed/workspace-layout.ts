// Where the sheets live and who may open them. Crew sheets sit in a "Field Billing" workspace with a
// folder per region (one with a nested Underground folder) and one sheet at the workspace root; an old
// "… Archive" sheet sits among them for discovery to skip by name. The target and audit sheets live in a
// separate "Billing Office" workspace so that walking the crews' workspace never meets them.
import type { IdAllocator } from './id-allocator.js';
import type { SeedFolder, SeedShare, SeedUser, SeedWorkspace } from './seed-data.js';
import type { SeedPeople } from './seed-people.js';

export interface SheetPlacement {
  name: string;
  workspaceId?: number;
  folderId?: number;
}

export interface WorkspaceLayout {
  workspaces: SeedWorkspace[];
  folders: SeedFolder[];
  sources: SheetPlacement[];
  archive: SheetPlacement;
  target: SheetPlacement;
  audit: SheetPlacement;
}

const REGIONS = ['North', 'South', 'West', 'East', 'Central'];

const share = (user: SeedUser, accessLevel: SeedShare['accessLevel']): SeedShare => ({
  email: user.email,
  accessLevel,
});

/** Lay out workspaces and folders for `sourceCount` crew sheets; `archiveYear` names the archive. */
export function buildWorkspaceLayout(
  sourceCount: number,
  people: SeedPeople,
  ids: IdAllocator,
  archiveYear: number,
): WorkspaceLayout {
  const field: SeedWorkspace = {
    id: ids.next(),
    name: 'Field Billing',
    ownerEmail: people.admin.email,
    shares: [
      share(people.admin, 'OWNER'),
      share(people.billingManager, 'ADMIN'),
      share(people.ledgerline, 'ADMIN'),
      ...people.clerks.map((clerk) => share(clerk, 'EDITOR')),
    ],
  };
  const office: SeedWorkspace = {
    id: ids.next(),
    name: 'Billing Office',
    ownerEmail: people.billingManager.email,
    shares: [
      share(people.billingManager, 'OWNER'),
      share(people.admin, 'ADMIN'),
      share(people.ledgerline, 'EDITOR'),
      ...people.clerks.map((clerk) => share(clerk, 'EDITOR')),
    ],
  };

  const regionCount = Math.max(1, Math.min(REGIONS.length, Math.ceil((sourceCount - 1) / 3)));
  const folders: SeedFolder[] = [];
  const containers: { folderId: number; label: string }[] = [];
  REGIONS.slice(0, regionCount).forEach((region, index) => {
    const folder: SeedFolder = { id: ids.next(), name: `${region} Region`, workspaceId: field.id };
    folders.push(folder);
    containers.push({ folderId: folder.id, label: region });
    // Large seeds nest an Underground folder in every region; small ones only in the first.
    if (index === 0 || sourceCount > 12) {
      const nested: SeedFolder = { id: ids.next(), name: 'Underground Crews', parentFolderId: folder.id };
      folders.push(nested);
      containers.push({ folderId: nested.id, label: `${region} UG` });
    }
  });

  const sources: SheetPlacement[] = [];
  for (let index = 0; index < sourceCount; index += 1) {
    const crewNumber = 10 + index;
    if (index === 0) {
      sources.push({ name: `Storm Crew ${crewNumber} Billing`, workspaceId: field.id });
      continue;
    }
    const container = containers[(index - 1) % containers.length];
    if (!container) throw new Error('workspace layout has no folders');
    sources.push({ name: `${container.label} Crew ${crewNumber} Billing`, folderId: container.folderId });
  }

  const firstRegion = containers[0];
  return {
    workspaces: [field, office],
    folders,
    sources,
    archive: {
      name: `${REGIONS[0]} Region Billing Archive ${archiveYear}`,
      ...(firstRegion ? { folderId: firstRegion.folderId } : { workspaceId: field.id }),
    },
    target: { name: 'Work Request Register', workspaceId: office.id },
    audit: { name: 'Billing Change Audit', workspaceId: office.id },
  };
}

/**
 * Shares of a crew sheet: the admin owns it, the billing office and Ledgerline administer it, the crew,
 * the clerks and a few others edit it. The automation identity edits too, as workflow automations run
 * with the sheet's rights.
 */
export function sourceSheetShares(people: SeedPeople, crew: readonly SeedUser[]): SeedShare[] {
  const editors = [...people.clerks, ...crew, ...people.outsiders, people.formerClerk, people.automation].map(
    (user) => share(user, 'EDITOR'),
  );
  return [
    share(people.admin, 'OWNER'),
    share(people.billingManager, 'ADMIN'),
    share(people.ledgerline, 'ADMIN'),
    ...editors,
  ];
}

export function archiveSheetShares(people: SeedPeople): SeedShare[] {
  return [
    share(people.admin, 'OWNER'),
    share(people.billingManager, 'ADMIN'),
    share(people.ledgerline, 'ADMIN'),
    ...people.clerks.map((clerk) => share(clerk, 'VIEWER')),
  ];
}

export function officeSheetShares(people: SeedPeople, clerkAccess: SeedShare['accessLevel']): SeedShare[] {
  return [
    share(people.billingManager, 'OWNER'),
    share(people.admin, 'ADMIN'),
    share(people.ledgerline, 'EDITOR'),
    ...people.clerks.map((clerk) => share(clerk, clerkAccess)),
  ];
}
