// Builds a whole seeded organisation from a name: people and tokens, workspaces and folders, crew sheets
// full of billing rows (with realistic noise), an archive to skip, the Work Request register and the audit
// sheet. The same name always gives byte-identical JSON: every draw comes from a PRNG seeded by the name,
// and the clock is derived from it too.
import { buildArchiveSheet } from './archive-sheet.js';
import type { BillingUnit, SheetCrew } from './billing-units.js';
import { generateUnits, sheetCrew } from './billing-units.js';
import { generateCatalogue } from './compatible-units.js';
import { IdAllocator } from './id-allocator.js';
import { buildAuditSheet, buildTargetSheet } from './office-sheets.js';
import { buildSeedWeeks } from './seed-calendar.js';
import type { SeedData, SeedNoise, SeedSheet, SeedUser } from './seed-data.js';
import { plantNoise } from './seed-noise.js';
import { generatePeople } from './seed-people.js';
import type { GenerateSeedOptions, SeedSize } from './seed-presets.js';
import { resolveSeedNow, resolveSeedSize } from './seed-presets.js';
import { SeededRandom } from './seeded-random.js';
import type { SourceLayout } from './source-columns.js';
import { buildSourceLayout } from './source-columns.js';
import { renderSourceRows, sheetTimes } from './source-rows.js';
import { generateWorkRequests, indexWorkRequests } from './work-requests.js';
import { buildWorkspaceLayout, officeSheetShares, sourceSheetShares } from './workspace-layout.js';
import { toSmartsheetTimestamp } from './zoned-time.js';

export type { GenerateSeedOptions } from './seed-presets.js';

/**
 * Generate the seed called `name`. Preset names (`demo`, `small`, `tiny`) pick their size; any other
 * name gets the `demo` size unless `options.preset` or explicit counts say otherwise.
 */
export function generateSeed(name: string, options: GenerateSeedOptions = {}): SeedData {
  const size = resolveSeedSize(name, options);
  const nowMs = resolveSeedNow(name, options);
  const root = new SeededRandom(`ledgerline-seed:${name}`);
  const ids = new IdAllocator(root.fork('ids'));

  const people = generatePeople(root.fork('people'), ids, size.foremen);
  const catalogue = generateCatalogue(root.fork('catalogue'), size.catalogueSize);
  const weeks = buildSeedWeeks(nowMs, size.weeks);
  const archiveWeeks = buildSeedWeeks(nowMs, Math.min(size.weeks, 8), 52);
  const archiveYear = Number((archiveWeeks[archiveWeeks.length - 1]?.weekEnding ?? '2025').slice(0, 4));
  const placement = buildWorkspaceLayout(size.sourceSheets, people, ids, archiveYear);

  const layoutRandom = root.fork('columns');
  const layouts = placement.sources.map((_, index) => buildSourceLayout(index, layoutRandom, ids));
  const crewMembers = assignCrews(people.foremen, size.sourceSheets);
  const crews = layouts.map((layout, index) => sheetCrew(layout, crewMembers[index] ?? [], people.clerks));

  const workRequests = generateWorkRequests(
    root.fork('work-requests'),
    size.workRequests,
    size.sourceSheets,
    weeks.length,
  );
  const byWeek = indexWorkRequests(workRequests, size.sourceSheets, weeks.length);
  const unitKeys = new Set<string>();
  const rowCounts = distributeRows(root.fork('row-counts'), size);
  const unitsBySheet = layouts.map((_, sheet) =>
    generateUnits(
      {
        sheet,
        rows: rowCounts[sheet] ?? 0,
        weeks,
        workRequestsByWeek: byWeek[sheet] ?? [],
        crew: crews[sheet] as SheetCrew,
        catalogue,
        nowMs,
        unitKeys,
      },
      root.fork(`units-${sheet}`),
    ),
  );
  const totalRows = rowCounts.reduce((sum, count) => sum + count, 0);
  const perKind = Math.max(1, Math.round(totalRows / 2500));
  plantNoise({ unitsBySheet, weeks, crews, nowMs, perKind }, root.fork('noise'));

  const rowIds = new Map<BillingUnit, number>();
  const sheetIds = placement.sources.map(() => ids.next());
  const sources = placement.sources.map((place, index): SeedSheet => {
    const layout = layouts[index] as SourceLayout;
    const rows = renderSourceRows(unitsBySheet[index] ?? [], layout, weeks, ids, rowIds);
    return {
      id: sheetIds[index] as number,
      ...place,
      role: 'source',
      ownerEmail: people.admin.email,
      columns: layout.columns,
      rows,
      shares: sourceSheetShares(people, crewMembers[index] ?? []),
      ...sheetTimes(rows, weeks, nowMs),
    };
  });

  const archive = buildArchiveSheet(
    { people, size, nowMs, weeks: archiveWeeks, liveWorkRequests: workRequests, catalogue },
    root.fork('archive'),
    ids,
  );
  const target = buildTargetSheet(workRequests, weeks, people.clerks, ids, root.fork('target'));
  const audit = buildAuditSheet(ids);
  const officeTimes = sheetTimes(target.rows, weeks, nowMs);

  return {
    seed: name,
    now: toSmartsheetTimestamp(nowMs),
    users: people.users,
    workspaces: placement.workspaces,
    folders: placement.folders,
    sheets: [
      ...sources,
      { id: ids.next(), ...placement.archive, role: 'other', ...archive },
      {
        id: ids.next(),
        ...placement.target,
        role: 'target',
        ownerEmail: people.billingManager.email,
        ...target,
        shares: officeSheetShares(people, 'EDITOR'),
        ...officeTimes,
      },
      {
        id: ids.next(),
        ...placement.audit,
        role: 'audit',
        ownerEmail: people.billingManager.email,
        ...audit,
        shares: officeSheetShares(people, 'VIEWER'),
        ...officeTimes,
      },
    ],
    catalogue,
    authorizedEditors: Object.fromEntries(
      sources.map((sheet, index) => [
        String(sheet.id),
        [people.billingManager, ...people.clerks, ...(crewMembers[index] ?? [])].map((user) => user.email),
      ]),
    ),
    billingCorrectors: [people.billingManager.email],
    ledgerlineUserEmail: people.ledgerline.email,
    noise: noiseRecords(unitsBySheet, sheetIds, rowIds),
  };
}

/** Foremen per sheet: a share of the pool each, at least two per crew (reusing foremen when few). */
function assignCrews(foremen: readonly SeedUser[], sheetCount: number): SeedUser[][] {
  return Array.from({ length: sheetCount }, (_, sheet) => {
    const crew = foremen.filter((_, index) => index % sheetCount === sheet);
    for (let extra = 0; crew.length < 2 && extra < foremen.length; extra += 1) {
      const candidate = foremen[(sheet * 2 + extra) % foremen.length];
      if (candidate && !crew.includes(candidate)) crew.push(candidate);
    }
    return crew;
  });
}

/** Rows per sheet: ±20 % around the average, summing exactly to sheets × rowsPerSheet. */
function distributeRows(random: SeededRandom, size: SeedSize): number[] {
  const total = size.sourceSheets * size.rowsPerSheet;
  const weights = Array.from({ length: size.sourceSheets }, () => 0.8 + random.next() * 0.4);
  const sum = weights.reduce((acc, weight) => acc + weight, 0);
  const counts = weights.map((weight) => Math.floor((total * weight) / sum));
  counts[0] = (counts[0] ?? 0) + total - counts.reduce((acc, count) => acc + count, 0);
  return counts;
}

function noiseRecords(
  unitsBySheet: readonly (readonly BillingUnit[])[],
  sheetIds: readonly number[],
  rowIds: ReadonlyMap<BillingUnit, number>,
): SeedNoise[] {
  const records: SeedNoise[] = [];
  unitsBySheet.forEach((units, sheet) => {
    for (const unit of units) {
      const rowId = rowIds.get(unit);
      if (!unit.noise || rowId === undefined) continue;
      const record: SeedNoise = { kind: unit.noise, sheetId: sheetIds[sheet] as number, rowId };
      const related = unit.duplicateOf ? rowIds.get(unit.duplicateOf) : undefined;
      if (related !== undefined) record.relatedRowId = related;
      records.push(record);
    }
  });
  return records;
}
