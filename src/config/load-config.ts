// Reads the environment (and the optional ledgerline.env and .env files) once, validates every key,
// and either returns the Config or fails with every problem listed by key — never just the first.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { AppError, ErrorCode } from '../domain/app-error.js';
import { CONFIG_KEYS } from './config-keys.js';
import type { Config, ParsedKeys } from './config.js';
import { buildConfig } from './config.js';

export interface ConfigProblem {
  key: string;
  message: string;
}

/** The non-secret settings file `ledgerline init` writes beside the mode-600 `.env` of secrets. */
export const SETTINGS_FILE_NAME = 'ledgerline.env';

export interface LoadConfigOptions {
  /** Variables to read; defaults to process.env. Real variables win over .env entries. */
  env?: Readonly<Record<string, string | undefined>>;
  /** The .env file to merge in when it exists; defaults to ./.env. `false` reads none. */
  envFile?: string | false;
  /**
   * The settings file (no secrets) to merge in under .env when it exists; defaults to
   * ./ledgerline.env, or none when `envFile` is `false`.
   */
  settingsFile?: string | false;
  cwd?: string;
}

function readDotenvFile(cwd: string, file: string | false): Record<string, string> {
  return file && existsSync(path.resolve(cwd, file))
    ? parseDotenv(readFileSync(path.resolve(cwd, file)))
    : {};
}

function settingsFileOf(options: LoadConfigOptions, cwd: string): string | false {
  if (options.settingsFile !== undefined) return options.settingsFile;
  return options.envFile === false ? false : path.join(cwd, SETTINGS_FILE_NAME);
}

/**
 * The effective variables: the settings file's entries, overlaid by the .env file's, overlaid by
 * the real environment.
 */
export function readEnvironment(options: LoadConfigOptions = {}): Record<string, string | undefined> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const file = options.envFile === undefined ? path.join(cwd, '.env') : options.envFile;
  return { ...readDotenvFile(cwd, settingsFileOf(options, cwd)), ...readDotenvFile(cwd, file), ...env };
}

/** Secrets found in the settings file: they belong in the mode-600 .env, never in a readable file. */
function secretsInSettingsFile(options: LoadConfigOptions): ConfigProblem[] {
  const cwd = options.cwd ?? process.cwd();
  const file = settingsFileOf(options, cwd);
  const entries = readDotenvFile(cwd, file);
  return CONFIG_KEYS.filter((key) => 'secret' in key && key.secret && entries[key.env] !== undefined).map(
    (key) => ({
      key: key.env,
      message: `is a secret and must not be in ${String(file)}; move it to .env (mode 600)`,
    }),
  );
}

/** Validate every key; collect all problems. Empty strings count as unset. */
export function validateKeys(
  env: Readonly<Record<string, string | undefined>>,
): { ok: true; keys: ParsedKeys } | { ok: false; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const parsed: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) {
    const raw = env[key.env];
    const value = raw === undefined || raw.trim() === '' ? ('default' in key ? key.default : undefined) : raw;
    if (value === undefined) {
      parsed[key.env] = undefined;
      continue;
    }
    const result = key.schema.safeParse(value);
    if (result.success) parsed[key.env] = result.data;
    else {
      for (const issue of result.error.issues) {
        // Never echo a secret's value back, not even in an error.
        const shown =
          'secret' in key && key.secret
            ? ''
            : ` (got '${value.length > 80 ? `${value.slice(0, 80)}…` : value}')`;
        problems.push({ key: key.env, message: `${issue.message}${shown}` });
      }
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, keys: parsed as ParsedKeys };
}

/**
 * Load and validate the configuration. Throws AppError CONFIG_INVALID (exit code 2) whose
 * details.problems lists every bad key.
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const validated = validateKeys(readEnvironment(options));
  const misplaced = secretsInSettingsFile(options);
  const result =
    misplaced.length === 0
      ? validated
      : { ok: false as const, problems: [...misplaced, ...(validated.ok ? [] : validated.problems)] };
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${p.key}: ${p.message}`).join('\n');
    throw new AppError(ErrorCode.CONFIG_INVALID, `Invalid configuration:\n${lines}`, {
      hint: 'Fix these variables in the environment or .env (see .env.example), then retry.',
      details: { problems: result.problems },
    });
  }
  return buildConfig(result.keys);
}
