// /webhooks (smartsheet-api.md §6.1–§6.3, §6.9): create, list, get, update (enabling runs the
// synchronous verification handshake), delete and reset the shared secret. A caller only ever sees
// the webhooks it owns.
import { randomBytes } from 'node:crypto';
import { sheetAccessLevel } from '../access/access-levels.js';
import { apiErrors } from '../errors/api-error.js';
import type { ApiRequest, ApiResult, ApiRouteSpec } from '../http/api-request.js';
import { successResult } from '../http/result-envelope.js';
import { readOffsetPage } from '../paging/offset-paging.js';
import type { EmulatorRuntime } from '../runtime/emulator-runtime.js';
import type { WebhookRecord } from '../state/state-types.js';
import { renderWebhook } from './render-webhook.js';

/** 26 lowercase alphanumerics, the shape of the docs' example secrets. */
function newSharedSecret(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(26), (byte) => alphabet[byte % alphabet.length]).join('');
}

function asObject(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw apiErrors.unparsable('the request body must be a JSON object.');
  }
  return body as Record<string, unknown>;
}

function checkCallbackUrl(rt: EmulatorRuntime, value: unknown): string {
  if (typeof value !== 'string') throw apiErrors.missingAttribute('callbackUrl');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw apiErrors.invalidValue(value, 'callbackUrl');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw apiErrors.httpsRequired('callbackUrl');
  if (rt.webhookSettings.strictCallbackUrl && url.protocol !== 'https:')
    throw apiErrors.httpsRequired('callbackUrl');
  return value;
}

function checkEvents(value: unknown): string[] {
  if (!Array.isArray(value) || value.length !== 1 || value[0] !== '*.*') {
    throw apiErrors.invalidValue(JSON.stringify(value), 'events');
  }
  return ['*.*'];
}

function checkVersion(value: unknown): number {
  if (value !== 1) throw apiErrors.invalidValue(JSON.stringify(value), 'version');
  return 1;
}

async function createWebhook(req: ApiRequest, rt: EmulatorRuntime): Promise<ApiResult> {
  const body = asObject(await req.jsonBody());
  for (const field of ['name', 'callbackUrl', 'scope', 'scopeObjectId', 'events', 'version']) {
    if (body[field] === undefined || body[field] === null) throw apiErrors.missingAttribute(field);
  }
  if (typeof body['name'] !== 'string') throw apiErrors.invalidValue(JSON.stringify(body['name']), 'name');
  if (body['scope'] !== 'sheet') throw apiErrors.invalidValue(JSON.stringify(body['scope']), 'scope');
  const callbackUrl = checkCallbackUrl(rt, body['callbackUrl']);
  const events = checkEvents(body['events']);
  const version = checkVersion(body['version']);
  const scopeObjectId = body['scopeObjectId'];
  const sheet = typeof scopeObjectId === 'number' ? rt.state.sheets.get(scopeObjectId) : undefined;
  // A sheet the caller cannot see is reported as not found, so webhooks do not reveal sheet ids.
  if (!sheet || !sheetAccessLevel(rt.state, sheet, req.user))
    throw apiErrors.scopeNotFound('sheet', scopeObjectId);

  let subscope: WebhookRecord['subscope'];
  if (body['subscope'] !== undefined && body['subscope'] !== null) {
    const columnIds = (asObject(body['subscope'])['columnIds'] ?? []) as unknown;
    if (!Array.isArray(columnIds))
      throw apiErrors.invalidValue(JSON.stringify(columnIds), 'subscope.columnIds');
    for (const columnId of columnIds) {
      if (!sheet.columns.some((column) => column.id === columnId)) throw apiErrors.invalidColumnId(columnId);
    }
    subscope = { columnIds: columnIds as number[] };
  }

  const webhook: WebhookRecord = {
    id: rt.state.newId(),
    ownerEmail: req.user.email,
    name: body['name'],
    callbackUrl,
    scope: 'sheet',
    scopeObjectId: sheet.id,
    ...(subscope ? { subscope } : {}),
    events,
    version,
    enabled: false,
    status: 'NEW_NOT_VERIFIED',
    sharedSecret: newSharedSecret(),
    createdAt: req.at,
    modifiedAt: req.at,
    callbacksSinceVerification: 0,
  };
  rt.state.webhooks.set(webhook.id, webhook);
  return { body: successResult(renderWebhook(webhook, req.dates)) };
}

/** Offset paging in the Jun-2026 "unknown pages" form: totals are -1, an empty page is all zeros. */
function listWebhooks(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const paging = readOffsetPage(req.query);
  if (paging.pageSize > 10_000) throw apiErrors.invalidValue(String(paging.pageSize), 'pageSize');
  const own = [...rt.state.webhooks.values()]
    .filter((webhook) => webhook.ownerEmail.toLowerCase() === req.user.email.toLowerCase())
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  const start = (paging.page - 1) * paging.pageSize;
  const data = own.slice(start, start + paging.pageSize).map((webhook) => renderWebhook(webhook, req.dates));
  if (data.length === 0)
    return { body: { pageNumber: 0, pageSize: 0, totalPages: 0, totalCount: 0, data: [] } };
  return {
    body: { pageNumber: paging.page, pageSize: paging.pageSize, totalPages: -1, totalCount: -1, data },
  };
}

function ownWebhook(req: ApiRequest, rt: EmulatorRuntime): WebhookRecord {
  const webhook = rt.state.webhooks.get(req.idParam('webhookId'));
  if (!webhook) throw apiErrors.notFound();
  if (webhook.ownerEmail.toLowerCase() !== req.user.email.toLowerCase()) throw apiErrors.notAuthorized();
  return webhook;
}

function getWebhook(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  return { body: renderWebhook(ownWebhook(req, rt), req.dates) };
}

/** Enabling: blocked states first, then scope access, then the handshake with the subscriber. */
async function enable(rt: EmulatorRuntime, webhook: WebhookRecord): Promise<void> {
  if (webhook.status === 'DISABLED_APP_REVOKED') throw apiErrors.appRevoked();
  if (webhook.status === 'DISABLED_ADMINISTRATIVE') throw apiErrors.administrativelyDisabled();
  const sheet = rt.state.sheets.get(webhook.scopeObjectId);
  const owner = rt.state.userByEmail(webhook.ownerEmail);
  if (!sheet || !owner || !sheetAccessLevel(rt.state, sheet, owner)) {
    webhook.enabled = false;
    webhook.status = 'DISABLED_SCOPE_INACCESSIBLE';
    webhook.disabledDetails = 'The webhook owner has no access to the sheet.';
    return;
  }
  const verified = await rt.webhooks.verify(webhook);
  webhook.enabled = verified;
  if (verified) {
    webhook.status = 'ENABLED';
    webhook.callbacksSinceVerification = 0;
    delete webhook.disabledDetails;
  } else {
    webhook.status = 'DISABLED_VERIFICATION_FAILED';
    webhook.disabledDetails = 'The callback URL did not answer the verification challenge.';
  }
}

async function updateWebhook(req: ApiRequest, rt: EmulatorRuntime): Promise<ApiResult> {
  const webhook = ownWebhook(req, rt);
  const body = asObject(await req.jsonBody());
  const immutable = ['scope', 'scopeObjectId', 'subscope'].filter(
    (field) =>
      body[field] !== undefined &&
      JSON.stringify(body[field]) !== JSON.stringify(webhook[field as keyof WebhookRecord]),
  );
  if (immutable.length > 0) throw apiErrors.attributesNotAllowed(immutable.join(', '));
  if (body['name'] !== undefined) {
    if (typeof body['name'] !== 'string') throw apiErrors.invalidValue(JSON.stringify(body['name']), 'name');
    webhook.name = body['name'];
  }
  if (body['events'] !== undefined) webhook.events = checkEvents(body['events']);
  if (body['version'] !== undefined) webhook.version = checkVersion(body['version']);
  const urlChanged = body['callbackUrl'] !== undefined && body['callbackUrl'] !== webhook.callbackUrl;
  if (urlChanged) webhook.callbackUrl = checkCallbackUrl(rt, body['callbackUrl']);

  const enabled = body['enabled'];
  if (enabled !== undefined && typeof enabled !== 'boolean')
    throw apiErrors.invalidValue(JSON.stringify(enabled), 'enabled');
  if (enabled === false) {
    webhook.enabled = false;
    webhook.status = 'DISABLED_BY_OWNER';
    delete webhook.disabledDetails;
    rt.webhooks.forget(webhook.id);
  } else if ((enabled === true && webhook.status !== 'ENABLED') || (urlChanged && webhook.enabled)) {
    // A new callback URL must prove itself like a newly enabled webhook.
    await enable(rt, webhook);
  }
  webhook.modifiedAt = rt.clock.now();
  return { body: successResult(renderWebhook(webhook, req.dates)) };
}

function deleteWebhook(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const webhook = ownWebhook(req, rt);
  rt.webhooks.forget(webhook.id);
  rt.state.webhooks.delete(webhook.id);
  return { body: successResult(undefined) };
}

function resetSharedSecret(req: ApiRequest, rt: EmulatorRuntime): ApiResult {
  const webhook = ownWebhook(req, rt);
  webhook.sharedSecret = newSharedSecret();
  webhook.modifiedAt = req.at;
  return { body: successResult({ sharedSecret: webhook.sharedSecret }) };
}

export const webhookRoutes: ApiRouteSpec[] = [
  { method: 'POST', pattern: '/webhooks', run: createWebhook },
  { method: 'GET', pattern: '/webhooks', run: listWebhooks },
  { method: 'GET', pattern: '/webhooks/{webhookId}', run: getWebhook },
  { method: 'PUT', pattern: '/webhooks/{webhookId}', run: updateWebhook },
  { method: 'DELETE', pattern: '/webhooks/{webhookId}', run: deleteWebhook },
  { method: 'POST', pattern: '/webhooks/{webhookId}/resetsharedsecret', run: resetSharedSecret },
];
