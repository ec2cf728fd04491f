// Carries out a planned edit over HTTP with the editor's own token, turns the drafts into labels stamped
// with the row id and the emulator's time of the edit, and keeps the local view of the sheet in step.
import { toSmartsheetTimestamp } from '../seed/zoned-time.js';
import type { PlannedEdit } from './edit-plan.js';
import type { EmulatorApi } from './emulator-api.js';
import type { GroundTruthLabel } from './ground-truth-label.js';
import type { SheetSnapshot } from './sheet-snapshot.js';
import type { SimulationCast } from './simulation-cast.js';

/** Run `plan` at emulator time `clockMs`; returns its labels. */
export async function executeEdit(
  api: EmulatorApi,
  cast: SimulationCast,
  plan: PlannedEdit,
  clockMs: number,
  sheets: SheetSnapshot[],
): Promise<GroundTruthLabel[]> {
  const token = cast.tokenOf(plan.editor);
  if (!token) throw new Error(`no token for simulated editor ${plan.editor}`);
  const sheet = sheets.find((candidate) => candidate.id === plan.sheetId);
  let rowId: number;
  // The emulator's own stamp on the row is the truth; the clock we set is the fallback for deletes.
  let at = toSmartsheetTimestamp(clockMs);

  const { write } = plan;
  if (write.action === 'add') {
    const row = await api.addRow(token, plan.sheetId, write.cells);
    rowId = row.id;
    if (row.modifiedAt) at = row.modifiedAt;
    sheet?.rows.push({ id: row.id, values: new Map(write.cells.map((cell) => [cell.columnId, cell.value])) });
  } else if (write.action === 'update') {
    const row = await api.updateRow(token, plan.sheetId, write.rowId, write.cells);
    rowId = write.rowId;
    if (row.modifiedAt) at = row.modifiedAt;
    // Replace, never mutate, the row: planners remember facts per row object.
    if (sheet) {
      sheet.rows = sheet.rows.map((candidate) => {
        if (candidate.id !== write.rowId) return candidate;
        const values = new Map(candidate.values);
        for (const cell of write.cells) values.set(cell.columnId, cell.value);
        return { id: candidate.id, values };
      });
    }
  } else {
    await api.deleteRow(token, plan.sheetId, write.rowId);
    rowId = write.rowId;
    if (sheet) sheet.rows = sheet.rows.filter((candidate) => candidate.id !== write.rowId);
  }

  return plan.labels.map((label) => ({
    sheetId: plan.sheetId,
    rowId,
    ...label,
    editor: plan.editor,
    at,
    kind: plan.kind,
    planted: plan.planted,
  }));
}
