// Every way someone with database access could rewrite the audit log, on both engines: each attack
// must make `verifyAuditTrail` fail and name the place (DESIGN.md invariant 4).
import { describe, expect, it } from 'vitest';
import {
  ed25519SignerFromPrivateKey,
  ed25519VerifierFromPublicKey,
  generateSigningKey,
} from '../../src/adapters/signing/ed25519-signer.js';
import { chainHash } from '../../src/domain/audit-chain.js';
import { parseCheckpointText } from '../../src/domain/audit-checkpoint.js';
import type { AuditCheckpoint } from '../../src/ports/store.js';
import { signAuditCheckpoint } from '../../src/services/sign-audit-checkpoint.js';
import { verifyAuditTrail } from '../../src/services/verify-audit-trail.js';
import { buildAuditEvent } from '../support/store-records.js';
import { backends, useTestStore } from '../support/test-databases.js';
import { attackAuditLog } from './audit-attacker.js';

const key = generateSigningKey();
const signer = ed25519SignerFromPrivateKey(key.privateKeyPem);
// Verification needs only the public key: nothing in these tests verifies with the private one.
const verifier = ed25519VerifierFromPublicKey(key.publicKeyPem);

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`audit trail tampering on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    /** 12 events in three runs, a checkpoint after the first two (seq 4 and 8); returns their text lines. */
    async function seedTrail(): Promise<AuditCheckpoint[]> {
      const kept: AuditCheckpoint[] = [];
      for (const run of [1, 2, 3]) {
        await store().audit.appendEvents(
          Array.from({ length: 4 }, () => buildAuditEvent({ runId: `run-${run}` })),
        );
        if (run === 3) break;
        const { text } = await signAuditCheckpoint(store().audit, signer, {
          runId: `run-${run}`,
          now: new Date(Date.UTC(2025, 7, 18, run)),
        });
        kept.push(parseCheckpointText(text));
      }
      return kept;
    }

    // Small pages, so every attack is also walked across page boundaries.
    const verify = (externalCheckpoints: AuditCheckpoint[] = []) =>
      verifyAuditTrail(store().audit, verifier, { pageSize: 5, externalCheckpoints });

    it('verifies a clean trail with several checkpoints, with the public key alone', async () => {
      await seedTrail();
      expect(await verify()).toEqual({
        ok: true,
        eventCount: 12,
        checkpointsChecked: 2,
        firstBadSeq: null,
        problem: null,
        signedThroughSeq: 8,
        eventsAfterLastCheckpoint: 4,
        seqGaps: 0,
      });
    });

    it('catches a field edited in place', async () => {
      await seedTrail();
      await (await attackAuditLog(store())).editEvent(6, { delta: 1 });

      expect(await verify()).toMatchObject({
        ok: false,
        firstBadSeq: 6,
        problem: {
          kind: 'edited',
          seq: 6,
          message: expect.stringMatching(/^Seq 6 \(event evt-\d+\) was edited/),
        },
      });
    });

    it('catches an event inserted in the middle with a plausible hash', async () => {
      await seedTrail();
      const [fifth] = (await store().audit.listEvents({ fromSeq: 5, toSeq: 5, limit: 1 })).events;
      const forged = { ...buildAuditEvent({ deltaCents: 1_000_000 }), seq: 6, prevHash: fifth?.hash ?? '' };
      await (
        await attackAuditLog(store())
      ).insertEventAt(6, { ...forged, hash: chainHash(forged.prevHash, forged) });

      expect((await verify()).problem).toMatchObject({
        kind: 'inserted',
        seq: 6,
        message: expect.stringContaining('Seq 6 was inserted'),
      });
    });

    it('catches an event inserted in the middle with a made-up hash', async () => {
      await seedTrail();
      const forged = { ...buildAuditEvent(), seq: 6, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) };
      await (await attackAuditLog(store())).insertEventAt(6, forged);

      expect(await verify()).toMatchObject({ firstBadSeq: 6, problem: { kind: 'inserted', seq: 6 } });
    });

    it('catches a deleted event', async () => {
      await seedTrail();
      await (await attackAuditLog(store())).deleteEvents(6, 6);

      expect((await verify()).problem).toMatchObject({
        kind: 'deleted',
        seq: 6,
        message: expect.stringContaining('Seq 6 is missing and seq 7 does not link to seq 5'),
      });
    });

    it('catches two events swapped', async () => {
      await seedTrail();
      await (await attackAuditLog(store())).swapEvents(6, 7);

      expect((await verify()).problem).toMatchObject({
        kind: 'reordered',
        seq: 6,
        message: expect.stringContaining('Seqs 6 and 7 were swapped'),
      });
    });

    it('catches a truncated tail against the chain head', async () => {
      await seedTrail();
      await (await attackAuditLog(store())).deleteEvents(11);

      expect(await verify()).toMatchObject({
        firstBadSeq: 11,
        problem: {
          kind: 'truncated',
          message: expect.stringContaining('chain head records 12 events up to seq 12'),
        },
      });
    });

    it('catches a truncated tail against the signed checkpoint when the head was rewritten too', async () => {
      await seedTrail();
      const attacker = await attackAuditLog(store());
      await attacker.deleteEvents(7);
      await attacker.fitHeadToEvents();

      expect((await verify()).problem).toMatchObject({
        kind: 'truncated',
        message: expect.stringContaining('The log ends at seq 6 with 6 events, but the checkpoint at seq 8'),
      });
    });

    it('catches a full recomputation through the signed checkpoint it contradicts', async () => {
      await seedTrail();
      const attacker = await attackAuditLog(store());
      await attacker.editEvent(6, { delta: 1 });
      await attacker.recomputeFrom(6);

      const result = await verify();
      expect(result).toMatchObject({ ok: false, firstBadSeq: 5, checkpointsChecked: 1 });
      expect(result.problem).toMatchObject({ kind: 'recomputed', seq: 8 });
      expect(result.problem?.message).toMatch(
        /contradicts the checkpoint at seq 8 .*an event in seq 5–8 was altered.*cannot be pinpointed/,
      );
    });

    it('catches a recomputation whose stored checkpoints were deleted, against the copy kept outside', async () => {
      const kept = await seedTrail();
      const attacker = await attackAuditLog(store());
      await attacker.editEvent(2, { new_value: '0.00' });
      await attacker.recomputeFrom(2);
      await attacker.deleteCheckpoints();

      // The database alone now tells a consistent story; the external lines are what give it away.
      expect(await verify()).toMatchObject({ ok: true, checkpointsChecked: 0 });
      expect((await verify(kept)).problem).toMatchObject({
        kind: 'recomputed',
        seq: 4,
        message: expect.stringContaining('external copy'),
      });
    });

    it('catches a stored checkpoint altered to fit a recomputed chain', async () => {
      await seedTrail();
      const attacker = await attackAuditLog(store());
      await attacker.editEvent(6, { delta: 1 });
      await attacker.recomputeFrom(6);
      const [eighth] = (await store().audit.listEvents({ fromSeq: 8, toSeq: 8, limit: 1 })).events;
      await attacker.editCheckpoint(8, { head_hash: eighth?.hash ?? '' });

      expect(await verify()).toMatchObject({
        firstBadSeq: null,
        problem: { kind: 'bad-signature', seq: 8, message: expect.stringContaining('does not verify') },
      });
    });

    it('catches a checkpoint signed by another key', async () => {
      await seedTrail();
      const intruder = ed25519SignerFromPrivateKey(generateSigningKey().privateKeyPem);
      await signAuditCheckpoint(store().audit, intruder, { runId: null, now: new Date() });

      expect((await verify()).problem).toMatchObject({
        kind: 'unknown-key',
        seq: 12,
        message: expect.stringContaining(`signed by key ${intruder.keyId}`),
      });
    });
  });
}
