// `doctor`'s `queue` check (issue #10). With LEDGERLINE_QUEUE=pg-boss it opens the cluster's queue
// for a moment — no worker is started, so no job is taken — reads its counts and failed jobs, and
// closes it. In-process mode has no queue: the check passes and says so, as `mail` does when mail
// is switched off.
import { createLogger } from '../adapters/log/pino-logger.js';
import type { Config } from '../config/index.js';
import { checkJobQueue } from '../services/check-job-queue.js';
import type { HealthCheck, HealthDetail } from '../services/run-health-checks.js';
import { openClusterQueue, queueSchemaFor } from './cluster-kit.js';
import { jobTextScrubber } from './job-error-scrubber.js';

export function jobQueueHealthCheck(config: Config): HealthCheck {
  return { name: 'queue', run: () => checkConfiguredQueue(config) };
}

async function checkConfiguredQueue(config: Config): Promise<string | HealthDetail> {
  if (config.queue.kind === 'in-process')
    return 'not used (LEDGERLINE_QUEUE=in-process): `serve` does all the work itself';
  // Throws the clear CONFIG_INVALID error when the store is a SQLite file, and a scrubbed
  // DATABASE_UNAVAILABLE when the queue cannot be opened.
  const schema = queueSchemaFor(config);
  // Doctor prints its own report; a failure to open surfaces as the error.
  const queue = await openClusterQueue(config, createLogger({ level: 'silent', format: 'json' }), {
    poolSize: 2,
  });
  try {
    return await checkJobQueue(queue, {
      where: `pg-boss in schema ${schema}`,
      scrub: jobTextScrubber(config),
    });
  } finally {
    await queue.stop({ graceMs: 1_000 });
  }
}
