import { describe, expect, it } from 'vitest';
import { buildAuditEvent } from '../../test/support/store-records.js';
import { backends, useTestStore } from '../../test/support/test-databases.js';
import {
  ed25519SignerFromPrivateKey,
  ed25519VerifierFromPublicKey,
  generateSigningKey,
} from '../adapters/signing/ed25519-signer.js';
import type { AuditStore } from '../ports/audit-store.js';
import { signAuditCheckpoint } from './sign-audit-checkpoint.js';
import { verifyAuditTrail } from './verify-audit-trail.js';

const oldKey = generateSigningKey();
const newKey = generateSigningKey();
const oldSigner = ed25519SignerFromPrivateKey(oldKey.privateKeyPem);
const newSigner = ed25519SignerFromPrivateKey(newKey.privateKeyPem);
const verifier = ed25519VerifierFromPublicKey(newKey.publicKeyPem);
const now = new Date('2025-08-18T14:05:00.000Z');

const events = (count: number) => Array.from({ length: count }, () => buildAuditEvent());

for (const backend of backends) {
  describe.skipIf(backend.skipReason)(`verifyAuditTrail on ${backend.dialect}`, () => {
    const store = useTestStore(backend);

    it('passes an empty log', async () => {
      expect(await verifyAuditTrail(store().audit, verifier)).toMatchObject({ ok: true, eventCount: 0 });
    });

    it('passes a log with a rolled-back append behind it (Postgres leaves a seq gap there)', async () => {
      const [first] = await store().audit.appendEvents(events(1));
      const conflicting = { ...buildAuditEvent(), eventId: first?.eventId ?? '' };
      await expect(store().audit.appendEvents([buildAuditEvent(), conflicting])).rejects.toThrow();
      await store().audit.appendEvents(events(2));
      await signAuditCheckpoint(store().audit, newSigner, { runId: null, now });

      const result = await verifyAuditTrail(store().audit, verifier);
      expect(result).toMatchObject({ ok: true, eventCount: 3, checkpointsChecked: 1 });
      expect(result.seqGaps).toBe(backend.dialect === 'postgres' ? 1 : 0);
    });

    it('checks checkpoints of a rotated key against every key it is given', async () => {
      await store().audit.appendEvents(events(3));
      await signAuditCheckpoint(store().audit, oldSigner, { runId: null, now });
      await store().audit.appendEvents(events(3));
      await signAuditCheckpoint(store().audit, newSigner, { runId: null, now });

      const both = [ed25519VerifierFromPublicKey(oldKey.publicKeyPem), verifier];
      expect(await verifyAuditTrail(store().audit, both)).toMatchObject({ ok: true, checkpointsChecked: 2 });
      expect((await verifyAuditTrail(store().audit, verifier)).problem).toMatchObject({
        kind: 'unknown-key',
        seq: 3,
        message: expect.stringContaining(`known keys: ${newKey.keyId}`),
      });
    });

    it('counts an external copy of a stored checkpoint once, and checks one the database lacks', async () => {
      await store().audit.appendEvents(events(2));
      const { checkpoint } = await signAuditCheckpoint(store().audit, newSigner, { runId: null, now });
      await store().audit.appendEvents(events(2));
      const outside = await signAuditCheckpoint(offTheBooks(store().audit), newSigner, { runId: null, now });

      const result = await verifyAuditTrail(store().audit, verifier, {
        externalCheckpoints: [checkpoint, outside.checkpoint],
      });
      expect(result).toMatchObject({ ok: true, checkpointsChecked: 2, signedThroughSeq: 4 });
    });

    it('follows events appended while it walks instead of calling the log truncated', async () => {
      await store().audit.appendEvents(events(7));
      await signAuditCheckpoint(store().audit, newSigner, { runId: null, now });
      const limits: number[] = [];
      let appendedDuringWalk = false;
      const busy: AuditStore = {
        ...store().audit,
        async listEvents(query) {
          limits.push(query.limit);
          const page = await store().audit.listEvents(query);
          if (page.nextSeq === null && !appendedDuringWalk) {
            appendedDuringWalk = true;
            await store().audit.appendEvents(events(2));
          }
          return page;
        },
      };

      const result = await verifyAuditTrail(busy, verifier, { pageSize: 3 });

      expect(result).toMatchObject({ ok: true, eventCount: 9, eventsAfterLastCheckpoint: 2 });
      expect(Math.max(...limits)).toBe(3);
    });
  });
}

/** The audit store, except that checkpoints are not stored: as if the only copy were kept outside. */
function offTheBooks(audit: AuditStore): AuditStore {
  return { ...audit, appendCheckpoint: async () => undefined, listCheckpoints: async () => [] };
}
