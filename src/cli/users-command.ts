// `ledgerline users …`: dashboard accounts from the command line — the first admin of a fresh
// install, and the admin actions of the web page for operators. Passwords come from stdin
// (`--password-stdin`), never from arguments (they would sit in shell history and `ps`); without
// one, a strong password is generated and printed once. Every change is an audit event whose
// actor is `cli:<user>@<host>`.
import type { Command } from 'commander';
import { createArgon2idPasswordHasher } from '../adapters/auth/argon2id-password-hasher.js';
import { migrateToLatest, openStore } from '../adapters/store/index.js';
import { operatorName } from '../app/backup-kit.js';
import { AppError, ErrorCode } from '../domain/app-error.js';
import { NO_ORIGIN } from '../domain/auth/auth-event.js';
import { authDepsFor } from '../http/auth/auth-settings.js';
import type { Store } from '../ports/store.js';
import type { Actor, AuthDeps } from '../services/auth-context.js';
import {
  changeUserRole,
  createUserAccount,
  disableUserAccount,
  grantUserPermission,
  listUserAccounts,
  parseRole,
  resetUserPassword,
} from '../services/manage-users.js';
import { commandContext } from './cli-context.js';

const out = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

async function withAuth<T>(work: (deps: AuthDeps, actor: Actor) => Promise<T>): Promise<T> {
  const { config, logger } = commandContext();
  const store: Store = await openStore(config.database.location, { logger });
  try {
    await migrateToLatest(store);
    const deps = authDepsFor(store, config, createArgon2idPasswordHasher());
    return await work(deps, { email: `cli:${operatorName()}`, origin: NO_ORIGIN });
  } finally {
    await store.close();
  }
}

/** The password piped in on stdin: the first line, without its line ending. */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.from(chunk as Buffer));
  const password = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
  if (password === '') {
    throw new AppError(ErrorCode.INPUT_INVALID, '--password-stdin was given but stdin held no password.', {
      hint: 'Pipe it in: printf \'%s\\n\' "$PASSWORD" | ledgerline users add …',
    });
  }
  return password;
}

function printGenerated(email: string, password: string | null): void {
  if (password === null) return;
  out(`Password for ${email} (shown once, stored only as an argon2id hash): ${password}`);
}

export function registerUsersCommand(program: Command): void {
  const users = program
    .command('users')
    .description('Dashboard accounts: add, list, disable, reset, roles, grants');

  users
    .command('add')
    .description(
      'Create an account; without --password-stdin a strong password is generated and printed once',
    )
    .requiredOption('--email <email>', 'sign-in e-mail')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', 'admin, auditor or viewer')
    .option('--password-stdin', 'read the password from stdin')
    .action(async (options: { email: string; name: string; role: string; passwordStdin?: boolean }) => {
      const role = parseRole(options.role);
      const password = options.passwordStdin ? await passwordFromStdin() : undefined;
      const created = await withAuth((deps, actor) =>
        createUserAccount(deps, actor, { email: options.email, displayName: options.name, role, password }),
      );
      out(`Created ${created.user.role} ${created.user.email} (${created.user.id}).`);
      printGenerated(created.user.email, created.temporaryPassword);
    });

  users
    .command('list')
    .description('Every account with its role, MFA, state and last sign-in')
    .option('--json', 'print JSON')
    .action(async (options: { json?: boolean }) => {
      const accounts = await withAuth((deps) => listUserAccounts(deps));
      if (options.json) return out(JSON.stringify(accounts, null, 2));
      if (accounts.length === 0)
        return out('No accounts yet. Create the first admin: ledgerline users add --role admin …');
      for (const a of accounts) {
        const state = a.disabledAt ? 'disabled' : a.lockedUntil ? `locked until ${a.lockedUntil}` : 'active';
        const grants = a.permissions.length > 0 ? `  grants: ${a.permissions.join(', ')}` : '';
        out(
          `${a.email}  ${a.role}  ${state}  mfa: ${a.mfaEnabled ? 'on' : 'off'}  last sign-in: ${a.lastLoginAt ?? 'never'}${grants}`,
        );
      }
    });

  users
    .command('disable <email>')
    .description('Disable an account and end its sessions')
    .action(async (email: string) => {
      const user = await withAuth((deps, actor) => disableUserAccount(deps, actor, { email }));
      out(`Disabled ${user.email}; its sessions are ended.`);
    });

  users
    .command('reset-password <email>')
    .description('Set a new password (generated unless --password-stdin), unlock, end its sessions')
    .option('--password-stdin', 'read the new password from stdin')
    .action(async (email: string, options: { passwordStdin?: boolean }) => {
      const password = options.passwordStdin ? await passwordFromStdin() : undefined;
      const reset = await withAuth((deps, actor) => resetUserPassword(deps, actor, { email }, password));
      out(`Reset the password of ${reset.user.email}; its sessions are ended.`);
      printGenerated(reset.user.email, reset.temporaryPassword);
    });

  users
    .command('role <email> <role>')
    .description('Change the role of an account (admin, auditor, viewer)')
    .action(async (email: string, roleText: string) => {
      const role = parseRole(roleText);
      const user = await withAuth((deps, actor) => changeUserRole(deps, actor, { email }, role));
      out(`${user.email} is now ${user.role}.`);
    });

  users
    .command('grant <email> <permission>')
    .description('Grant a permission such as billing.correct to an e-mail')
    .action(async (email: string, permission: string) => {
      const granted = await withAuth((deps, actor) =>
        grantUserPermission(deps, actor, { email, permission }),
      );
      out(
        granted
          ? `Granted ${permission} to ${email.trim().toLowerCase()}.`
          : `${email} already had ${permission}.`,
      );
    });
}
