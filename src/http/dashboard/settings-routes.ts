// GET /api/settings (issue #7): configuration without secrets, webhooks, risk model, backups.
import type { FastifyInstance } from 'fastify';
import { settingsOf, type SettingsDeps } from '../../services/dashboard-settings.js';
import type { SettingsResponse } from './api-contract.js';

export function settingsRoutes(server: FastifyInstance, deps: SettingsDeps): void {
  server.get('/api/settings', { config: { permission: 'audit.review' } }, async () => {
    const body: SettingsResponse = await settingsOf(deps);
    return body;
  });
}
