// The checks a restored copy must pass before anyone relies on it — in the daily drill and before
// `restore` switches over: the engine's integrity check, the audit trail verified end to end (hash
// chain and signed checkpoints) up to exactly the head the manifest recorded, and every table's
// row count equal to the manifest's.
import type { JsonObject } from '../domain/audit-chain.js';
import type { BackupManifest } from '../domain/backup/backup-manifest.js';
import type { CheckpointVerifier } from '../ports/checkpoint-signer.js';
import type { RestoredStore } from '../ports/store-copy.js';
import { verifyAuditTrail } from './verify-audit-trail.js';

export interface RestoredStoreChecks {
  readonly ok: boolean;
  /** One line per failed check, naming what differs. */
  readonly problems: string[];
  readonly integrity: 'ok' | string[];
  readonly auditTrail: {
    readonly ok: boolean;
    readonly eventCount: number;
    readonly headHash: string;
    readonly problem: string | null;
  };
  /** Tables whose count differs from the manifest: expected and found. */
  readonly rowCountMismatches: Record<string, { expected: number; actual: number }>;
  readonly tablesCompared: number;
}

export async function checkRestoredStore(
  restored: RestoredStore,
  manifest: BackupManifest,
  verifiers: readonly CheckpointVerifier[],
): Promise<RestoredStoreChecks> {
  const problems: string[] = [];
  const integrity = await restored.integrityProblems();
  if (integrity.length > 0) problems.push(`integrity check: ${integrity.slice(0, 5).join('; ')}`);

  const trail = await verifyAuditTrail(restored.store.audit, verifiers);
  const head = await restored.store.audit.chainHead();
  const expected = manifest.auditChain;
  if (!trail.ok) problems.push(`audit trail: ${trail.problem?.message ?? 'failed verification'}`);
  if (head.headHash !== expected.headHash || head.eventCount !== expected.eventCount) {
    problems.push(
      `audit chain head: restored ${head.eventCount} events ending ${head.headHash.slice(0, 12)}…, the manifest recorded ${expected.eventCount} ending ${expected.headHash.slice(0, 12)}…`,
    );
  }

  const actual = await restored.rowCounts();
  const rowCountMismatches: Record<string, { expected: number; actual: number }> = {};
  for (const table of new Set([...Object.keys(manifest.store.rowCounts), ...Object.keys(actual)])) {
    const want = manifest.store.rowCounts[table] ?? 0;
    const got = actual[table] ?? 0;
    if (want !== got) rowCountMismatches[table] = { expected: want, actual: got };
  }
  const mismatched = Object.entries(rowCountMismatches);
  if (mismatched.length > 0) {
    problems.push(
      `row counts: ${mismatched.map(([t, c]) => `${t} has ${c.actual}, expected ${c.expected}`).join('; ')}`,
    );
  }
  return {
    ok: problems.length === 0,
    problems,
    integrity: integrity.length === 0 ? 'ok' : integrity,
    auditTrail: {
      ok: trail.ok,
      eventCount: trail.eventCount,
      headHash: head.headHash,
      problem: trail.problem?.message ?? null,
    },
    rowCountMismatches,
    tablesCompared: Object.keys(manifest.store.rowCounts).length,
  };
}

/** The checks as stored in the backups table's drill_result column. */
export function checksAsJson(checks: RestoredStoreChecks): JsonObject {
  return JSON.parse(JSON.stringify(checks)) as JsonObject;
}
