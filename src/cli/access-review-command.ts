// `ledgerline access-review …`: make the monthly access review now (and mail it), list and show
// reviews, export one as CSV or xlsx, and record a reviewer's decision (billing-domain.md §4).
import { randomUUID } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { accessReviewRenderer } from '../adapters/access-review/access-review-renderer.js';
import { smartsheetBillingSheets } from '../adapters/smartsheet/smartsheet-billing-sheets.js';
import { migrateToLatest, openStore } from '../adapters/store/index.js';
import { accessReviewThresholdsFor, reportMailerFor } from '../app/access-review-kit.js';
import { openSmartsheetAccess } from '../app/smartsheet-access.js';
import type { SmartsheetAccess } from '../app/smartsheet-access.js';
import { decisionsInForce } from '../domain/access-review/access-review.js';
import { ACCESS_DECISIONS } from '../domain/access-review/access-review-subject.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import type { Store } from '../ports/store.js';
import { buildAccessReview } from '../services/access-review-build.js';
import { recordAccessReviewDecision } from '../services/access-review-decide.js';
import type { AccessReviewExportFormat } from '../services/access-review-export.js';
import { exportAccessReview, loadAccessReview } from '../services/access-review-export.js';
import { sendAccessReviewReport } from '../services/access-review-send.js';
import type { CommandContext } from './cli-context.js';
import { commandContext } from './cli-context.js';

const out = (line: string) => process.stdout.write(`${line}\n`);

async function withStore<T>(work: (store: Store, context: CommandContext) => Promise<T>): Promise<T> {
  const context = commandContext();
  const store = await openStore(context.config.database.location, { logger: context.logger });
  try {
    await migrateToLatest(store);
    return await work(store, context);
  } finally {
    await store.close();
  }
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

function formatOf(value: string): AccessReviewExportFormat {
  if (value === 'csv' || value === 'xlsx') return value;
  throw new InvalidArgumentError('format must be csv or xlsx');
}

/** Who ran the command, when no reviewer e-mail is given: the operating-system user. */
function operator(): string {
  return `cli:${os.userInfo().username}`;
}

export function registerAccessReviewCommand(program: Command): void {
  const command = program
    .command('access-review')
    .description('The monthly access review: accounts and sheet editors, flags, recommendations, decisions');

  command
    .command('run')
    .description('Make an access review now from the accounts and the source sheets’ shares, and store it')
    .option('--email', 'also mail it (workbook attached) to LEDGERLINE_ACCESS_REVIEW_RECIPIENTS')
    .option('--by <email>', 'who made it (default: the operating-system user)')
    .option('--json', 'print the summary as JSON')
    .action(async (options: { email?: boolean; by?: string; json?: boolean }) => {
      await withStore(async (store, { config, logger }) => {
        const mailer = options.email ? reportMailerFor(config) : undefined;
        if (options.email && (!mailer || config.accessReview.recipients.length === 0)) {
          throw new AppError(
            ErrorCode.CONFIG_INVALID,
            'Cannot mail the access review: no mail transport or no recipients',
            {
              hint: 'Set LEDGERLINE_MAIL_TRANSPORT and LEDGERLINE_ACCESS_REVIEW_RECIPIENTS (or LEDGERLINE_ALERT_RECIPIENTS).',
            },
          );
        }
        let access: SmartsheetAccess | undefined;
        try {
          access = await openSmartsheetAccess(config, logger);
          const source = smartsheetBillingSheets(access.client);
          const review = await buildAccessReview(
            { users: store.users, sheets: store.sheets, source, accessReviews: store.accessReviews, logger },
            {
              now: new Date(),
              createdBy: options.by ?? operator(),
              timeZone: config.billing.timeZone,
              thresholds: accessReviewThresholdsFor(config),
            },
          );
          const { summary } = await loadAccessReview({ accessReviews: store.accessReviews }, review.id);
          let mailedId: string | null = null;
          if (mailer) {
            ({ id: mailedId } = await sendAccessReviewReport(
              { mailer, renderer: accessReviewRenderer() },
              {
                review,
                decisions: [],
                recipients: config.accessReview.recipients,
                ...(config.http.publicUrl ? { dashboardUrl: config.http.publicUrl } : {}),
              },
            ));
          }
          if (options.json)
            return out(JSON.stringify({ id: review.id, period: review.period, summary, mailedId }, null, 2));
          out(
            `Access review ${review.id} (${review.period}): ${summary.subjects} subjects, ${summary.flagged} flagged.`,
          );
          const r = summary.byRecommendation;
          out(
            `Recommended: ${r.revoke} revoke, ${r.downgrade} downgrade, ${r['enable-mfa']} enable MFA, ${r.review} review, ${r.keep} keep.`,
          );
          for (const sheet of review.sheets.filter((s) => s.problem !== null)) {
            out(`Could not read the shares of ${sheet.sheetName} (${sheet.sheetId}): ${sheet.problem}`);
          }
          if (mailedId) out(`Mailed to ${config.accessReview.recipients.length} recipients (${mailedId}).`);
        } finally {
          mailer?.close?.();
          await access?.close();
        }
      });
    });

  command
    .command('list')
    .description('Stored access reviews, newest first')
    .option('--limit <n>', 'how many', positiveInt, 24)
    .action(async (options: { limit: number }) => {
      await withStore(async (store) => {
        const reviews = await store.accessReviews.listReviews({ limit: options.limit });
        if (reviews.length === 0) out('No access review yet; make one with `ledgerline access-review run`.');
        for (const r of reviews)
          out(`${r.id}\t${r.period}\t${r.createdAt}\t${r.subjectCount} subjects\tby ${r.createdBy}`);
      });
    });

  command
    .command('show')
    .description('One review (default: the latest): every subject with flags, recommendation and decision')
    .argument('[id]', 'review id (see `access-review list`)')
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, options: { json?: boolean }) => {
      await withStore(async (store) => {
        const loaded = await loadAccessReview({ accessReviews: store.accessReviews }, id);
        if (options.json) return out(JSON.stringify(loaded, null, 2));
        const { review, decisions, summary } = loaded;
        const inForce = decisionsInForce(decisions);
        out(
          `Access review ${review.id} (${review.period}), made ${review.createdAt} by ${review.createdBy}.`,
        );
        out(`${summary.subjects} subjects, ${summary.flagged} flagged, ${summary.decided} decided.`);
        for (const s of review.subjects) {
          const level = s.kind === 'account' ? (s.role ?? '') : (s.accessLevel ?? '');
          const decision = inForce.get(s.key);
          out(
            `${s.key}\t${level}\t${s.recommendation}\t${s.flags.join(',') || '-'}\t${decision ? `${decision.decision} by ${decision.reviewer}` : 'undecided'}`,
          );
        }
      });
    });

  command
    .command('export')
    .description('Write a review (default: the latest) with its decisions as CSV or xlsx')
    .argument('[id]', 'review id')
    .requiredOption('--format <format>', 'csv or xlsx', formatOf)
    .option('--out <file>', 'where to write it (default: its own name in the current folder)')
    .action(async (id: string | undefined, options: { format: AccessReviewExportFormat; out?: string }) => {
      await withStore(async (store) => {
        const file = await exportAccessReview(
          { accessReviews: store.accessReviews, renderer: accessReviewRenderer() },
          { format: options.format, ...(id === undefined ? {} : { id }) },
        );
        const target = path.resolve(options.out ?? file.fileName);
        await writeFile(target, file.bytes);
        out(`Wrote ${target} (${file.review.subjects.length} subjects).`);
      });
    });

  command
    .command('decide')
    .description('Record a reviewer’s decision on one subject of a review (also an audit event)')
    .argument('<review-id>', 'review id')
    .argument('<subject-key>', 'e.g. smartsheet:jane@example.com or account:ann@example.com')
    .argument('<decision>', ACCESS_DECISIONS.join(' | '))
    .requiredOption('--by <email>', 'the reviewer’s e-mail')
    .option('--comment <text>', 'why (required for accept-risk)')
    .action(
      async (
        reviewId: string,
        subjectKey: string,
        decision: string,
        options: { by: string; comment?: string },
      ) => {
        await withStore(async (store) => {
          const entry = await recordAccessReviewDecision(
            { accessReviews: store.accessReviews, audit: store.audit, newId: randomUUID },
            {
              reviewId,
              subjectKey,
              decision,
              comment: options.comment ?? null,
              reviewer: options.by,
              // Whoever runs the CLI has the database: the admin-only rule guards the dashboard.
              reviewerMayDecideOnAdmins: true,
              now: new Date(),
            },
          );
          out(`Recorded ${entry.decision} on ${entry.subjectKey} in ${entry.reviewId} by ${entry.reviewer}.`);
        });
      },
    );
}
