// A signed-in user asks for a correction of a closed week's billing cell (issue #12): the field, the
// new value and a reason. The value is validated with the billing parsers, the cell's current value
// is read from Smartsheet so the request records what it would replace, and the request becomes a
// CORRECTION_REQUESTED audit event. Nothing is written to Smartsheet until someone else approves.
import { AppError, ErrorCode } from '../domain/app-error.js';
import { cellText } from '../domain/cell-value.js';
import { correctionRequestedEvent, type CorrectionActor } from '../domain/corrections/correction-events.js';
import { validateCorrection } from '../domain/corrections/correction-request.js';
import type { CorrectionRecord, CorrectionRequest } from '../domain/corrections/correction-state.js';
import type { AuditStore } from '../ports/audit-store.js';
import type { BillingSheets } from '../ports/billing-sheets.js';
import type { CorrectionStore } from '../ports/correction-store.js';
import type { SheetStore } from '../ports/sheet-store.js';

export interface RequestCorrectionDeps {
  readonly corrections: Pick<CorrectionStore, 'saveRequest'>;
  readonly audit: Pick<AuditStore, 'appendEvents' | 'getEvent'>;
  readonly sheets: Pick<SheetStore, 'getSheet'>;
  readonly source: Pick<BillingSheets, 'readSheet'>;
  readonly newId: () => string;
}

/** What the requester sends: a row (directly, or through the violation it came from) and the change. */
export interface CorrectionRequestInput {
  readonly sheetId?: number | undefined;
  readonly rowId?: number | undefined;
  /** The audit event (violation) the request is made from; gives the sheet and row when they are absent. */
  readonly eventId?: string | undefined;
  readonly field: string;
  readonly newValue: string;
  readonly reason: string;
}

function invalid(message: string): AppError {
  return new AppError(ErrorCode.INPUT_INVALID, message);
}

/** The sheet and row the request is about, from the input or the violation it names. */
async function placeOf(
  deps: RequestCorrectionDeps,
  input: CorrectionRequestInput,
): Promise<{ sheetId: number; rowId: number; eventId: string | null }> {
  if (input.eventId !== undefined) {
    const stored = await deps.audit.getEvent(input.eventId);
    if (!stored)
      throw new AppError(ErrorCode.NOT_FOUND, `No audit event has the id ${JSON.stringify(input.eventId)}.`);
    const { sheetId, rowId } = stored.event;
    if (sheetId === null || rowId === null)
      throw invalid('That event is not about a row; choose a row to correct.');
    return { sheetId, rowId, eventId: input.eventId };
  }
  if (input.sheetId === undefined || input.rowId === undefined)
    throw invalid('sheetId and rowId (or eventId) are required');
  return { sheetId: input.sheetId, rowId: input.rowId, eventId: null };
}

export async function requestCorrection(
  deps: RequestCorrectionDeps,
  input: CorrectionRequestInput,
  actor: CorrectionActor,
): Promise<CorrectionRecord> {
  const valid = validateCorrection(input);
  if (!valid.ok) throw invalid(valid.reason);
  const { field, newValue, reason } = valid.value;
  const { sheetId, rowId, eventId } = await placeOf(deps, input);

  const sheet = await deps.sheets.getSheet(sheetId);
  if (!sheet || sheet.role !== 'source')
    throw new AppError(ErrorCode.NOT_FOUND, `Sheet ${sheetId} is not a billing sheet Ledgerline watches.`);
  const columnId = sheet.columnMap[field];
  if (columnId === undefined) throw invalid(`Sheet "${sheet.name}" has no ${field} column.`);
  const read = await deps.source.readSheet(sheetId, { rowIds: [rowId] });
  const row = read?.rows.find((r) => r.rowId === rowId);
  if (!row)
    throw new AppError(ErrorCode.NOT_FOUND, `Row ${rowId} of sheet "${sheet.name}" no longer exists.`);
  const valueOf = (name: string) => {
    const id = sheet.columnMap[name];
    return id === undefined ? null : (cellText(row.cells.find((c) => c.columnId === id)?.value) ?? null);
  };

  const request: CorrectionRequest = {
    id: deps.newId(),
    requestedAt: actor.now.toISOString(),
    requestedBy: actor.email.trim().toLowerCase(),
    sheetId,
    rowId,
    field,
    newValue,
    reason,
    currentValue: valueOf(field),
    sheetName: sheet.name,
    workRequest: valueOf('workRequest'),
    weekEnding: valueOf('weekEnding'),
    eventId,
  };
  await deps.corrections.saveRequest(request);
  await deps.audit.appendEvents([correctionRequestedEvent(request, actor)]);
  return { request, steps: [] };
}
