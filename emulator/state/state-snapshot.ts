// Saving a data set to a JSON file and loading it back (control plane save/load): all records,
// attachment bytes (base64), webhooks, the id generator's position and the clock, so a loaded
// emulator continues exactly where the saved one stopped.
import { readFile, writeFile } from 'node:fs/promises';
import { SeededRandom } from '../random/seeded-random.js';
import { EmulatorState, type AccountRecord } from './emulator-state.js';
import type {
  AttachmentRecord,
  CellRecord,
  FolderRecord,
  HistoryEntry,
  RowRecord,
  SheetRecord,
  UserRecord,
  WebhookRecord,
  WorkspaceRecord,
} from './state-types.js';

const FORMAT = 'ledgerline-emulator-state';
const FORMAT_VERSION = 1;

type StoredRow = Omit<RowRecord, 'cells'> & { cells: [number, CellRecord][] };
type StoredAttachment = Omit<AttachmentRecord, 'content'> & { content?: string };
type StoredSheet = Omit<SheetRecord, 'rows' | 'rowsById' | 'autoNumberNext' | 'attachments' | 'history'> & {
  rows: StoredRow[];
  autoNumberNext: [number, number][];
  attachments: StoredAttachment[];
  history: [string, HistoryEntry[]][];
};

interface StoredState {
  format: typeof FORMAT;
  formatVersion: number;
  clockNow: number;
  startedAt: number;
  random: [number, number, number, number];
  account: AccountRecord;
  users: UserRecord[];
  sheets: StoredSheet[];
  workspaces: WorkspaceRecord[];
  folders: FolderRecord[];
  webhooks: WebhookRecord[];
}

function storeSheet(sheet: SheetRecord): StoredSheet {
  const { rowsById: _rowsById, ...rest } = sheet;
  return {
    ...rest,
    rows: sheet.rows.map((row) => ({ ...row, cells: [...row.cells.entries()] })),
    autoNumberNext: [...sheet.autoNumberNext.entries()],
    attachments: sheet.attachments.map(({ content, ...attachment }) => ({
      ...attachment,
      ...(content ? { content: content.toString('base64') } : {}),
    })),
    history: [...sheet.history.entries()],
  };
}

function restoreSheet(stored: StoredSheet): SheetRecord {
  const rows: RowRecord[] = stored.rows.map((row) => ({ ...row, cells: new Map(row.cells) }));
  return {
    ...stored,
    rows,
    rowsById: new Map(rows.map((row) => [row.id, row])),
    autoNumberNext: new Map(stored.autoNumberNext),
    attachments: stored.attachments.map(({ content, ...attachment }) => ({
      ...attachment,
      ...(content !== undefined ? { content: Buffer.from(content, 'base64') } : {}),
    })),
    history: new Map(stored.history),
  };
}

export async function saveState(state: EmulatorState, clockNow: number, path: string): Promise<void> {
  const stored: StoredState = {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    clockNow,
    startedAt: state.startedAt,
    random: state.random.snapshot(),
    account: state.account,
    users: state.users,
    sheets: [...state.sheets.values()].map(storeSheet),
    workspaces: [...state.workspaces.values()],
    folders: [...state.folders.values()],
    webhooks: [...state.webhooks.values()],
  };
  await writeFile(path, JSON.stringify(stored), 'utf8');
}

export async function loadState(path: string): Promise<{ state: EmulatorState; clockNow: number }> {
  const stored = JSON.parse(await readFile(path, 'utf8')) as Partial<StoredState>;
  if (stored.format !== FORMAT || stored.formatVersion !== FORMAT_VERSION) {
    throw new Error(`${path} is not a saved emulator state (format ${FORMAT} v${FORMAT_VERSION})`);
  }
  const full = stored as StoredState;
  const random = new SeededRandom(0);
  random.restore(full.random);
  const state = new EmulatorState(full.users, random, full.startedAt);
  state.account = full.account;
  state.claimId(full.account.id);
  for (const stored of full.sheets) {
    const sheet = restoreSheet(stored);
    state.sheets.set(sheet.id, sheet);
    state.claimId(sheet.id);
    for (const column of sheet.columns) state.claimId(column.id);
    for (const row of sheet.rows) state.claimId(row.id);
    for (const attachment of sheet.attachments) state.claimId(attachment.id);
  }
  for (const workspace of full.workspaces) {
    state.workspaces.set(workspace.id, workspace);
    state.claimId(workspace.id);
  }
  for (const folder of full.folders) {
    state.folders.set(folder.id, folder);
    state.claimId(folder.id);
  }
  for (const webhook of full.webhooks) {
    state.webhooks.set(webhook.id, webhook);
    state.claimId(webhook.id);
  }
  return { state, clockNow: full.clockNow };
}
