// GET /api/editors (issue #7): each editor's activity over the last `days` days.
import type { FastifyInstance } from 'fastify';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import {
  DEFAULT_EDITOR_DAYS,
  editorsActivity,
  MAX_EDITOR_DAYS,
  type EditorsDeps,
} from '../../services/dashboard-editors.js';
import type { EditorsResponse } from './api-contract.js';

export function editorsRoutes(server: FastifyInstance, deps: EditorsDeps): void {
  server.get('/api/editors', { config: { permission: 'dashboard.read' } }, async (request) => {
    const raw = (request.query as Record<string, unknown>).days;
    let days = DEFAULT_EDITOR_DAYS;
    if (raw !== undefined) {
      days = typeof raw === 'string' && /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!(days >= 1 && days <= MAX_EDITOR_DAYS))
        throw new AppError(
          ErrorCode.INPUT_INVALID,
          `Invalid days ${JSON.stringify(String(raw))}: expected a whole number from 1 to ${MAX_EDITOR_DAYS}.`,
        );
    }
    const body: EditorsResponse = await editorsActivity(deps, { days });
    return body;
  });
}
