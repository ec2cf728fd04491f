// What every command needs: the validated configuration (or a clean exit 2 listing every problem)
// and a logger that cannot leak secrets.
import type { Config } from '../config/index.js';
import { loadConfig } from '../config/index.js';
import { loggerForConfig } from '../app/logger-for-config.js';
import type { Logger } from '../ports/logger.js';

export interface CommandContext {
  config: Config;
  logger: Logger;
}

export function commandContext(): CommandContext {
  const config = loadConfig();
  return { config, logger: loggerForConfig(config) };
}
