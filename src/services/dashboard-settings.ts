// The Settings page (issue #7): the effective configuration without secrets, the registered
// webhooks and their health, the risk model in use and the latest backups. Nothing secret leaves:
// webhook shared secrets are not part of the view, and any configuration value under a key that
// names a secret is masked even if the caller's redaction missed it.
import type { BackupStore, RiskStore, WebhookStore } from '../ports/store.js';
import { loadRiskModel } from './score-changes.js';

export interface SettingsDeps {
  /** The configuration as redactedConfig (src/config) shows it. */
  readonly configView: () => Readonly<Record<string, unknown>>;
  readonly webhooks: WebhookStore;
  readonly risk: RiskStore;
  readonly backups: BackupStore;
}

export interface SettingsView {
  readonly config: Readonly<Record<string, unknown>>;
  readonly webhooks: readonly {
    readonly id: number;
    readonly sheetId: number;
    readonly callbackUrl: string;
    readonly status: string;
    readonly lastCallbackAt: string | null;
  }[];
  readonly model: {
    readonly coldStart: boolean;
    readonly modelId: string | null;
    readonly createdAt: string | null;
    readonly sampleCount: number | null;
    readonly trainedFrom: string | null;
    readonly trainedTo: string | null;
    /** Set when the stored model cannot be read (scoring then fails too). */
    readonly problem: string | null;
  };
  readonly backups: readonly {
    readonly id: string;
    readonly status: string;
    readonly startedAt: string;
    readonly finishedAt: string | null;
    readonly sizeBytes: number | null;
    readonly error: string | null;
  }[];
}

const SECRET_KEY = /secret|password|token|credential|private|encryptionkey|signingkey$|apikey/i;
const MASKS = new Set(['(set)', '(unset)']);

/** Masks every string under a secret-sounding key that is not already "(set)"/"(unset)". */
export function maskSecretValues(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((item) => maskSecretValues(item, key));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, maskSecretValues(v, k)]),
    );
  }
  if (typeof value === 'string' && SECRET_KEY.test(key) && !MASKS.has(value))
    return value ? '(set)' : '(unset)';
  return value;
}

export async function settingsOf(deps: SettingsDeps): Promise<SettingsView> {
  const [webhooks, backups] = await Promise.all([
    deps.webhooks.listWebhooks(),
    deps.backups.listBackups({ limit: 5 }),
  ]);
  let model: SettingsView['model'];
  try {
    const loaded = await loadRiskModel(deps.risk);
    model = {
      coldStart: loaded === undefined,
      modelId: loaded?.id ?? null,
      createdAt: loaded?.summary.createdAt ?? null,
      sampleCount: loaded?.summary.sampleCount ?? null,
      trainedFrom: loaded?.summary.trainedFrom ?? null,
      trainedTo: loaded?.summary.trainedTo ?? null,
      problem: null,
    };
  } catch (error) {
    model = {
      coldStart: false,
      modelId: null,
      createdAt: null,
      sampleCount: null,
      trainedFrom: null,
      trainedTo: null,
      problem: `The stored risk model cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  return {
    config: maskSecretValues(deps.configView()) as Record<string, unknown>,
    webhooks: webhooks.map((w) => ({
      id: w.id,
      sheetId: w.sheetId,
      callbackUrl: w.callbackUrl,
      status: w.status,
      lastCallbackAt: w.lastCallbackAt,
    })),
    model,
    backups: backups.map((b) => ({
      id: b.id,
      status: b.status,
      startedAt: b.startedAt,
      finishedAt: b.finishedAt,
      sizeBytes: b.sizeBytes,
      error: b.error,
    })),
  };
}
