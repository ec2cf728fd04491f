// Options of startEmulator and their defaults. Everything the emulator needs comes through here
// (the emulator never reads the environment).
import type { SeedData } from './seed/seed-data.js';
import type { RateLimitSettings } from './limits/rate-limiter.js';
import type { RetrySchedule } from './webhooks/retry-schedule.js';
import { hashSeed } from './random/seeded-random.js';

export interface WebhookSettings {
  /** Events are aggregated per webhook over this window before one callback goes out (default 1000). */
  debounceMs?: number;
  retrySchedule?: RetrySchedule;
  /** Require https callback URLs (400/1152) as real Smartsheet does; off by default. */
  strictCallbackUrl?: boolean;
  /** Share (0..1) of callbacks silently dropped, for reconciliation tests. */
  dropRate?: number;
  /** Sign with leading zero nibbles stripped, as the docs' Java sample renders the digest. */
  stripLeadingZeros?: boolean;
}

export type ResolvedWebhookSettings = Required<WebhookSettings>;

export interface EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  seed: SeedData;
  rateLimit?: RateLimitSettings;
  webhooks?: WebhookSettings;
  clock?: { frozen?: boolean };
  /** Lifetime of temporary attachment download URLs (default 120000). */
  attachmentUrlTtlMs?: number;
  /** Seed of the id generator and fault dice (default: derived from seed.seed). */
  randomSeed?: number;
  /** Called with unexpected handler errors (answered as 500/4000). */
  onInternalError?: (error: unknown) => void;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  seed: SeedData;
  rateLimit: RateLimitSettings;
  webhooks: ResolvedWebhookSettings;
  frozen: boolean;
  attachmentUrlTtlMs: number;
  randomSeed: number;
  onInternalError: (error: unknown) => void;
}

export const DEFAULT_RATE_LIMIT: RateLimitSettings = { enabled: true, perMinute: 300, heavyWeight: 10 };

export const DEFAULT_WEBHOOK_SETTINGS: ResolvedWebhookSettings = {
  debounceMs: 1000,
  retrySchedule: 'compressed',
  strictCallbackUrl: false,
  dropRate: 0,
  stripLeadingZeros: false,
};

export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    seed: options.seed,
    rateLimit: { ...DEFAULT_RATE_LIMIT, ...options.rateLimit },
    webhooks: { ...DEFAULT_WEBHOOK_SETTINGS, ...options.webhooks },
    frozen: options.clock?.frozen ?? false,
    attachmentUrlTtlMs: options.attachmentUrlTtlMs ?? 120_000,
    randomSeed: options.randomSeed ?? hashSeed(options.seed.seed),
    onInternalError: options.onInternalError ?? (() => undefined),
  };
}
