import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError, ErrorCode, ExitCode } from '../domain/app-error.js';
import { parseCheckpointLines } from '../domain/audit-checkpoint.js';
import type { AuditCheckpoint, AuditStore } from '../ports/audit-store.js';
import type { CheckpointVerifier } from '../ports/checkpoint-signer.js';
import { verifyAuditTrail, type AuditTrailVerification } from '../services/verify-audit-trail.js';

/** What `audit` needs from the composition root: the store and the public key(s) from config. */
export interface AuditCommandDeps {
  readonly openAuditStore: () => Promise<{ audit: AuditStore; close(): Promise<void> }>;
  /** Several verifiers after a key rotation: checkpoints by any of them count. */
  readonly loadVerifier: () => Promise<CheckpointVerifier | readonly CheckpointVerifier[]>;
}

interface VerifyOptions {
  readonly checkpoints?: string;
  readonly json?: boolean;
}

/** Registers `audit verify`. Exit code 0 when the trail verifies, 1 when it does not. */
export function registerAuditCommand(program: Command, deps: AuditCommandDeps): Command {
  const audit = program.command('audit').description('Audit log operations');
  audit
    .command('verify')
    .description(
      'Check every audit event against the hash chain, the signed checkpoints and the chain head; name the first place it was changed',
    )
    .option(
      '--checkpoints <file>',
      'also check the checkpoint lines kept outside the database (audit sheet export, saved alert e-mails)',
    )
    .option('--json', 'print the verification result as JSON')
    .action(async (options: VerifyOptions) => {
      // Read the external copy and the key before opening the store: a typo fails fast.
      const externalCheckpoints = options.checkpoints ? await readCheckpointFile(options.checkpoints) : [];
      const verifier = await deps.loadVerifier();
      const store = await deps.openAuditStore();
      let result: AuditTrailVerification;
      try {
        result = await verifyAuditTrail(store.audit, verifier, { externalCheckpoints });
      } finally {
        await store.close();
      }
      process.stdout.write(
        options.json ? `${JSON.stringify(result, null, 2)}\n` : describeVerification(result),
      );
      process.exitCode = result.ok ? ExitCode.OK : ExitCode.FAILURE;
    });
  return audit;
}

async function readCheckpointFile(file: string): Promise<AuditCheckpoint[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new AppError(ErrorCode.INPUT_INVALID, `Cannot read the checkpoints file ${file}`, { cause: error });
  }
  const checkpoints = parseCheckpointLines(text);
  if (checkpoints.length === 0) {
    throw new AppError(ErrorCode.INPUT_INVALID, `The checkpoints file ${file} holds no checkpoint line`, {
      hint: 'Each kept line starts with "ledgerline-checkpoint v1".',
    });
  }
  return checkpoints;
}

const plural = (count: number, noun: string) =>
  `${count.toLocaleString('en-US')} ${noun}${count === 1 ? '' : 's'}`;

/** A verification result for a person at a terminal. */
export function describeVerification(result: AuditTrailVerification): string {
  const checked = `${plural(result.eventCount, 'event')} verified, ${plural(result.checkpointsChecked, 'signed checkpoint')} matched`;
  if (!result.ok && result.problem) {
    const where = result.problem.seq === undefined ? '' : ` at seq ${result.problem.seq}`;
    return [
      `Audit trail FAILED: ${result.problem.kind}${where}`,
      `  ${result.problem.message}`,
      `  ${checked} before the problem.`,
      '',
    ].join('\n');
  }
  const lines = [`Audit trail OK: ${checked}.`];
  if (result.signedThroughSeq === null) {
    lines.push(
      '  No signed checkpoint covers the log: a rewrite that recomputes every hash would go unnoticed.',
    );
  } else if (result.eventsAfterLastCheckpoint > 0) {
    const later = result.eventsAfterLastCheckpoint;
    lines.push(
      `  Signed through seq ${result.signedThroughSeq}; ${plural(later, 'later event')} ${later === 1 ? 'is' : 'are'} covered by the hash chain and head only, until the next checkpoint.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
