// Init, step 4: the dashboard's first admin — created only when no enabled admin exists — with its
// authenticator (TOTP) enrolled on the spot when a person is at the terminal: the otpauth URI, the
// QR code drawn as text, and a first code to confirm it.
import QRCode from 'qrcode';
import { createQrCodeSvgRenderer } from '../../adapters/auth/qr-code-svg.js';
import { operatorName } from '../../app/backup-kit.js';
import { NO_ORIGIN } from '../../domain/auth/auth-event.js';
import type { AuthDeps } from '../../services/auth-context.js';
import { confirmMfa, startMfaEnrolment } from '../../services/auth-mfa.js';
import { ensureFirstAdmin } from '../../services/manage-users.js';
import type { InitFlags, InitIo } from './init-options.js';

const MAX_CODE_ATTEMPTS = 3;

export async function setUpFirstAdmin(deps: AuthDeps, flags: InitFlags, io: InitIo): Promise<void> {
  const admin = (await deps.users.listUsers()).find((u) => u.role === 'admin' && u.disabledAt === null);
  if (admin) {
    io.out(`✓ Admin account: ${admin.email} already exists (unchanged).`);
    return;
  }
  const email =
    flags.adminEmail ??
    (io.prompter ? await io.prompter.ask('E-mail of the first dashboard admin (- to skip)', '-') : '-');
  if (email.trim() === '-' || email.trim() === '') {
    io.out('• No admin account yet: create one later with `ledgerline users add --role admin …`.');
    return;
  }
  const displayName =
    flags.adminName ??
    (io.prompter ? await io.prompter.ask('Their name', email.split('@')[0]) : (email.split('@')[0] ?? email));
  let password: string | undefined;
  if (flags.adminPasswordStdin) password = io.stdinLines.shift();
  else if (io.prompter)
    password = await io.prompter.askSecret('Password (Enter generates a strong one)', false);
  const actor = { email: `cli:${operatorName()}`, origin: NO_ORIGIN };
  const created = await ensureFirstAdmin(deps, actor, { email, displayName, password });
  io.out(`✓ Created the admin ${created.email}.`);
  if (created.temporaryPassword)
    io.out(`  Password (shown once, stored only as an argon2id hash): ${created.temporaryPassword}`);

  const user = await deps.users.getUserByEmail(created.email);
  if (!user) return;
  if (
    !io.prompter ||
    flags.adminTotpSkip ||
    !(await io.prompter.confirm('Set up their authenticator app (TOTP) now?', true))
  ) {
    io.out('  They set up an authenticator app at first sign-in (the dashboard requires it for admins).');
    return;
  }
  const self = { ...actor, email: user.email, userId: user.id };
  const offer = await startMfaEnrolment({ ...deps, qr: createQrCodeSvgRenderer() }, self);
  io.out('Scan this with the authenticator app, or enter the secret by hand:');
  io.out(await QRCode.toString(offer.otpauthUri, { type: 'terminal', small: true }));
  io.out(`  ${offer.otpauthUri}`);
  for (let attempt = 1; ; attempt += 1) {
    const code = await io.prompter.ask('Code shown by the app');
    try {
      const recovery = await confirmMfa(deps, self, code.replace(/\s+/g, ''));
      io.out('✓ Two-factor sign-in is on. Recovery codes (shown once; keep them somewhere safe):');
      for (const line of recovery) io.out(`    ${line}`);
      return;
    } catch (error) {
      if (attempt >= MAX_CODE_ATTEMPTS) {
        io.out(`  ${(error as Error).message} They will enrol at first sign-in instead.`);
        return;
      }
      io.out(`  ${(error as Error).message}`);
    }
  }
}
