// /sheets/{sheetId}/shares: who a sheet is shared with (shape of the official "Serialization -
// Share" mock). Changing shares can take a webhook owner's access away or give it back, so every
// change re-checks the sheet's webhooks.
import type { AccessLevel } from '../seed/seed-data.js';
import { atLeast, workspaceOfSheet } from '../access/access-levels.js';
import { apiErrors } from '../errors/api-error.js';
import type { ApiRequest, ApiResult, ApiRouteSpec } from '../http/api-request.js';
import { successResult } from '../http/result-envelope.js';
import { paginate, readOffsetPage } from '../paging/offset-paging.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import { sheetFor } from '../sheets/sheet-access.js';
import type { ShareRecord, SheetRecord } from '../state/state-types.js';
import { reviewScopeAccess } from '../webhooks/scope-access.js';
import { shareIdFor } from './share-id.js';

const GRANTABLE: readonly AccessLevel[] = ['VIEWER', 'COMMENTER', 'EDITOR', 'EDITOR_SHARE', 'ADMIN'];

function renderShare(
  rt: EmulatorRuntime,
  share: ShareRecord,
  scope: 'ITEM' | 'WORKSPACE',
): Record<string, unknown> {
  const user = rt.state.userByEmail(share.email);
  return {
    id: share.id,
    type: 'USER',
    ...(user ? { userId: user.id } : {}),
    email: share.email,
    ...(user ? { name: rt.state.displayName(share.email) } : {}),
    accessLevel: share.accessLevel,
    scope,
  };
}

function ownerShare(sheet: SheetRecord): ShareRecord {
  return { id: shareIdFor(sheet.id, sheet.ownerEmail), email: sheet.ownerEmail, accessLevel: 'OWNER' };
}

function listShares(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet } = sheetFor(req, rt);
  const items: { share: ShareRecord; scope: 'ITEM' | 'WORKSPACE' }[] = [
    { share: ownerShare(sheet), scope: 'ITEM' },
    ...sheet.shares.map((share) => ({ share, scope: 'ITEM' as const })),
  ];
  if (req.query.flags('include').has('workspaceShares')) {
    const workspace = workspaceOfSheet(rt.state, sheet);
    for (const share of workspace?.shares ?? []) items.push({ share, scope: 'WORKSPACE' });
  }
  return {
    body: paginate(items, readOffsetPage(req.query), ({ share, scope }) => renderShare(rt, share, scope)),
  };
}

function grantedLevel(value: unknown, grantor: AccessLevel): AccessLevel {
  if (typeof value !== 'string' || !(GRANTABLE as readonly string[]).includes(value)) {
    throw apiErrors.invalidValue(JSON.stringify(value), 'accessLevel');
  }
  const level = value as AccessLevel;
  // Nobody hands out more than they hold; owners may grant ADMIN.
  if (!atLeast(grantor, level)) throw apiErrors.notAuthorized();
  return level;
}

async function shareSheet(req: ApiRequest, rt: EmulatorRuntime): Promise<ApiResult> {
  const { sheet, level } = sheetFor(req, rt, 'EDITOR_SHARE');
  const body = await req.jsonBody();
  const isArray = Array.isArray(body);
  const inputs = (isArray ? body : [body]) as unknown[];
  const results: ShareRecord[] = [];
  for (const input of inputs) {
    if (typeof input !== 'object' || input === null)
      throw apiErrors.unparsable('each share must be a JSON object.');
    const fields = input as Record<string, unknown>;
    if (typeof fields['email'] !== 'string' || fields['email'] === '')
      throw apiErrors.missingAttribute('email');
    const accessLevel = grantedLevel(fields['accessLevel'], level);
    const email = fields['email'];
    let share = sheet.shares.find((s) => s.email.toLowerCase() === email.toLowerCase());
    if (share) share.accessLevel = accessLevel;
    else {
      share = { id: shareIdFor(sheet.id, email), email, accessLevel };
      sheet.shares.push(share);
    }
    results.push(share);
  }
  reviewScopeAccess(rt, sheet.id);
  const rendered = results.map((share) => renderShare(rt, share, 'ITEM'));
  return { body: successResult(isArray ? rendered : rendered[0]) };
}

function findShare(req: ApiRequest, sheet: SheetRecord): ShareRecord {
  const shareId = req.params['shareId'] ?? '';
  const share = sheet.shares.find((s) => s.id === shareId);
  if (!share) throw apiErrors.notFound();
  return share;
}

function getShare(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet } = sheetFor(req, rt);
  const shareId = req.params['shareId'] ?? '';
  const owner = ownerShare(sheet);
  return { body: renderShare(rt, owner.id === shareId ? owner : findShare(req, sheet), 'ITEM') };
}

async function updateShare(req: ApiRequest, rt: EmulatorRuntime): Promise<ApiResult> {
  const { sheet, level } = sheetFor(req, rt, 'ADMIN');
  const share = findShare(req, sheet);
  const body = await req.jsonBody();
  const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  share.accessLevel = grantedLevel(fields['accessLevel'], level);
  reviewScopeAccess(rt, sheet.id);
  return { body: successResult(renderShare(rt, share, 'ITEM')) };
}

function deleteShare(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const { sheet } = sheetFor(req, rt, 'ADMIN');
  const share = findShare(req, sheet);
  sheet.shares = sheet.shares.filter((s) => s !== share);
  reviewScopeAccess(rt, sheet.id);
  return { body: successResult(undefined) };
}

export const shareRoutes: ApiRouteSpec[] = [
  { method: 'GET', pattern: '/sheets/{sheetId}/shares', run: listShares },
  { method: 'POST', pattern: '/sheets/{sheetId}/shares', run: shareSheet },
  { method: 'GET', pattern: '/sheets/{sheetId}/shares/{shareId}', run: getShare },
  { method: 'PUT', pattern: '/sheets/{sheetId}/shares/{shareId}', run: updateShare },
  { method: 'DELETE', pattern: '/sheets/{sheetId}/shares/{shareId}', run: deleteShare },
];
