import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAuditEvent } from '../../test/support/store-records.js';
import { GENESIS_HASH, chainHash, type ChainedAuditEvent } from './audit-chain.js';
import {
  AuditTrailWalk,
  type AuditTrailVerdict,
  type CheckpointToCheck,
  type RecordedChainHead,
} from './audit-trail-walk.js';

/** Links events into a chain from `prevHash`, keeping their seqs: what a recomputing attacker does. */
function link(records: readonly ChainedAuditEvent[], prevHash = GENESIS_HASH): ChainedAuditEvent[] {
  return records.map((record) => {
    const hash = chainHash(prevHash, record);
    const linked = { ...record, prevHash, hash };
    prevHash = hash;
    return linked;
  });
}

function buildChain(length: number): ChainedAuditEvent[] {
  return link(
    Array.from({ length }, (_, index) => ({
      ...buildAuditEvent(),
      seq: index + 1,
      prevHash: '',
      hash: '',
    })),
  );
}

function headOf(events: readonly ChainedAuditEvent[]): RecordedChainHead {
  const last = events.at(-1);
  return { eventCount: events.length, headSeq: last?.seq ?? null, headHash: last?.hash ?? GENESIS_HASH };
}

function checkpointAt(events: readonly ChainedAuditEvent[], seq: number): CheckpointToCheck {
  const upTo = events.filter((event) => event.seq <= seq);
  return {
    checkpoint: {
      seq,
      eventCount: upTo.length,
      headHash: upTo.at(-1)?.hash ?? GENESIS_HASH,
      runId: `run-${seq}`,
      createdAt: '2025-08-18T14:00:00.000Z',
      keyId: '0123456789abcdef',
      signature: 'c2ln',
    },
    signature: 'valid',
    source: 'stored',
  };
}

function walk(
  events: readonly ChainedAuditEvent[],
  checkpoints: readonly CheckpointToCheck[],
  head: RecordedChainHead,
): AuditTrailVerdict {
  const trail = new AuditTrailWalk(checkpoints);
  for (const event of events) if (!trail.push(event)) break;
  return trail.finish(head);
}

const at = (events: readonly ChainedAuditEvent[], seq: number): ChainedAuditEvent => {
  const event = events.find((candidate) => candidate.seq === seq);
  if (!event) throw new Error(`no seq ${seq}`);
  return event;
};
const renumber = (events: readonly ChainedAuditEvent[]) =>
  events.map((event, index) => ({ ...event, seq: index + 1 }));

describe('AuditTrailWalk', () => {
  const original = buildChain(10);
  const signed = [checkpointAt(original, 4), checkpointAt(original, 8)];
  const head = headOf(original);

  it('passes a clean chain and reports how much of it is signed', () => {
    expect(walk(original, signed, head)).toEqual({
      ok: true,
      eventCount: 10,
      checkpointsChecked: 2,
      firstBadSeq: null,
      problem: null,
      signedThroughSeq: 8,
      eventsAfterLastCheckpoint: 2,
      seqGaps: 0,
    });
  });

  it('passes the empty chain, with a checkpoint of it at seq 0', () => {
    expect(walk([], [checkpointAt([], 0)], headOf([]))).toMatchObject({
      ok: true,
      eventCount: 0,
      checkpointsChecked: 1,
    });
  });

  it('accepts a seq gap whose hash link is intact (a rolled-back append on Postgres)', () => {
    const gapped = original.map((event) => (event.seq > 5 ? { ...event, seq: event.seq + 3 } : event));
    const verdict = walk(gapped, [checkpointAt(gapped, 4), checkpointAt(gapped, 11)], headOf(gapped));
    expect(verdict).toMatchObject({ ok: true, seqGaps: 1, checkpointsChecked: 2 });
  });

  it('names an edited event', () => {
    const edited = original.map((event) => (event.seq === 6 ? { ...event, deltaCents: 1 } : event));
    expect(walk(edited, signed, head)).toMatchObject({
      ok: false,
      eventCount: 5,
      firstBadSeq: 6,
      problem: { kind: 'edited', seq: 6, message: expect.stringContaining('Seq 6') },
    });
  });

  it('names an edited last event and an event whose prev hash was edited', () => {
    const lastEdited = original.map((event) => (event.seq === 10 ? { ...event, newValue: 'x' } : event));
    expect(walk(lastEdited, signed, head).problem).toMatchObject({ kind: 'edited', seq: 10 });
    const relinked = original.map((event) =>
      event.seq === 3 ? { ...event, prevHash: 'f'.repeat(64) } : event,
    );
    expect(walk(relinked, signed, head).problem).toMatchObject({ kind: 'edited', seq: 3 });
  });

  it('names an inserted event, with or without a plausible hash', () => {
    const forged = { ...buildAuditEvent(), seq: 0, prevHash: '', hash: '' };
    const plausible = {
      ...forged,
      prevHash: at(original, 5).hash,
      hash: chainHash(at(original, 5).hash, forged),
    };
    const wrongHash = { ...plausible, hash: 'e'.repeat(64) };
    const madeUp = { ...plausible, prevHash: 'd'.repeat(64), hash: 'e'.repeat(64) };
    for (const inserted of [plausible, wrongHash, madeUp]) {
      const events = renumber([...original.slice(0, 5), inserted, ...original.slice(5)]);
      expect(walk(events, signed, head)).toMatchObject({
        firstBadSeq: 6,
        problem: { kind: 'inserted', seq: 6, message: expect.stringContaining('Seq 6 was inserted') },
      });
    }
  });

  it('names a deleted event, also the first one and one hidden by renumbering', () => {
    const withoutSix = original.filter((event) => event.seq !== 6);
    expect(walk(withoutSix, signed, head).problem).toMatchObject({
      kind: 'deleted',
      seq: 6,
      message: expect.stringContaining('Seq 6 is missing'),
    });
    expect(walk(original.slice(1), signed, head).problem).toMatchObject({ kind: 'deleted', seq: 1 });
    expect(walk(renumber(withoutSix), signed, head).problem).toMatchObject({ kind: 'deleted', seq: 6 });
  });

  it('names swapped events, adjacent or not', () => {
    const swap = (a: number, b: number) =>
      original
        .map((event) => ({ ...event, seq: event.seq === a ? b : event.seq === b ? a : event.seq }))
        .sort((x, y) => x.seq - y.seq);
    expect(walk(swap(6, 7), signed, head).problem).toMatchObject({
      kind: 'reordered',
      seq: 6,
      message: expect.stringContaining('Seqs 6 and 7 were swapped'),
    });
    expect(walk(swap(3, 9), signed, head).problem).toMatchObject({
      kind: 'reordered',
      seq: 3,
      message: expect.stringContaining('the event that follows seq 2 is at seq 9'),
    });
  });

  it('names a truncated tail, against the head or against a checkpoint when the head was rewritten', () => {
    const afterLastCheckpoint = original.slice(0, 9);
    expect(walk(afterLastCheckpoint, signed, head)).toMatchObject({
      firstBadSeq: 10,
      problem: {
        kind: 'truncated',
        seq: 10,
        message: expect.stringContaining('records 10 events up to seq 10'),
      },
    });
    const throughCheckpoint = original.slice(0, 7);
    expect(walk(throughCheckpoint, signed, headOf(throughCheckpoint))).toMatchObject({
      firstBadSeq: 8,
      problem: { kind: 'truncated', seq: 8, message: expect.stringContaining('the checkpoint at seq 8') },
    });
  });

  it('catches a full recomputation with the checkpoint it contradicts and the range to search', () => {
    const rewritten = link(original.map((event) => (event.seq === 6 ? { ...event, deltaCents: 1 } : event)));
    const verdict = walk(rewritten, signed, headOf(rewritten));
    expect(verdict).toMatchObject({ ok: false, firstBadSeq: 5, checkpointsChecked: 1 });
    expect(verdict.problem).toMatchObject({ kind: 'recomputed', seq: 8 });
    expect(verdict.problem?.message).toMatch(
      /contradicts the checkpoint at seq 8 .*seq 5–8.*cannot be pinpointed/,
    );
  });

  it('catches a deletion relinked over a checkpointed event', () => {
    const relinked = link(original.filter((event) => event.seq !== 4));
    expect(walk(relinked, signed, headOf(relinked)).problem).toMatchObject({
      kind: 'recomputed',
      seq: 4,
      message: expect.stringContaining('which is no longer in the log'),
    });
  });

  it('catches a rewrite after the last checkpoint when the head row was left alone', () => {
    const rewritten = link(original.map((event) => (event.seq === 9 ? { ...event, deltaCents: 1 } : event)));
    expect(walk(rewritten, signed, head)).toMatchObject({
      firstBadSeq: 9,
      problem: { kind: 'recomputed', message: expect.stringContaining('seq 9–10') },
    });
    const relinked = link(original.filter((event) => event.seq !== 9));
    expect(walk(relinked, signed, head).problem).toMatchObject({
      kind: 'recomputed',
      message: expect.stringContaining('the log has 9 ending in'),
    });
  });

  it('catches events appended past the recorded head', () => {
    const extra = link([{ ...buildAuditEvent(), seq: 11, prevHash: '', hash: '' }], head.headHash);
    expect(walk([...original, ...extra], signed, head).problem).toMatchObject({ kind: 'inserted', seq: 11 });
  });

  it('fails a checkpoint whose signature or key does not check out, without blaming the events', () => {
    const forged: CheckpointToCheck = { ...checkpointAt(original, 4), signature: 'bad-signature' };
    expect(walk(original, [forged], head)).toMatchObject({
      firstBadSeq: null,
      problem: { kind: 'bad-signature', seq: 4, message: expect.stringContaining('does not verify') },
    });
    const foreign: CheckpointToCheck = { ...checkpointAt(original, 8), signature: 'unknown-key' };
    expect(walk(original, [...signed, foreign], head).problem).toMatchObject({ kind: 'unknown-key', seq: 8 });
  });

  it('never passes a chain with one event edited, deleted, inserted or moved anywhere', () => {
    const attacks = fc.oneof(
      fc.record({ kind: fc.constant('edit'), at: fc.nat() }),
      fc.record({ kind: fc.constant('delete'), at: fc.nat() }),
      fc.record({ kind: fc.constant('insert'), at: fc.nat() }),
      fc.record({ kind: fc.constant('move'), at: fc.nat(), to: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 2, max: original.length }), attacks, (length, attack) => {
        const chain = original.slice(0, length);
        const index = attack.at % length;
        let tampered: ChainedAuditEvent[];
        if (attack.kind === 'edit') {
          tampered = chain.map((event, i) => (i === index ? { ...event, deltaCents: -1 } : event));
        } else if (attack.kind === 'delete') {
          tampered = renumber(chain.filter((_, i) => i !== index));
        } else if (attack.kind === 'insert') {
          const forged = { ...buildAuditEvent(), seq: 0, prevHash: chain[index]?.prevHash ?? '', hash: '' };
          tampered = renumber([
            ...chain.slice(0, index),
            { ...forged, hash: chainHash(forged.prevHash, forged) },
            ...chain.slice(index),
          ]);
        } else {
          const to = (attack.to ?? 0) % length;
          if (to === index) return;
          const moved = chain.filter((_, i) => i !== index);
          moved.splice(to, 0, chain[index] as ChainedAuditEvent);
          tampered = renumber(moved);
        }
        // The attacker rewrites the head too; only the signed checkpoint at the end is out of reach.
        const verdict = walk(tampered, [checkpointAt(chain, length)], headOf(tampered));
        expect(verdict.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });
});
