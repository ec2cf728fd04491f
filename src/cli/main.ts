// The `ledgerline` command line. Each command lives in its own file and only parses, authorises
// and calls; errors become one clear message on stderr and the exit code from the error table.
import { Command, CommanderError } from 'commander';
import { LogScrubber } from '../adapters/log/scrub-log-value.js';
import { toAppError } from '../domain/app-error.js';
import { openStore } from '../adapters/store/index.js';
import { loadCheckpointVerifier } from '../app/audit-verifier.js';
import { registerAccessReviewCommand } from './access-review-command.js';
import { registerAuditCommand } from './audit-command.js';
import { registerAuditExportCommand } from './audit-export-command.js';
import { registerBackupCommand } from './backup-command.js';
import { commandContext } from './cli-context.js';
import { registerConfigCommand } from './config-command.js';
import { registerDbCommand } from './db-command.js';
import { registerDemoCommand } from './demo-command.js';
import { registerEmulatorCommand } from './emulator-command.js';
import { registerInitCommand } from './init-command.js';
import { registerDoctorCommand } from './doctor-command.js';
import { registerLockCommands } from './lock-command.js';
import { registerRestoreCommand } from './restore-command.js';
import { registerModelCommand } from './model-command.js';
import { registerRunCommand } from './run-command.js';
import { registerServeCommand } from './serve-command.js';
import { registerWorkerCommand } from './worker-command.js';
import { registerUsersCommand } from './users-command.js';
import { registerWebhooksCommand } from './webhooks-command.js';

export function buildProgram(): Command {
  const program = new Command('ledgerline')
    .description(
      'Audits Smartsheet billing sheets, publishes weekly Work Request reports and alerts on changes.',
    )
    .version('0.1.0')
    .showHelpAfterError()
    .exitOverride();
  registerDemoCommand(program);
  registerInitCommand(program);
  registerRunCommand(program);
  registerServeCommand(program);
  registerWorkerCommand(program);
  registerWebhooksCommand(program);
  registerDoctorCommand(program);
  const openAuditStore = async () => {
    const { config, logger } = commandContext();
    const store = await openStore(config.database.location, { logger });
    return { audit: store.audit, close: () => store.close() };
  };
  const audit = registerAuditCommand(program, {
    openAuditStore,
    loadVerifier: () => loadCheckpointVerifier(commandContext().config),
  });
  registerAuditExportCommand(audit, openAuditStore);
  registerModelCommand(program);
  registerAccessReviewCommand(program);
  registerUsersCommand(program);
  registerBackupCommand(program);
  registerRestoreCommand(program);
  registerLockCommands(program);
  registerDbCommand(program);
  registerConfigCommand(program);
  registerEmulatorCommand(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander.
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    const appError = toAppError(error);
    // Messages and stacks can quote URLs or values; the logger's scrubber masks credentials in them.
    const scrubber = new LogScrubber();
    process.stderr.write(`ledgerline: ${scrubber.scrubString(appError.toUserMessage())}\n`);
    if (appError.code === 'INTERNAL' && appError.cause instanceof Error && appError.cause.stack) {
      process.stderr.write(`${scrubber.scrubString(appError.cause.stack)}\n`);
    }
    process.exitCode = appError.exitCode;
  }
}

await main(process.argv);
