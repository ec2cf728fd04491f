export type { Config } from './config.js';
export type { DatabaseLocation } from './env-value-parsers.js';
export { describeDatabase } from './env-value-parsers.js';
export { SETTINGS_FILE_NAME, loadConfig, readEnvironment, validateKeys } from './load-config.js';
export type { ConfigProblem, LoadConfigOptions } from './load-config.js';
export { redactedConfig } from './redacted-config.js';
export { renderConfigTable, renderEnvExample, withConfigTable } from './config-docs.js';
export { CONFIG_KEYS } from './config-keys.js';
