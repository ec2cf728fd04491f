import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from './audit-chain.js';
import {
  checkpointId,
  checkpointMessage,
  formatCheckpointText,
  parseCheckpointLines,
  parseCheckpointText,
  type SignedCheckpoint,
} from './audit-checkpoint.js';

const HEAD = 'ab'.repeat(32);

function buildCheckpoint(overrides: Partial<SignedCheckpoint> = {}): SignedCheckpoint {
  return {
    seq: 120,
    eventCount: 118,
    headHash: HEAD,
    runId: 'run-2025-08-18T14:00',
    createdAt: '2025-08-18T14:05:00.000Z',
    keyId: '0123456789abcdef',
    signature: Buffer.alloc(64, 7).toString('base64'),
    ...overrides,
  };
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('checkpointMessage', () => {
  it('is a labelled, versioned line per field', () => {
    expect(text(checkpointMessage(buildCheckpoint()))).toBe(
      [
        'ledgerline-audit-checkpoint',
        'version=1',
        'seq=120',
        'count=118',
        `head=${HEAD}`,
        'run="run-2025-08-18T14:00"',
        'created=2025-08-18T14:05:00.000Z',
      ].join('\n'),
    );
  });

  it('is the same for the same instant however it is spelled, and differs for every field', () => {
    const base = checkpointMessage(buildCheckpoint());
    expect(checkpointMessage(buildCheckpoint({ createdAt: '2025-08-18T09:05:00-05:00' }))).toEqual(base);
    for (const change of [
      { seq: 121 },
      { eventCount: 117 },
      { headHash: 'cd'.repeat(32) },
      { runId: null },
      { runId: 'run-2025-08-18T14:00\ncount=1' },
      { createdAt: '2025-08-18T14:05:00.001Z' },
    ]) {
      expect(checkpointMessage(buildCheckpoint(change))).not.toEqual(base);
    }
  });

  it('signs the empty chain at seq 0', () => {
    expect(
      text(checkpointMessage(buildCheckpoint({ seq: 0, eventCount: 0, headHash: GENESIS_HASH }))),
    ).toContain('seq=0\ncount=0');
  });

  it.each([
    [{ seq: -1 }, /seq must be a non-negative integer/],
    [{ seq: 1.5 }, /seq must be a non-negative integer/],
    [{ eventCount: 121 }, /eventCount 121 exceeds its seq 120/],
    [{ headHash: 'AB'.repeat(32) }, /headHash must be 64 lowercase hex/],
    [{ createdAt: 'yesterday' }, /Not an ISO-8601 instant/],
  ])('refuses %j', (change, error) => {
    expect(() => checkpointMessage(buildCheckpoint(change))).toThrow(error);
  });
});

describe('checkpoint text', () => {
  it('round-trips, including a run id with spaces and no run id at all', () => {
    for (const checkpoint of [
      buildCheckpoint(),
      buildCheckpoint({ runId: 'manual run = 2 %' }),
      buildCheckpoint({ runId: null }),
      buildCheckpoint({ runId: '' }),
    ]) {
      expect(parseCheckpointText(formatCheckpointText(checkpoint))).toEqual(checkpoint);
    }
  });

  it('reads as one line an operator can keep', () => {
    expect(formatCheckpointText(buildCheckpoint({ runId: null }))).toBe(
      `ledgerline-checkpoint v1 seq=120 count=118 head=${HEAD} at=2025-08-18T14:05:00.000Z key=0123456789abcdef sig=${buildCheckpoint().signature}`,
    );
  });

  it('reads a line pasted with text around it, and every marked line of a file', () => {
    const line = formatCheckpointText(buildCheckpoint());
    expect(parseCheckpointText(`Audit checkpoint: ${line}  `)).toEqual(buildCheckpoint());
    const file = `# kept copies\n${line}\n\n${formatCheckpointText(buildCheckpoint({ seq: 130 }))}\r\n`;
    expect(parseCheckpointLines(file).map((c) => c.seq)).toEqual([120, 130]);
  });

  it.each([
    ['seq=12 count=1', /"ledgerline-checkpoint" not found/],
    ['ledgerline-checkpoint v2 seq=1', /unsupported version "v2"/],
    ['ledgerline-checkpoint v1 seq=1 seq=2', /"seq" appears twice/],
    ['ledgerline-checkpoint v1 colour=red', /unknown field "colour"/],
    ['ledgerline-checkpoint v1 seq', /"seq" has no value/],
    [
      `ledgerline-checkpoint v1 seq=x count=1 head=${HEAD} at=2025-08-18T14:05:00Z key=0123456789abcdef sig=AA==`,
      /seq=x is not a whole number/,
    ],
    [
      `ledgerline-checkpoint v1 seq=1 count=1 head=${HEAD} at=2025-08-18T14:05:00Z key=0123456789abcdef`,
      /"sig=" is missing/,
    ],
    [
      `ledgerline-checkpoint v1 seq=1 count=1 head=${HEAD} at=2025-08-18T14:05:00Z key=XYZ sig=AA==`,
      /key= must be 16/,
    ],
    [
      `ledgerline-checkpoint v1 seq=1 count=1 head=${HEAD} at=2025-08-18T14:05:00Z key=0123456789abcdef sig=A`,
      /sig= is not base64/,
    ],
    [
      `ledgerline-checkpoint v1 seq=1 count=2 head=${HEAD} at=2025-08-18T14:05:00Z key=0123456789abcdef sig=AA==`,
      /eventCount 2 exceeds/,
    ],
  ])('names what is wrong in %s', (line, message) => {
    expect(() => parseCheckpointText(line)).toThrow(message);
  });

  it('names the line of a file that does not parse', () => {
    const file = `${formatCheckpointText(buildCheckpoint())}\nledgerline-checkpoint v1 seq=oops`;
    expect(() => parseCheckpointLines(file)).toThrow(/^Line 2: Not a valid checkpoint line/);
  });

  it('identifies a checkpoint by seq and key', () => {
    expect(checkpointId(buildCheckpoint())).toBe('120/0123456789abcdef');
  });
});
