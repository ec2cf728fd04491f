/**
 * Smartsheet webhook callbacks as Ledgerline receives them (smartsheet-api.md §6): the verification
 * challenge (§6.2), the skinny event callback (§6.4) and the status-change callback (§6.7), the
 * HMAC check over the raw body (§6.6) and the staleness rule that bounds replays.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from './result.js';

/** One change inside an event callback; unknown object types are kept so callers can skip them. */
export interface CallbackEvent {
  readonly objectType: string;
  readonly eventType: string;
  /** The object's id; Smartsheet omits it for cell events. */
  readonly id?: number;
  readonly rowId?: number;
  readonly columnId?: number;
  readonly userId?: number;
  readonly timestamp?: string;
  /** Comma-separated change agents of the API call that caused the event (§6.9 loop prevention). */
  readonly changeAgent?: string;
}

interface CallbackEnvelope {
  /** Unique per delivery: the idempotency key together with the webhook id. */
  readonly nonce: string;
  readonly timestamp: string;
  readonly webhookId: number;
  readonly scope: string;
  readonly scopeObjectId: number;
}

/** A callback carrying changes to the watched sheet. */
export interface EventCallback extends CallbackEnvelope {
  readonly kind: 'events';
  readonly events: readonly CallbackEvent[];
}

/** A callback telling that Smartsheet changed the webhook's status (e.g. scope inaccessible). */
export interface StatusChangeCallback extends CallbackEnvelope {
  readonly kind: 'status-change';
  readonly newWebhookStatus: string;
}

export type WebhookCallback = EventCallback | StatusChangeCallback;

/** A verification challenge: the subscriber must echo `challenge` (§6.2). */
export interface VerificationChallenge {
  readonly challenge: string;
  /** The webhook being verified; undefined when the request did not say. */
  readonly webhookId: number | undefined;
}

/** Callback timestamps look like `2026-09-02T17:04:23.795+0000`; `Z` and `+00:00` are accepted too. */
const CALLBACK_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:?\d{2})$/;

/** Epoch milliseconds of a callback timestamp, or undefined when it is not one. */
export function parseCallbackTimestamp(text: string): number | undefined {
  if (!CALLBACK_TIMESTAMP.test(text)) return undefined;
  // Date.parse only promises the ISO form with a colon in the offset.
  const parsed = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(parsed) ? undefined : parsed;
}

const id = z.int().positive();
const timestamp = z.string().refine((text) => parseCallbackTimestamp(text) !== undefined, {
  message: 'is not a callback timestamp',
});

const eventSchema = z.object({
  objectType: z.string().min(1),
  eventType: z.string().min(1),
  id: id.optional(),
  rowId: id.optional(),
  columnId: id.optional(),
  userId: id.optional(),
  timestamp: z.string().optional(),
  changeAgent: z.string().optional(),
});

const envelopeShape = {
  // Bounded because it becomes part of the inbox key.
  nonce: z.string().min(1).max(200),
  timestamp,
  webhookId: id,
  scope: z.string().min(1),
  scopeObjectId: id,
};

const callbackSchema = z.union([
  z.object({ ...envelopeShape, events: z.array(eventSchema) }),
  z.object({ ...envelopeShape, newWebhookStatus: z.string().min(1).max(100) }),
]);

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
    .join('; ');
}

/**
 * Validates an already JSON-parsed callback body. The raw bytes must have been HMAC-verified first:
 * this only checks shape, it proves nothing about the sender.
 */
export function parseWebhookCallback(body: unknown): Result<WebhookCallback> {
  const parsed = callbackSchema.safeParse(body);
  if (!parsed.success)
    return fail(`Callback body is not a Smartsheet callback (${describeIssues(parsed.error)}).`);
  const value = parsed.data;
  if ('events' in value) return ok({ kind: 'events', ...value });
  return ok({ kind: 'status-change', ...value });
}

/** Challenge values are echoed in a response header, so only visible ASCII is acceptable. */
const CHALLENGE_VALUE = /^[\x21-\x7e]{1,512}$/;

/**
 * The verification challenge a request carries, if it is one: the `Smartsheet-Hook-Challenge`
 * header, or a body `{ challenge, webhookId }` without a nonce. Undefined for anything else;
 * a failure when it is a challenge whose value cannot safely be echoed.
 */
export function readVerificationChallenge(
  body: unknown,
  challengeHeader: string | undefined,
): Result<VerificationChallenge> | undefined {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const bodyChallenge = typeof fields['challenge'] === 'string' ? fields['challenge'] : undefined;
  const isChallenge =
    challengeHeader !== undefined || (bodyChallenge !== undefined && fields['nonce'] === undefined);
  if (!isChallenge) return undefined;
  const challenge = challengeHeader ?? bodyChallenge ?? '';
  if (!CHALLENGE_VALUE.test(challenge))
    return fail('Verification challenge value is missing or not printable ASCII.');
  const webhookId = id.safeParse(fields['webhookId']);
  return ok({ challenge, webhookId: webhookId.success ? webhookId.data : undefined });
}

/**
 * The webhook id a parsed body names, read before the body is trusted, so that the right shared
 * secret can verify it.
 */
export function claimedWebhookId(body: unknown): number | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const parsed = id.safeParse((body as Record<string, unknown>)['webhookId']);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The 32 digest bytes a `Smartsheet-Hmac-SHA256` value stands for. Leading zero nibbles may be
 * missing (the docs' Java sample renders the digest through a big integer, §6.6), so the hex is
 * left-padded back to 64 digits; case is ignored.
 */
function presentedDigest(header: string): Buffer | undefined {
  const hex = header.trim().toLowerCase().replace(/^0+/, '');
  if (!/^[0-9a-f]{0,64}$/.test(hex)) return undefined;
  return Buffer.from(hex.padStart(64, '0'), 'hex');
}

/**
 * Whether `signatureHeader` is the HMAC-SHA256 of the exact `rawBody` bytes keyed with the webhook's
 * shared secret (§6.6). Compares the 32-byte values in constant time.
 */
export function callbackSignatureMatches(
  sharedSecret: string,
  rawBody: Uint8Array,
  signatureHeader: string,
): boolean {
  if (signatureHeader.trim() === '') return false;
  const presented = presentedDigest(signatureHeader);
  if (!presented) return false;
  const expected = createHmac('sha256', Buffer.from(sharedSecret, 'utf8')).update(rawBody).digest();
  return timingSafeEqual(presented, expected);
}

/** How long a callback stays acceptable by default: the inbox keeps nonces at least this long. */
export const DEFAULT_MAX_CALLBACK_AGE_MS = 7 * 24 * 60 * 60 * 1000;

/**
 * Why a callback is too old to accept, or undefined when it is fresh enough. Smartsheet retries for
 * about 21 hours (§6.8), so a genuine callback is never days old; an older one is a replay whose
 * nonce the inbox may already have forgotten, and accepting it could record a change twice.
 */
export function callbackStaleness(
  callback: Pick<CallbackEnvelope, 'timestamp'>,
  now: Date,
  maxAgeMs: number = DEFAULT_MAX_CALLBACK_AGE_MS,
): string | undefined {
  const sentAt = parseCallbackTimestamp(callback.timestamp);
  if (sentAt === undefined) return `Callback timestamp "${callback.timestamp}" cannot be read.`;
  const ageMs = now.getTime() - sentAt;
  if (ageMs <= maxAgeMs) return undefined;
  const hours = Math.floor(ageMs / 3_600_000);
  return `Callback timestamp ${callback.timestamp} is ${hours} h old; callbacks older than ${Math.floor(maxAgeMs / 3_600_000)} h are refused as replays.`;
}
