// Sheet-scope webhooks (smartsheet-api.md §5 #23, §6): create, list, get, update (enable runs the
// verification handshake synchronously), delete, and rotate the HMAC shared secret.
import { apiRoute } from './api-route.js';
import type { EndpointContext } from './endpoint-context.js';
import { emptyResultSchema, indexResultSchema, resultSchema } from './envelope-schemas.js';
import { collectPages, offsetPages } from './paging.js';
import { sharedSecretSchema, webhookSchema } from './webhook-schemas.js';
import type { Webhook } from './webhook-schemas.js';

const WEBHOOKS_PER_PAGE = 100;

export interface NewSheetWebhook {
  name: string;
  /** https on the real service; the emulator also allows http://127.0.0.1. */
  callbackUrl: string;
  sheetId: number;
  /** Only changes in these columns fire (row deletes always do). Fixed at creation. */
  columnIds?: readonly number[];
}

export interface WebhookUpdate {
  /** true runs the verification handshake before Smartsheet answers; check the returned status. */
  enabled?: boolean;
  name?: string;
  callbackUrl?: string;
}

/**
 * Creates a disabled webhook (status NEW_NOT_VERIFIED). A POST: after a broken connection it may
 * exist already, so callers list webhooks and reuse an identical one before creating again (§6.1).
 */
export async function createWebhook(ctx: EndpointContext, webhook: NewSheetWebhook): Promise<Webhook> {
  const body = {
    name: webhook.name,
    callbackUrl: webhook.callbackUrl,
    scope: 'sheet',
    scopeObjectId: webhook.sheetId,
    // The only value sheet scope accepts.
    events: ['*.*'],
    version: 1,
    ...(webhook.columnIds ? { subscope: { columnIds: webhook.columnIds } } : {}),
  };
  const result = await ctx.http.call({
    route: apiRoute('POST', '/webhooks'),
    body: { kind: 'json', value: body },
    schema: resultSchema(webhookSchema),
  });
  return result.result;
}

/** The token owner's webhooks. Since Jun-2026 totals are -1: paging runs until an empty page. */
export function listWebhooks(ctx: EndpointContext): Promise<Webhook[]> {
  const route = apiRoute('GET', '/webhooks');
  const schema = indexResultSchema(webhookSchema);
  return collectPages(
    offsetPages((page) => ctx.http.call({ route, query: { page, pageSize: WEBHOOKS_PER_PAGE }, schema })),
  );
}

export function getWebhook(ctx: EndpointContext, webhookId: number): Promise<Webhook> {
  return ctx.http.call({
    route: apiRoute('GET', '/webhooks/{webhookId}', { webhookId }),
    schema: webhookSchema,
  });
}

export async function updateWebhook(
  ctx: EndpointContext,
  webhookId: number,
  update: WebhookUpdate,
): Promise<Webhook> {
  const result = await ctx.http.call({
    route: apiRoute('PUT', '/webhooks/{webhookId}', { webhookId }),
    body: { kind: 'json', value: update },
    schema: resultSchema(webhookSchema),
  });
  return result.result;
}

export async function deleteWebhook(ctx: EndpointContext, webhookId: number): Promise<void> {
  await ctx.http.call({
    route: apiRoute('DELETE', '/webhooks/{webhookId}', { webhookId }),
    schema: emptyResultSchema,
  });
}

/**
 * A new shared secret; callbacks signed with the old one stop at once. Not repeated after a broken
 * connection (the secret may have changed): the caller fetches the webhook to learn the current one.
 */
export async function resetSharedSecret(ctx: EndpointContext, webhookId: number): Promise<string> {
  const result = await ctx.http.call({
    route: apiRoute('POST', '/webhooks/{webhookId}/resetsharedsecret', { webhookId }),
    schema: resultSchema(sharedSecretSchema),
  });
  return result.result.sharedSecret;
}
