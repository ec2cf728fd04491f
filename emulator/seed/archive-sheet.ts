// Last year's sheet of the first crew, kept in the region folder as crews do: same vocabulary, old rows.
// Its name contains "Archive" so discovery's name filter skips it; nothing in it should be audited.
import { generateUnits, sheetCrew } from './billing-units.js';
import type { IdAllocator } from './id-allocator.js';
import type { SeedWeek } from './seed-calendar.js';
import type { SeedCompatibleUnit, SeedSheet } from './seed-data.js';
import type { SeedPeople } from './seed-people.js';
import type { SeedSize } from './seed-presets.js';
import type { SeededRandom } from './seeded-random.js';
import { buildSourceLayout } from './source-columns.js';
import { renderSourceRows, sheetTimes } from './source-rows.js';
import type { WorkRequest } from './work-requests.js';
import { generateWorkRequests, indexWorkRequests } from './work-requests.js';
import { archiveSheetShares } from './workspace-layout.js';

export interface ArchiveInput {
  people: SeedPeople;
  size: SeedSize;
  nowMs: number;
  /** Closed weeks about a year back. */
  weeks: readonly SeedWeek[];
  /** Work Requests of the live sheets: the archive never reuses their numbers. */
  liveWorkRequests: readonly WorkRequest[];
  catalogue: readonly SeedCompatibleUnit[];
}

export function buildArchiveSheet(
  input: ArchiveInput,
  random: SeededRandom,
  ids: IdAllocator,
): Omit<SeedSheet, 'id' | 'name' | 'role' | 'workspaceId' | 'folderId'> {
  const { people, size, weeks } = input;
  const layout = buildSourceLayout(0, random.fork('columns'), ids);
  const workRequests = generateWorkRequests(
    random.fork('work-requests'),
    Math.max(2, Math.ceil(size.workRequests / 20)),
    1,
    weeks.length,
    new Set(input.liveWorkRequests.map((wr) => wr.number)),
  );
  const units = generateUnits(
    {
      sheet: 0,
      rows: Math.max(10, Math.round(size.rowsPerSheet / 5)),
      weeks,
      workRequestsByWeek: indexWorkRequests(workRequests, 1, weeks.length)[0] ?? [],
      crew: sheetCrew(layout, people.foremen.slice(0, 3), people.clerks),
      catalogue: input.catalogue,
      nowMs: input.nowMs,
      unitKeys: new Set(),
    },
    random.fork('units'),
  );
  const rows = renderSourceRows(units, layout, weeks, ids, new Map());
  return {
    ownerEmail: people.admin.email,
    columns: layout.columns,
    rows,
    shares: archiveSheetShares(people),
    ...sheetTimes(rows, weeks, input.nowMs),
  };
}
