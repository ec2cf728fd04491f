// The audit trail's status on the dashboard (issue #7): how many events the chain holds, its head,
// and the outcome of the last verification this process ran (`POST /api/trail/verify` runs the same
// walk as `ledgerline audit verify`). The outcome is kept in memory: a restart shows "not verified
// yet" rather than an old verdict that may no longer hold.
import type { AuditStore } from '../ports/audit-store.js';
import type { CheckpointVerifier } from '../ports/checkpoint-signer.js';
import { verifyAuditTrail, type AuditTrailVerification } from './verify-audit-trail.js';

export interface TrailStatusView {
  readonly eventCount: number;
  readonly headSeq: number | null;
  readonly lastVerifiedAt: string | null;
  readonly ok: boolean | null;
  readonly problem: string | null;
}

export interface TrailVerificationView extends TrailStatusView {
  readonly checkpointsChecked: number;
  readonly firstBadSeq: number | null;
  readonly durationMs: number;
}

export interface TrailMonitor {
  status(): Promise<TrailStatusView>;
  /** Verifies the whole trail now; concurrent calls share one walk. */
  verify(): Promise<TrailVerificationView>;
}

export interface TrailMonitorDeps {
  readonly audit: AuditStore;
  /** The public key(s) checkpoints are checked with (loaded when a verification starts). */
  readonly verifiers: () => Promise<CheckpointVerifier | readonly CheckpointVerifier[]>;
  readonly now: () => Date;
}

export function createTrailMonitor(deps: TrailMonitorDeps): TrailMonitor {
  let last: { at: string; ok: boolean; problem: string | null } | null = null;
  let running: Promise<TrailVerificationView> | undefined;

  const status = async (): Promise<TrailStatusView> => {
    const head = await deps.audit.chainHead();
    return {
      eventCount: head.eventCount,
      headSeq: head.headSeq,
      lastVerifiedAt: last?.at ?? null,
      ok: last?.ok ?? null,
      problem: last?.problem ?? null,
    };
  };

  const walk = async (): Promise<TrailVerificationView> => {
    const started = deps.now();
    let verdict: AuditTrailVerification | undefined;
    let problem: string | null;
    try {
      verdict = await verifyAuditTrail(deps.audit, await deps.verifiers());
      problem = verdict.problem?.message ?? null;
    } catch (error) {
      // No key to check signatures with, or the database failed: the trail is not verified.
      problem = `The trail could not be verified: ${error instanceof Error ? error.message : String(error)}`;
    }
    const finished = deps.now();
    last = { at: finished.toISOString(), ok: verdict?.ok ?? false, problem };
    return {
      ...(await status()),
      checkpointsChecked: verdict?.checkpointsChecked ?? 0,
      firstBadSeq: verdict?.firstBadSeq ?? null,
      durationMs: finished.getTime() - started.getTime(),
    };
  };

  return {
    status,
    verify() {
      running ??= walk().finally(() => {
        running = undefined;
      });
      return running;
    },
  };
}
