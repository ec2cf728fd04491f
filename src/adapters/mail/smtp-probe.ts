// Connects to the configured SMTP server and authenticates, without sending anything (`doctor`).
import nodemailer from 'nodemailer';
import { AppError, ErrorCode } from '../../domain/app-error.js';

export interface SmtpSettings {
  host: string | undefined;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  user: string | undefined;
  password: string | undefined;
}

/** Options for nodemailer shared by the probe and the sender, so both speak the same protocol. */
export function smtpTransportOptions(settings: SmtpSettings & { host: string }) {
  return {
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.user ? { user: settings.user, pass: settings.password ?? '' } : undefined,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
  };
}

export async function probeSmtp(settings: SmtpSettings): Promise<string> {
  if (!settings.host) {
    throw new AppError(
      ErrorCode.MAIL_FAILED,
      'LEDGERLINE_MAIL_TRANSPORT is smtp but LEDGERLINE_SMTP_HOST is not set',
      {
        hint: 'Set LEDGERLINE_SMTP_HOST (and port, security, user, password), or use the outbox transport.',
      },
    );
  }
  const transport = nodemailer.createTransport(smtpTransportOptions({ ...settings, host: settings.host }));
  try {
    await transport.verify();
    return `${settings.host}:${settings.port} (${settings.security}) accepts connections${settings.user ? ' and the login' : ''}`;
  } catch (error) {
    throw new AppError(
      ErrorCode.MAIL_FAILED,
      `SMTP ${settings.host}:${settings.port} failed: ${(error as Error).message}`,
      {
        hint: 'Check the LEDGERLINE_SMTP_* settings and that the server is reachable.',
        cause: error,
      },
    );
  } finally {
    transport.close();
  }
}
