// `ledgerline init`: the guided setup of a real deployment (issue #11). On a terminal it asks, with
// the current values as defaults; with --yes or without a terminal it takes flags only (CI). Secrets
// come from the terminal without echo or from stdin — never from the command line.
import type { Command } from 'commander';
import type { InitFlags } from './init/init-options.js';
import { terminalPrompter } from './init/prompter.js';
import { runInit } from './init/run-init.js';

/** Every line piped on stdin (the token, then the admin password), when stdin is not a terminal. */
async function pipedLines(): Promise<string[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/);
}

export function registerInitCommand(program: Command): void {
  program
    .command('init')
    .description(
      'Guided setup: Smartsheet token and sheets, ledgerline.env + .env (mode 600), database, first admin, webhooks',
    )
    .option('--dir <path>', 'where to write ledgerline.env and .env (default: here)')
    .option('--yes', 'ask nothing: take flags, then current values, then defaults')
    .option('--region <region>', 'Smartsheet instance: us, eu, gov or au')
    .option('--base-url <url>', 'Smartsheet API base URL (overrides the region)')
    .option('--token-stdin', 'read the API token from the first line of stdin')
    .option('--source-sheets <ids>', 'comma-separated source sheet ids (- for none)')
    .option('--source-folders <ids>', 'comma-separated folder ids walked for source sheets')
    .option('--source-workspaces <ids>', 'comma-separated workspace ids walked for source sheets')
    .option('--target-sheet <id>', 'sheet with one row per Work Request (- for none)')
    .option('--audit-sheet <id>', 'existing audit sheet (- for none)')
    .option('--create-audit-sheet <name>', 'create the audit sheet with the right columns')
    .option('--audit-workspace <id>', 'workspace for --create-audit-sheet (default: your Sheets folder)')
    .option('--database-url <url>', 'sqlite:<file> or postgres://…')
    .option('--admin-email <email>', 'create this first dashboard admin when none exists')
    .option('--admin-name <name>', "the admin's display name")
    .option('--admin-password-stdin', 'read the admin password from the next line of stdin')
    .option('--admin-totp-skip', 'the admin enrols an authenticator at first sign-in')
    .option('--register-webhooks', 'register webhooks for the source sheets (serve must be reachable)')
    .option('--public-url <url>', 'the https address Smartsheet calls (- for none)')
    .action(async (flags: InitFlags) => {
      const interactive = process.stdin.isTTY === true && flags.yes !== true;
      const stdinLines =
        interactive || !(flags.tokenStdin || flags.adminPasswordStdin) ? [] : await pipedLines();
      const prompter = interactive ? terminalPrompter() : undefined;
      try {
        await runInit(flags, {
          prompter,
          out: (line) => process.stdout.write(`${line}\n`),
          stdinLines,
        });
      } finally {
        prompter?.close();
      }
    });
}
