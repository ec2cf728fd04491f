// `ledgerline lock status | weeks [--dry-run]` and `ledgerline unlock` (issue #12): closing billed
// weeks for real outside a cycle, and the explicit admin unlock, which the audit trail records.
import type { Command } from 'commander';
import { operatorName } from '../app/backup-kit.js';
import { loadCheckpointSigner } from '../app/audit-signing-key.js';
import { weekEndDayOf } from '../app/audit-settings.js';
import { newRunId } from '../app/report-cycle.js';
import { withSmartsheetAccess } from '../app/smartsheet-access.js';
import { smartsheetRowLocker } from '../adapters/smartsheet/smartsheet-row-locker.js';
import { migrateToLatest, openStore } from '../adapters/store/index.js';
import type { Config } from '../config/index.js';
import { AppError, ErrorCode, ExitCode } from '../domain/app-error.js';
import { describeLockingScope } from '../domain/locking/locking-scope.js';
import type { Logger } from '../ports/logger.js';
import type { Store } from '../ports/store.js';
import { lockClosedWeeks, storedBillableRows } from '../services/lock-closed-weeks.js';
import type { LockRunSummary } from '../services/lock-closed-weeks.js';
import { signAuditCheckpoint } from '../services/sign-audit-checkpoint.js';
import { unlockRows } from '../services/unlock-rows.js';
import type { UnlockRowsResult } from '../services/unlock-rows.js';
import { commandContext } from './cli-context.js';

const print = (text: string) => process.stdout.write(`${text}\n`);

/** One line for the run summary and `lock weeks`: locked, already locked, refused with reasons. */
export function describeLockRun(s: LockRunSummary): string {
  const refused = Object.entries(s.refusedByReason)
    .map(([reason, n]) => `${n} ${reason}`)
    .join(', ');
  const head = s.dryRun
    ? `${s.wouldLock} would be locked, ${s.alreadyLocked} already locked`
    : `${s.locked} locked, ${s.alreadyLocked} already locked, ${s.refused} refused${refused ? ` (${refused})` : ''}`;
  const waiting =
    s.awaitingPublish > 0 ? `; ${s.awaitingPublish} closed-week report(s) awaiting publish` : '';
  const held = s.heldOpen > 0 ? `; ${s.heldOpen} row(s) held open by an unlock` : '';
  return `${head} (scope ${s.scope}, ${s.candidates} billed row(s) of closed weeks)${waiting}${held}`;
}

function parseIds(text: string, what: string): number[] {
  const ids = text
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (ids.length === 0 || !ids.every((id) => /^\d+$/.test(id) && Number.isSafeInteger(Number(id))))
    throw new AppError(
      ErrorCode.INPUT_INVALID,
      `${what} must be Smartsheet ids (digits), comma-separated; got ${text}`,
    );
  return ids.map(Number);
}

async function withStore<T>(config: Config, logger: Logger, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(config.database.location, { logger });
  try {
    await migrateToLatest(store);
    return await work(store);
  } finally {
    await store.close();
  }
}

async function lockWeeks(dryRun: boolean): Promise<LockRunSummary> {
  const { config, logger } = commandContext();
  const now = new Date();
  return withSmartsheetAccess(config, logger, (client) => {
    const locker = smartsheetRowLocker(client);
    return withStore(config, logger, async (store) => {
      const billable = await storedBillableRows(store, {
        now,
        timeZone: config.billing.timeZone,
        weekEndDay: weekEndDayOf(config),
      });
      const { summary } = await lockClosedWeeks(
        { locker, reports: store.reports, audit: store.audit },
        billable,
        {
          scope: config.locking.scope,
          weekClose: { timeZone: config.billing.timeZone, graceHours: config.billing.weekCloseGraceHours },
          now,
          dryRun,
        },
      );
      return summary;
    });
  });
}

function describeSheets(s: LockRunSummary): string[] {
  return s.sheets.flatMap((sheet) => [
    `  sheet ${sheet.sheetId} (weeks ${sheet.weekEndings.join(', ')}): ${sheet.candidates} billed row(s), ` +
      (s.dryRun
        ? `${sheet.wouldLock} would be locked, ${sheet.alreadyLocked} already locked`
        : `${sheet.locked} locked, ${sheet.alreadyLocked} already locked, ${sheet.refused.length} refused`),
    ...sheet.refused.map((r) => `    row ${r.rowId}: ${r.reason} — ${r.message}`),
  ]);
}

function describeUnlock(result: UnlockRowsResult): string {
  const { outcome } = result;
  return [
    `Sheet ${outcome.sheetId}: ${outcome.changed.length} row(s) unlocked, ${outcome.unchanged.length} were not locked, ${outcome.refused.length} refused.`,
    ...outcome.refused.map((r) => `  row ${r.rowId}: ${r.reason} — ${r.message}`),
    `${result.events.length} ROWS_UNLOCKED event(s) added to the audit trail.`,
    ...(result.events.length > 0
      ? [`Cycles leave these rows unlocked until ${String(result.events[0]?.details['holdUntil'])}.`]
      : []),
  ].join('\n');
}

export function registerLockCommands(program: Command): void {
  const lock = program
    .command('lock')
    .description(
      'Lock the billed rows of closed, published weeks in Smartsheet (LEDGERLINE_LOCK_CLOSED_WEEKS)',
    );

  lock
    .command('status')
    .description(
      'Show the locking scope and how many billed rows of closed weeks are locked; changes nothing',
    )
    .option('--json', 'print the result as JSON')
    .action(async (options: { json?: boolean }) => {
      const { config } = commandContext();
      if (config.locking.scope.kind === 'off') {
        print(
          options.json
            ? JSON.stringify({ scope: 'off' })
            : 'Locking is off (LEDGERLINE_LOCK_CLOSED_WEEKS=off): nothing is locked.',
        );
        return;
      }
      const summary = await lockWeeks(true);
      print(
        options.json
          ? JSON.stringify(summary, null, 2)
          : [
              `Locking scope: ${describeLockingScope(config.locking.scope)}`,
              describeLockRun(summary),
              ...describeSheets(summary),
            ].join('\n'),
      );
    });

  lock
    .command('weeks')
    .description('Lock the billable rows of closed weeks whose reports are published, as a cycle does')
    .option('--dry-run', 'list what would be locked; lock nothing')
    .option('--json', 'print the result as JSON')
    .action(async (options: { dryRun?: boolean; json?: boolean }) => {
      const summary = await lockWeeks(options.dryRun === true);
      print(
        options.json
          ? JSON.stringify(summary, null, 2)
          : [describeLockRun(summary), ...describeSheets(summary)].join('\n'),
      );
      // A refused row is never silently skipped: the command fails so a scheduler notices.
      if (summary.refused > 0) process.exitCode = ExitCode.FAILURE;
    });

  program
    .command('unlock')
    .description('Unlock rows of a billed week (admin only); recorded as ROWS_UNLOCKED with the reason')
    .requiredOption('--sheet <id>', 'the source sheet')
    .requiredOption('--rows <ids>', 'comma-separated row ids')
    .requiredOption('--reason <text>', 'why the rows are unlocked (kept in the audit trail)')
    .requiredOption('--by <email>', 'who authorised the unlock')
    .option('--hold-hours <hours>', 'how long cycles leave the rows unlocked for the correction', '24')
    .option('--json', 'print the result as JSON')
    .action(
      async (options: {
        sheet: string;
        rows: string;
        reason: string;
        by: string;
        holdHours: string;
        json?: boolean;
      }) => {
        const [sheetId] = parseIds(options.sheet, '--sheet');
        const rowIds = parseIds(options.rows, '--rows');
        const { config, logger } = commandContext();
        const runId = newRunId(new Date()).replace(/^run-/, 'unlock-');
        const result = await withSmartsheetAccess(config, logger, (client) =>
          withStore(config, logger, async (store) => {
            const unlocked = await unlockRows(
              {
                locker: smartsheetRowLocker(client),
                audit: store.audit,
                writerIdentity: () =>
                  client.getCurrentUser().then(
                    (u) => u.email.toLowerCase(),
                    () => null,
                  ),
              },
              {
                sheetId: sheetId as number,
                rowIds,
                reason: options.reason,
                by: options.by,
                via: 'admin-command',
                unlockId: runId,
                runId,
                now: new Date(),
                holdHours: Number(options.holdHours),
              },
            );
            // Like every command that stores events, the unlock ends with a signed checkpoint.
            if (unlocked.events.length > 0) {
              const signer = await loadCheckpointSigner(config, logger);
              await signAuditCheckpoint(store.audit, signer, { runId, now: new Date() });
            }
            return unlocked;
          }),
        );
        logger.info(
          { sheetId, unlocked: result.outcome.changed.length, by: options.by, operator: operatorName() },
          'rows unlocked',
        );
        print(options.json ? JSON.stringify(result, null, 2) : describeUnlock(result));
        if (result.outcome.refused.length > 0) process.exitCode = ExitCode.FAILURE;
      },
    );
}
