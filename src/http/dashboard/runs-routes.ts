// The Runs API (issue #7): recent runs with their summaries, and one run by id.
import type { FastifyInstance } from 'fastify';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { RunStore } from '../../ports/store.js';
import { DEFAULT_RUN_LIMIT, listRuns, MAX_RUN_LIMIT, runDetail } from '../../services/dashboard-runs.js';
import type { RunItem, RunList } from './api-contract.js';

export function runsRoutes(server: FastifyInstance, deps: { readonly runs: RunStore }): void {
  server.get('/api/runs', { config: { permission: 'dashboard.read' } }, async (request) => {
    const query = request.query as Record<string, unknown>;
    const limitText = query.limit;
    let limit = DEFAULT_RUN_LIMIT;
    if (limitText !== undefined) {
      limit = typeof limitText === 'string' && /^\d{1,4}$/.test(limitText) ? Number(limitText) : Number.NaN;
      if (!(limit >= 1 && limit <= MAX_RUN_LIMIT))
        throw new AppError(
          ErrorCode.INPUT_INVALID,
          `Invalid limit ${JSON.stringify(String(limitText))}: expected a whole number from 1 to ${MAX_RUN_LIMIT}.`,
        );
    }
    const kind = typeof query.kind === 'string' && query.kind !== '' ? query.kind : undefined;
    const body: RunList = { runs: await listRuns(deps.runs, { limit, ...(kind ? { kind } : {}) }) };
    return body;
  });

  server.get<{ Params: { runId: string } }>(
    '/api/runs/:runId',
    { config: { permission: 'dashboard.read' } },
    async (request) => {
      const run: RunItem = await runDetail(deps.runs, request.params.runId);
      return run;
    },
  );
}
