// The audit trail's status and an on-demand verification (issue #7).
import type { FastifyInstance } from 'fastify';
import type { TrailMonitor } from '../../services/dashboard-trail-status.js';
import type { TrailStatus, TrailVerification } from './api-contract.js';

export function trailRoutes(server: FastifyInstance, deps: { readonly trail: TrailMonitor }): void {
  server.get('/api/trail', { config: { permission: 'dashboard.read' } }, async () => {
    const status: TrailStatus = await deps.trail.status();
    return status;
  });
  server.post('/api/trail/verify', { config: { permission: 'audit.review' } }, async () => {
    const verification: TrailVerification = await deps.trail.verify();
    return verification;
  });
}
