import type { Command } from 'commander';
import { migrateToLatest, migrationStatus, openStore } from '../adapters/store/index.js';
import { describeDatabase } from '../config/index.js';
import { commandContext } from './cli-context.js';

export function registerDbCommand(program: Command): void {
  const db = program.command('db').description('Database operations');
  db.command('migrate')
    .description('Apply pending migrations (safe to run from several processes at once)')
    .action(async () => {
      const { config, logger } = commandContext();
      const store = await openStore(config.database.location, { logger });
      try {
        const { applied } = await migrateToLatest(store);
        const where = describeDatabase(config.database.location);
        process.stdout.write(
          applied.length > 0
            ? `Applied ${applied.length} migration(s) to ${where}: ${applied.join(', ')}\n`
            : `${where} is up to date.\n`,
        );
      } finally {
        await store.close();
      }
    });
  db.command('status')
    .description('List applied and pending migrations')
    .action(async () => {
      const { config, logger } = commandContext();
      const store = await openStore(config.database.location, { logger });
      try {
        const status = await migrationStatus(store);
        for (const name of status.applied) process.stdout.write(`applied  ${name}\n`);
        for (const name of status.pending) process.stdout.write(`pending  ${name}\n`);
      } finally {
        await store.close();
      }
    });
}
