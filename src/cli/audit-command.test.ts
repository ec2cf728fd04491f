import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command } from 'commander';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { attackAuditLog } from '../../test/audit/audit-attacker.js';
import { buildAuditEvent } from '../../test/support/store-records.js';
import { useTestStore } from '../../test/support/test-databases.js';
import {
  ed25519SignerFromPrivateKey,
  ed25519VerifierFromPublicKey,
  generateSigningKey,
} from '../adapters/signing/ed25519-signer.js';
import { signAuditCheckpoint } from '../services/sign-audit-checkpoint.js';
import { registerAuditCommand } from './audit-command.js';

const key = generateSigningKey();
const signer = ed25519SignerFromPrivateKey(key.privateKeyPem);

describe('ledgerline audit verify', () => {
  const store = useTestStore({ dialect: 'sqlite', skipReason: undefined });
  let output = '';
  let folder = '';
  let closed = 0;

  beforeEach(async () => {
    output = '';
    closed = 0;
    folder = await mkdtemp(path.join(os.tmpdir(), 'ledgerline-audit-cli-'));
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output += String(chunk);
      return true;
    });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    process.exitCode = undefined;
    await rm(folder, { recursive: true, force: true });
  });

  /** Runs `ledgerline …args` in-process against the test store, verifying with the public key only. */
  async function ledgerline(...args: string[]): Promise<number> {
    const program = new Command('ledgerline').exitOverride();
    registerAuditCommand(program, {
      openAuditStore: async () => ({ audit: store().audit, close: async () => void (closed += 1) }),
      loadVerifier: async () => ed25519VerifierFromPublicKey(key.publicKeyPem),
    });
    process.exitCode = undefined;
    await program.parseAsync(['node', 'ledgerline', ...args]);
    return Number(process.exitCode ?? 0);
  }

  async function seed(): Promise<string> {
    await store().audit.appendEvents(Array.from({ length: 5 }, () => buildAuditEvent()));
    const { text } = await signAuditCheckpoint(store().audit, signer, { runId: 'run-1', now: new Date() });
    await store().audit.appendEvents([buildAuditEvent()]);
    return text;
  }

  it('prints OK with the counts and exits 0', async () => {
    await seed();
    expect(await ledgerline('audit', 'verify')).toBe(0);
    expect(output).toBe(
      'Audit trail OK: 6 events verified, 1 signed checkpoint matched.\n' +
        '  Signed through seq 5; 1 later event is covered by the hash chain and head only, until the next checkpoint.\n',
    );
    expect(closed).toBe(1);
  });

  it('prints FAIL with the problem and exits 1', async () => {
    await seed();
    await (await attackAuditLog(store())).editEvent(3, { old_value: '0.00' });

    expect(await ledgerline('audit', 'verify')).toBe(1);
    expect(output).toMatch(/^Audit trail FAILED: edited at seq 3\n {2}Seq 3 \(event evt-\d+\) was edited/);
    expect(output).toContain('2 events verified, 0 signed checkpoints matched before the problem.');
  });

  it('checks the checkpoint lines kept outside the database, and prints JSON on request', async () => {
    const line = await seed();
    const attacker = await attackAuditLog(store());
    await attacker.editEvent(2, { delta: 1 });
    await attacker.recomputeFrom(2);
    await attacker.deleteCheckpoints();
    const kept = path.join(folder, 'checkpoints.txt');
    await writeFile(kept, `From the 18 Aug alert e-mail:\n${line}\n`);

    expect(await ledgerline('audit', 'verify', '--checkpoints', kept, '--json')).toBe(1);
    expect(JSON.parse(output)).toMatchObject({ ok: false, problem: { kind: 'recomputed', seq: 5 } });
  });

  it('refuses a checkpoints file without checkpoint lines before opening the store', async () => {
    const empty = path.join(folder, 'empty.txt');
    await writeFile(empty, 'nothing kept here\n');

    await expect(ledgerline('audit', 'verify', '--checkpoints', empty)).rejects.toMatchObject({
      code: 'INPUT_INVALID',
      message: expect.stringContaining('holds no checkpoint line'),
    });
    expect(closed).toBe(0);
  });
});
