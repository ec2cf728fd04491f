// GET /api/overview (issue #7): the Overview page's figures in one reply.
import type { FastifyInstance } from 'fastify';
import type { Weekday } from '../../domain/calendar-date.js';
import { createBilledWeekCache } from '../../services/billed-week-total.js';
import { overviewOf, type OverviewDeps } from '../../services/dashboard-overview.js';
import type { Overview } from './api-contract.js';

export function overviewRoutes(
  server: FastifyInstance,
  deps: OverviewDeps & { readonly timeZone: string; readonly weekEndDay: Weekday },
): void {
  const billedCache = createBilledWeekCache();
  server.get('/api/overview', { config: { permission: 'dashboard.read' } }, async () => {
    const overview: Overview = await overviewOf(
      { billedCache, ...deps },
      {
        timeZone: deps.timeZone,
        weekEndDay: deps.weekEndDay,
      },
    );
    return overview;
  });
}
