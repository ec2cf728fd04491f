// `ledgerline backup` and its subcommands (issue #9): make a backup (with its restore drill and
// pruning), list the backups table, verify a backup's files, prune by the retention policy.
import type { Command } from 'commander';
import { backupToolsFor, openBackupKit } from '../app/backup-kit.js';
import { describeBackup } from '../app/backup-summary.js';
import { ExitCode } from '../domain/app-error.js';
import { pruneBackups } from '../services/prune-backups.js';
import { verifyBackup, type BackupVerification } from '../services/verify-backup.js';
import { commandContext } from './cli-context.js';

const print = (text: string) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
const json = (value: unknown) => print(JSON.stringify(value, null, 2));

function describeVerification(result: BackupVerification): string {
  const lines = [
    `Backup ${result.backupId} ${result.ok ? 'OK' : 'FAILED'}: ${result.files.filter((f) => f.ok).length} of ${result.files.length} files match the manifest; chain head ${result.chainHead}.`,
  ];
  for (const problem of result.problems) lines.push(`  ${problem}`);
  return `${lines.join('\n')}\n`;
}

export function registerBackupCommand(program: Command): void {
  const backup = program
    .command('backup')
    .description('Back up the store and sheet snapshots, verify and prune backups (`backup --help`)');

  backup
    .command('create', { isDefault: true })
    .description(
      'Make a backup now, restore-drill it, then prune by the retention policy; exit 1 unless verified',
    )
    .option('--json', 'print the outcome as JSON')
    .action(async (options: { json?: boolean }) => {
      const { config, logger } = commandContext();
      const kit = await openBackupKit(config, logger);
      try {
        const outcome = await kit.runBackup();
        if (options.json) json(outcome);
        else {
          print(describeBackup(outcome.record));
          if (outcome.error) print(`Backup not verified: ${outcome.error}`);
          if (outcome.prune && outcome.prune.pruned.length > 0)
            print(`Pruned ${outcome.prune.pruned.length} old backup(s).`);
        }
        process.exitCode = outcome.ok ? ExitCode.OK : ExitCode.FAILURE;
      } finally {
        await kit.close();
      }
    });

  backup
    .command('list')
    .description('List backups, latest first: status, size, duration, checksum, drill result, error')
    .option('--limit <n>', 'how many', '20')
    .option('--json', 'print the records as JSON')
    .action(async (options: { limit: string; json?: boolean }) => {
      const { config, logger } = commandContext();
      const kit = await openBackupKit(config, logger);
      try {
        const list = await kit.store.backups.listBackups({ limit: Math.max(1, Number(options.limit) || 20) });
        if (options.json) json(list);
        else if (list.length === 0) print(`No backups yet (folder ${kit.folder.root}).`);
        else for (const b of list) print(describeBackup(b));
      } finally {
        await kit.close();
      }
    });

  backup
    .command('verify [id]')
    .description(
      'Re-hash every file of a backup (default: the newest) and check its audit chain head; exit 1 on any difference',
    )
    .option('--json', 'print the result as JSON')
    .action(async (id: string | undefined, options: { json?: boolean }) => {
      const { config, logger } = commandContext();
      const tools = await backupToolsFor(config, logger);
      const backupId = id ?? (await tools.folder.listBackupIds()).at(-1);
      if (!backupId) {
        print(`No backups in ${tools.folder.root}.`);
        process.exitCode = ExitCode.FAILURE;
        return;
      }
      // The live store gives the recorded checksum and the trail; verify still works without it.
      const kit = await openBackupKit(config, logger).catch(() => undefined);
      try {
        const result = await verifyBackup(
          { folder: tools.folder, backups: kit?.store.backups, audit: kit?.store.audit },
          backupId,
        );
        if (options.json) json(result);
        else process.stdout.write(describeVerification(result));
        process.exitCode = result.ok ? ExitCode.OK : ExitCode.FAILURE;
      } finally {
        await kit?.close();
      }
    });

  backup
    .command('prune')
    .description(
      'Delete verified backups the retention policy does not keep (and failed backups\u2019 files)',
    )
    .option('--dry-run', 'only say what would be deleted')
    .option('--json', 'print the result as JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }) => {
      const { config, logger } = commandContext();
      const kit = await openBackupKit(config, logger);
      try {
        const result = await pruneBackups(
          { backups: kit.store.backups, folder: kit.folder },
          {
            policy: config.backup.retention,
            timeZone: config.billing.timeZone,
            dryRun: options.dryRun === true,
          },
        );
        if (options.json) json(result);
        else {
          for (const kept of result.kept) print(`keep   ${kept.id}  (${kept.reasons.join(', ')})`);
          for (const id of result.pruned) print(`${options.dryRun ? 'would prune' : 'pruned'} ${id}`);
        }
      } finally {
        await kit.close();
      }
    });
}
