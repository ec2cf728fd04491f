// Sends alert e-mails over SMTP with nodemailer, speaking the same protocol as `doctor`'s probe.
import nodemailer from 'nodemailer';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { AlertMessage, AlertSender } from '../../ports/alert-sender.js';
import { describeMailFailure } from './mail-failure.js';
import { smtpTransportOptions, type SmtpSettings } from './smtp-probe.js';

/** SMTP settings with a host, plus the From address of alert e-mails. */
export interface SmtpSenderSettings extends SmtpSettings {
  readonly host: string;
  readonly from: string;
}

/** An AlertSender over SMTP; `close` ends its connections (call it when the process stops). */
export interface SmtpAlertSender extends AlertSender {
  close(): void;
}

/**
 * An SMTP sender: TLS, STARTTLS or plain per `security`, AUTH when a user is set. A message is
 * delivered when the server accepts at least one recipient (nodemailer rejects only when it
 * accepts none); a retry would otherwise send it again to those who already have it.
 * Failures reject with AppError MAIL_FAILED whose message names no recipient or secret.
 */
export function createSmtpSender(settings: SmtpSenderSettings): SmtpAlertSender {
  const transport = nodemailer.createTransport(smtpTransportOptions(settings));
  const server = `${settings.host}:${settings.port}`;
  return {
    async send(message: AlertMessage) {
      try {
        const info = await transport.sendMail({
          from: settings.from,
          to: [...message.to],
          subject: message.subject,
          text: message.text,
          html: message.html,
        });
        return { id: info.messageId };
      } catch (error) {
        throw new AppError(
          ErrorCode.MAIL_FAILED,
          `SMTP ${server} did not take the alert: ${describeMailFailure(error)}`,
          {
            hint: 'Check the LEDGERLINE_SMTP_* settings and the recipients; the alert is retried later.',
            cause: error,
          },
        );
      }
    },
    close() {
      transport.close();
    },
  };
}
