/** A file sent with a report e-mail. */
export interface MailAttachment {
  readonly fileName: string;
  readonly contentType: string;
  readonly content: Uint8Array;
}

/** A report e-mail: a message with files, as the monthly access review sends it. */
export interface ReportMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly attachments: readonly MailAttachment[];
}

/**
 * Delivers report e-mails (SMTP or the outbox folder). Alerts go through AlertSender, which carries
 * no files; reports need them.
 */
export interface ReportMailer {
  /** Resolves with the channel's id for the message; rejects with AppError MAIL_FAILED. */
  send(mail: ReportMail): Promise<{ readonly id: string }>;
}
