import type { Command } from 'commander';
import { buildHealthChecks } from '../app/build-health-checks.js';
import { ExitCode } from '../domain/app-error.js';
import { runHealthChecks } from '../services/run-health-checks.js';
import { commandContext } from './cli-context.js';

export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description(
      'Check configuration, database and migrations, Smartsheet access, mail, backups, the job queue (failed jobs) and what `init` set up (files, sheets, admin, webhooks); exit 1 on any FAIL',
    )
    .option('--json', 'print the results as JSON')
    .action(async (options: { json?: boolean }) => {
      const { config } = commandContext();
      const report = await runHealthChecks(buildHealthChecks(config));
      if (options.json) {
        process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
      } else {
        for (const result of report.results) {
          const label = !result.ok ? 'FAIL' : result.warning ? 'WARN' : 'OK  ';
          process.stdout.write(`${label}  ${result.name.padEnd(10)} ${result.detail}\n`);
          for (const line of result.lines ?? []) process.stdout.write(`      ${''.padEnd(10)}   ${line}\n`);
          if (result.hint) process.stdout.write(`      ${''.padEnd(10)} → ${result.hint}\n`);
        }
      }
      process.exitCode = report.ok ? ExitCode.OK : ExitCode.FAILURE;
    });
}
