// The flags of `ledgerline init` (everything a CI job needs to set up without questions) and what
// init needs around them: where to write, how to ask, and where to print.
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { Prompter } from './prompter.js';

export interface InitFlags {
  dir?: string;
  yes?: boolean;
  region?: string;
  baseUrl?: string;
  tokenStdin?: boolean;
  sourceSheets?: string;
  sourceFolders?: string;
  sourceWorkspaces?: string;
  targetSheet?: string;
  auditSheet?: string;
  createAuditSheet?: string;
  auditWorkspace?: string;
  databaseUrl?: string;
  adminEmail?: string;
  adminName?: string;
  adminPasswordStdin?: boolean;
  adminTotpSkip?: boolean;
  registerWebhooks?: boolean;
  publicUrl?: string;
}

export interface InitIo {
  /** Undefined when init runs from flags only (not a terminal, or --yes). */
  prompter: Prompter | undefined;
  out(line: string): void;
  /** Lines piped on stdin, in order: the token (--token-stdin), then the admin password. */
  stdinLines: string[];
}

/** `a, b` → ids; `-` or empty → none. Throws a usage error naming the flag for anything else. */
export function parseIdList(text: string, what: string): number[] {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '-') return [];
  return trimmed.split(',').map((part) => {
    const id = Number(part.trim());
    if (!/^\d+$/.test(part.trim()) || !Number.isSafeInteger(id) || id <= 0) {
      throw new AppError(ErrorCode.INPUT_INVALID, `${what}: '${part.trim()}' is not a Smartsheet id`);
    }
    return id;
  });
}

/** Flag combinations that cannot work, refused before anything is read or written. */
export function assertFlagsUsable(flags: InitFlags, interactive: boolean): void {
  const usage = (message: string, hint?: string) =>
    new AppError(ErrorCode.INPUT_INVALID, message, hint ? { hint } : {});
  if (flags.region && flags.baseUrl) throw usage('Give --region or --base-url, not both.');
  if (flags.auditSheet && flags.createAuditSheet)
    throw usage('Give --audit-sheet or --create-audit-sheet, not both.');
  if (!interactive && flags.adminEmail && !flags.adminTotpSkip) {
    throw usage(
      'Without a terminal the admin cannot enrol an authenticator now.',
      'Add --admin-totp-skip: the admin then sets up TOTP at first sign-in (the dashboard enforces it).',
    );
  }
  if (flags.adminPasswordStdin && !flags.adminEmail && !interactive)
    throw usage('--admin-password-stdin needs --admin-email.');
}
