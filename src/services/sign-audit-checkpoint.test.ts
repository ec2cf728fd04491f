import { describe, expect, it } from 'vitest';
import { attackAuditLog } from '../../test/audit/audit-attacker.js';
import { buildAuditEvent } from '../../test/support/store-records.js';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import {
  ed25519SignerFromPrivateKey,
  ed25519VerifierFromPublicKey,
  generateSigningKey,
} from '../adapters/signing/ed25519-signer.js';
import { GENESIS_HASH } from '../domain/audit-chain.js';
import { checkpointMessage, parseCheckpointText } from '../domain/audit-checkpoint.js';
import { signAuditCheckpoint } from './sign-audit-checkpoint.js';

const key = generateSigningKey();
const signer = ed25519SignerFromPrivateKey(key.privateKeyPem);
const now = new Date('2025-08-18T14:05:00.000Z');

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`signAuditCheckpoint on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('signs and stores the chain head, and gives a text line that carries the whole checkpoint', async () => {
      const appended = await store().audit.appendEvents([buildAuditEvent(), buildAuditEvent()]);

      const result = await signAuditCheckpoint(store().audit, signer, { runId: 'run 7', now });

      expect(result.created).toBe(true);
      expect(result.checkpoint).toMatchObject({
        seq: 2,
        eventCount: 2,
        headHash: appended[1]?.hash,
        runId: 'run 7',
        createdAt: '2025-08-18T14:05:00.000Z',
        keyId: key.keyId,
      });
      expect(await store().audit.listCheckpoints()).toEqual([result.checkpoint]);
      expect(parseCheckpointText(result.text)).toEqual(result.checkpoint);
      const verifier = ed25519VerifierFromPublicKey(key.publicKeyPem);
      const signature = Buffer.from(result.checkpoint.signature, 'base64');
      expect(verifier.verify(checkpointMessage(result.checkpoint), signature)).toBe(true);
    });

    it('returns the existing checkpoint while the chain has not moved, even when asked twice at once', async () => {
      await store().audit.appendEvents([buildAuditEvent()]);
      const [first, second] = await Promise.all([
        signAuditCheckpoint(store().audit, signer, { runId: 'run-1', now }),
        signAuditCheckpoint(store().audit, signer, { runId: 'run-2', now }),
      ]);
      expect(second?.checkpoint).toEqual(first?.checkpoint);
      expect([first?.created, second?.created].sort()).toEqual([false, true]);

      await store().audit.appendEvents([buildAuditEvent()]);
      const later = await signAuditCheckpoint(store().audit, signer, { runId: 'run-3', now });
      expect(later).toMatchObject({ created: true, checkpoint: { seq: 2 } });
      expect(await store().audit.listCheckpoints()).toHaveLength(2);
    });

    it('signs the empty chain at seq 0', async () => {
      const { checkpoint } = await signAuditCheckpoint(store().audit, signer, { runId: null, now });
      expect(checkpoint).toMatchObject({ seq: 0, eventCount: 0, headHash: GENESIS_HASH, runId: null });
    });

    it('refuses to vouch for a head the stored events do not back', async () => {
      await store().audit.appendEvents([buildAuditEvent(), buildAuditEvent()]);
      await (await attackAuditLog(store())).editEvent(2, { hash: 'f'.repeat(64) });

      await expect(signAuditCheckpoint(store().audit, signer, { runId: null, now })).rejects.toMatchObject({
        code: 'CHECKS_FAILED',
        message: expect.stringContaining('seq 2'),
      });
      expect(await store().audit.listCheckpoints()).toEqual([]);
    });
  });
}
