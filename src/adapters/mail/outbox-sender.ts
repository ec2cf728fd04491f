// Writes each alert as an RFC 5322 .eml file into a folder instead of sending it: the demo and
// installations without a mail server read them there (or hand the folder to another mailer).
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { AppError, ErrorCode } from '../../domain/app-error.js';
import type { AlertMessage, AlertSender } from '../../ports/alert-sender.js';

export interface OutboxSenderSettings {
  /** The folder the .eml files go to; created when missing. */
  readonly folder: string;
  readonly from: string;
  /** When the file is written, for its name; the wall clock unless a test fixes it. */
  readonly now?: () => Date;
}

/**
 * An outbox sender. nodemailer builds the bytes (the same MIME an SMTP send would carry, with CRLF
 * line ends as RFC 5322 requires); the file is written under a temporary name and renamed, so a
 * reader of the folder never sees half a message. The id is the file name, which sorts by time.
 */
export function createOutboxSender(settings: OutboxSenderSettings): AlertSender {
  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'windows' });
  const now = settings.now ?? (() => new Date());
  return {
    async send(message: AlertMessage) {
      const name = `${now().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`;
      const target = path.join(settings.folder, name);
      // A dot file is skipped by anything that scans the folder for *.eml.
      const partial = path.join(settings.folder, `.${name}.partial`);
      try {
        const info = await builder.sendMail({
          from: settings.from,
          to: [...message.to],
          subject: message.subject,
          text: message.text,
          html: message.html,
        });
        await mkdir(settings.folder, { recursive: true });
        await writeFile(partial, info.message, { flag: 'wx' });
        await rename(partial, target);
        return { id: name };
      } catch (error) {
        // Best effort: when the folder itself is the problem there is nothing to remove.
        await rm(partial, { force: true }).catch(() => undefined);
        const reason = error instanceof Error && 'code' in error ? String(error.code) : 'build failed';
        throw new AppError(
          ErrorCode.MAIL_FAILED,
          `Could not write the alert to the mail outbox (${reason}).`,
          {
            hint: 'Check that the outbox folder under the data folder is writable.',
            cause: error,
          },
        );
      }
    },
  };
}
