// Report e-mails with attachments (the monthly access review), over the same transports as alerts:
// SMTP through nodemailer, or .eml files in the outbox folder. AlertSender carries no files.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { ReportMail, ReportMailer } from '../../ports/report-mailer.js';
import { describeMailFailure } from './mail-failure.js';
import { smtpTransportOptions } from './smtp-probe.js';
import type { SmtpSenderSettings } from './smtp-sender.js';

function mailOptions(from: string, mail: ReportMail) {
  return {
    from,
    to: [...mail.to],
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    attachments: mail.attachments.map((a) => ({
      filename: a.fileName,
      contentType: a.contentType,
      content: Buffer.from(a.content),
    })),
  };
}

/** A ReportMailer over SMTP; `close` ends its connections. */
export function createSmtpReportMailer(settings: SmtpSenderSettings): ReportMailer & { close(): void } {
  const transport = nodemailer.createTransport(smtpTransportOptions(settings));
  const server = `${settings.host}:${settings.port}`;
  return {
    async send(mail) {
      try {
        const info = await transport.sendMail(mailOptions(settings.from, mail));
        return { id: info.messageId };
      } catch (error) {
        throw new AppError(
          ErrorCode.MAIL_FAILED,
          `SMTP ${server} did not take the report: ${describeMailFailure(error)}`,
          {
            hint: 'Check the LEDGERLINE_SMTP_* settings and the recipients.',
            cause: error,
          },
        );
      }
    },
    close: () => transport.close(),
  };
}

/** A ReportMailer writing each message as an .eml file into `folder` (written, then renamed). */
export function createOutboxReportMailer(settings: {
  readonly folder: string;
  readonly from: string;
  readonly now?: () => Date;
}): ReportMailer {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const now = settings.now ?? (() => new Date());
  return {
    async send(mail) {
      const name = `${now().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`;
      const partial = path.join(settings.folder, `.${name}.partial`);
      try {
        const info = await builder.sendMail(mailOptions(settings.from, mail));
        await mkdir(settings.folder, { recursive: true });
        await writeFile(partial, info.message, { flag: 'wx' });
        await rename(partial, path.join(settings.folder, name));
        return { id: name };
      } catch (error) {
        await rm(partial, { force: true }).catch(() => undefined);
        const reason = error instanceof Error && 'code' in error ? String(error.code) : 'build failed';
        throw new AppError(
          ErrorCode.MAIL_FAILED,
          `Could not write the report to the mail outbox (${reason}).`,
          {
            hint: 'Check that the outbox folder under the data folder is writable.',
            cause: error,
          },
        );
      }
    },
  };
}
