// Job errors and descriptions reach the dashboard and `doctor` output: the same nets as the logs
// (credentials in URLs, bearer tokens, e-mail addresses, and every configured secret verbatim) are
// cast over them first, since an error message can quote whatever the failing call had at hand.
import { LogScrubber } from '../adapters/log/scrub-log-value.js';
import type { Config } from '../config/index.js';
import { configuredSecrets } from './configured-secrets.js';

export function jobTextScrubber(config: Config): (text: string) => string {
  const scrubber = new LogScrubber(configuredSecrets(config));
  return (text) => scrubber.scrubString(text);
}
