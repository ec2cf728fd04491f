// The Webhook object (smartsheet-api.md §6.9) and the shared-secret reset result (§6.6).
import { z } from 'zod';
import { idSchema, openEnum, optional, timestampSchema } from './common-schemas.js';

export const WEBHOOK_STATUSES = [
  'NEW_NOT_VERIFIED',
  'ENABLED',
  'DISABLED_BY_OWNER',
  'DISABLED_VERIFICATION_FAILED',
  'DISABLED_CALLBACK_FAILED',
  'DISABLED_SCOPE_INACCESSIBLE',
  'DISABLED_APP_REVOKED',
  'DISABLED_ADMINISTRATIVE',
  'DISABLED_EXCEEDED_GRID_LIMITS',
] as const;

export const webhookSchema = z.object({
  id: idSchema,
  name: z.string(),
  callbackUrl: optional(z.string()),
  scope: z.string(),
  scopeObjectId: idSchema,
  subscope: optional(z.object({ columnIds: z.array(idSchema).default([]) })),
  events: z.array(z.string()).default([]),
  version: optional(z.int()),
  enabled: z.boolean(),
  status: openEnum(WEBHOOK_STATUSES),
  disabledDetails: optional(z.string()),
  /** Present on create, get and list for the owner; rotate with resetSharedSecret. */
  sharedSecret: optional(z.string()),
  createdAt: optional(timestampSchema),
  modifiedAt: optional(timestampSchema),
  apiClientId: optional(z.string()),
  apiClientName: optional(z.string()),
  stats: optional(
    z.object({
      lastCallbackAttempt: optional(timestampSchema),
      lastCallbackAttemptRetryCount: optional(z.int()),
      lastSuccessfulCallback: optional(timestampSchema),
    }),
  ),
});
export type Webhook = z.infer<typeof webhookSchema>;

export const sharedSecretSchema = z.object({ sharedSecret: z.string() });
