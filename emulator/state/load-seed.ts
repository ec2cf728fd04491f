// SeedData (plain JSON from a seed generator) → live records. Everything derived from the seed is
// deterministic: the same SeedData and random seed give byte-identical responses.
import type { SeedData, SeedSheet } from '../seed/seed-data.js';
import { SeededRandom } from '../random/seeded-random.js';
import { firstAutoNumber, formatAutoNumber } from '../rows/auto-number.js';
import { shareIdFor } from '../shares/share-id.js';
import { EmulatorState } from './emulator-state.js';
import { historyKey } from './state-types.js';
import type { CellRecord, ColumnRecord, HistoryEntry, RowRecord, SheetRecord } from './state-types.js';

const DEFAULT_COLUMN_WIDTH = 150;

function toMs(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`Seed has an invalid timestamp for ${what}: ${iso}`);
  return ms;
}

function loadColumns(seed: SeedSheet): ColumnRecord[] {
  return seed.columns.map((column) => ({
    id: column.id,
    title: column.title,
    type: column.type,
    primary: column.primary === true,
    ...(column.systemColumnType ? { systemColumnType: column.systemColumnType } : {}),
    ...(column.options ? { options: [...column.options] } : {}),
    ...(column.autoNumberFormat ? { autoNumberFormat: { ...column.autoNumberFormat } } : {}),
    currency: column.currency === true,
    width: column.width ?? DEFAULT_COLUMN_WIDTH,
  }));
}

function loadSheet(state: EmulatorState, seed: SeedSheet): SheetRecord {
  const columns = loadColumns(seed);
  const columnById = new Map(columns.map((column) => [column.id, column]));
  const autoNumberColumns = columns.filter((column) => column.systemColumnType === 'AUTO_NUMBER');
  const autoNumberNext = new Map(
    autoNumberColumns.map((column) => [column.id, firstAutoNumber(column.autoNumberFormat)]),
  );
  const history = new Map<string, HistoryEntry[]>();
  const rows: RowRecord[] = [];

  for (const seedRow of seed.rows) {
    const createdAt = toMs(seedRow.createdAt, `row ${seedRow.id}`);
    const cells = new Map<number, CellRecord>();
    for (const seedCell of seedRow.cells) {
      const column = columnById.get(seedCell.columnId);
      if (!column) throw new Error(`Seed row ${seedRow.id} names unknown column ${seedCell.columnId}`);
      // Date and people system cells are derived from the row itself; only AUTO_NUMBER is stored.
      if (column.systemColumnType && column.systemColumnType !== 'AUTO_NUMBER') continue;
      const cell: CellRecord = {};
      if (seedCell.value !== undefined) cell.value = seedCell.value;
      if (seedCell.formula !== undefined) cell.formula = seedCell.formula;
      cells.set(column.id, cell);
      if (!column.systemColumnType && (cell.value !== undefined || cell.formula !== undefined)) {
        history.set(historyKey(seedRow.id, column.id), [
          { ...cell, modifiedAt: createdAt, modifiedBy: seedRow.createdBy },
        ]);
      }
    }
    for (const column of autoNumberColumns) {
      const next = autoNumberNext.get(column.id) ?? 1;
      if (!cells.has(column.id))
        cells.set(column.id, { value: formatAutoNumber(column.autoNumberFormat, next, createdAt) });
      autoNumberNext.set(column.id, next + 1);
    }
    rows.push({
      id: seedRow.id,
      expanded: true,
      locked: seedRow.locked === true,
      createdAt,
      modifiedAt: toMs(seedRow.modifiedAt, `row ${seedRow.id}`),
      createdBy: seedRow.createdBy,
      modifiedBy: seedRow.modifiedBy,
      cells,
    });
    state.claimId(seedRow.id);
  }
  for (const column of columns) state.claimId(column.id);
  state.claimId(seed.id);

  return {
    id: seed.id,
    name: seed.name,
    role: seed.role,
    ownerEmail: seed.ownerEmail,
    ...(seed.workspaceId !== undefined ? { workspaceId: seed.workspaceId } : {}),
    ...(seed.folderId !== undefined ? { folderId: seed.folderId } : {}),
    columns,
    rows,
    rowsById: new Map(rows.map((row) => [row.id, row])),
    shares: seed.shares.map((share) => ({ id: shareIdFor(seed.id, share.email), ...share })),
    createdAt: toMs(seed.createdAt, `sheet ${seed.id}`),
    modifiedAt: toMs(seed.modifiedAt, `sheet ${seed.id}`),
    // As if each seeded row had been one write: a plausible, deterministic starting version.
    version: rows.length + 1,
    autoNumberNext,
    attachments: [],
    history,
  };
}

/** Earliest creation and latest change of the sheets a container holds, else the seed's `now`. */
function spanOf(sheets: SheetRecord[], fallback: number): { createdAt: number; modifiedAt: number } {
  if (sheets.length === 0) return { createdAt: fallback, modifiedAt: fallback };
  return {
    createdAt: Math.min(...sheets.map((sheet) => sheet.createdAt)),
    modifiedAt: Math.max(...sheets.map((sheet) => sheet.modifiedAt)),
  };
}

export function loadSeed(seed: SeedData, randomSeed: number): EmulatorState {
  const now = toMs(seed.now, 'seed.now');
  const state = new EmulatorState(
    seed.users.map((user) => ({ ...user })),
    new SeededRandom(randomSeed),
    now,
  );
  for (const seedSheet of seed.sheets) state.sheets.set(seedSheet.id, loadSheet(state, seedSheet));
  const allSheets = [...state.sheets.values()];

  for (const folder of seed.folders) {
    state.claimId(folder.id);
    state.folders.set(folder.id, {
      id: folder.id,
      name: folder.name,
      ...(folder.workspaceId !== undefined ? { workspaceId: folder.workspaceId } : {}),
      ...(folder.parentFolderId !== undefined ? { parentFolderId: folder.parentFolderId } : {}),
      ...spanOf(
        allSheets.filter((sheet) => sheet.folderId === folder.id),
        now,
      ),
    });
  }
  for (const workspace of seed.workspaces) {
    state.claimId(workspace.id);
    const folderIds = new Set(seed.folders.filter((f) => f.workspaceId === workspace.id).map((f) => f.id));
    state.workspaces.set(workspace.id, {
      id: workspace.id,
      name: workspace.name,
      ownerEmail: workspace.ownerEmail,
      shares: workspace.shares.map((share) => ({ id: shareIdFor(workspace.id, share.email), ...share })),
      ...spanOf(
        allSheets.filter(
          (sheet) =>
            sheet.workspaceId === workspace.id ||
            (sheet.folderId !== undefined && folderIds.has(sheet.folderId)),
        ),
        now,
      ),
    });
  }
  const firstUser = seed.users[0];
  state.account = {
    id: state.newId(),
    name: firstUser ? (firstUser.email.split('@')[1] ?? firstUser.email) : 'emulator',
  };
  return state;
}
